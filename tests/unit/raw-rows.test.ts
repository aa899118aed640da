import { dateOf } from '../../src/shared/raw-rows';

describe('dateOf', () => {
  it('reads timestamps as PostgreSQL writes them, text or JSON, to the millisecond, as Date would', () => {
    const cases = [
      '2026-11-22 21:12:59.123456+00',
      '2026-11-22T21:12:59.123456+00:00',
      '2026-11-22T21:12:59.1+00:00',
      '2026-11-22 21:12:59+00',
      '2026-01-01T00:00:00Z',
      '1999-12-31T23:59:59.999999+00:00',
      '2026-11-22T22:12:59.5+01:00',
    ];
    for (const text of cases) expect(dateOf(text)!.toISOString()).toBe(new Date(text).toISOString());
  });

  it('keeps nulls and dates as they are', () => {
    const now = new Date();
    expect(dateOf(null)).toBeNull();
    expect(dateOf(undefined)).toBeNull();
    expect(dateOf(now)).toBe(now);
  });
});

describe('dateOf, beyond the formats it reads itself', () => {
  it('leaves other zones and shapes to Date', () => {
    for (const text of ['2026-11-22T21:12:59.123+02:00', '2026-11-22', 'Sun Nov 22 2026 21:12:59 GMT+0000', '2026-11-22 21:12:59.1234567+00']) {
      expect(dateOf(text)!.getTime()).toEqual(new Date(text).getTime());
    }
  });
});
