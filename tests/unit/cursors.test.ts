import { decodeCursor, encodeCursor, useCursorSecret } from '../../src/shared/pagination';

describe('pagination cursors', () => {
  const position = { createdAt: '2026-11-23T06:04:00.261123Z', id: '8d8c4151-c645-4a0d-9077-25fc1f619786' };

  it('carry no readable value: neither the time nor the id, even decoded', () => {
    const cursor = encodeCursor(position, 'persons');
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const part of ['2026', '8d8c4151', 'c645', position.id.replace(/-/g, '')]) {
      expect(cursor).not.toContain(part);
      expect(decoded).not.toContain(part);
    }
    expect(decodeCursor(cursor, 'persons')).toEqual(position);
  });

  it('refuse an altered, a forged or a readable cursor as the same bad input', () => {
    const cursor = encodeCursor(position, 'persons');
    const altered = Buffer.from(cursor, 'base64url');
    altered[14] ^= 1;
    const readable = Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
    for (const bad of [altered.toString('base64url'), readable, 'x', '', 'A'.repeat(600)]) {
      expect(() => decodeCursor(bad, 'persons')).toThrow('after is not a cursor returned by this API');
    }
  });

  it('belong to their list: a cursor of one list is refused by another', () => {
    const cursor = encodeCursor(position, 'timeline');
    expect(decodeCursor(cursor, 'timeline')).toEqual(position);
    expect(() => decodeCursor(cursor, 'persons')).toThrow('after is not a cursor returned by this API');
  });

  it('open on every node that shares the secret, and on no other', () => {
    useCursorSecret('one-deployment-secret-0123456789-abcdef');
    const cursor = encodeCursor(position, 'persons');
    expect(decodeCursor(cursor, 'persons')).toEqual(position);
    useCursorSecret('another-deployment-secret-0123456789-xyz');
    expect(() => decodeCursor(cursor, 'persons')).toThrow('not a cursor');
  });
});

describe('PageInfo', () => {
  it('tells the first and last cursors, and whether the page started after one', async () => {
    const { PageInfoView } = await import('../../src/shared/pagination');
    const edges = [{ cursor: 'a' }, { cursor: 'b' }, { cursor: 'c' }];
    expect(PageInfoView.of(edges, true, null)).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: 'a', endCursor: 'c' });
    expect(PageInfoView.of([], false, 'x')).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });
});
