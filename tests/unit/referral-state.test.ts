import { REFERRAL_TRANSITIONS, assertTransition } from '../../src/support/referral-state';
import { ReferralStatus } from '../../src/support/referral.enums';
import { ConflictError } from '../../src/shared/errors';

const { PENDING, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CANCELLED } = ReferralStatus;

describe('the referral state machine', () => {
  const legal: [ReferralStatus, ReferralStatus][] = [
    [PENDING, ACCEPTED],
    [PENDING, DECLINED],
    [PENDING, CANCELLED],
    [ACCEPTED, IN_PROGRESS],
    [ACCEPTED, COMPLETED],
    [ACCEPTED, CANCELLED],
    [IN_PROGRESS, COMPLETED],
    [IN_PROGRESS, CANCELLED],
  ];

  it.each(legal)('%s → %s is allowed', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const all = Object.values(ReferralStatus);
  const illegal = all.flatMap((from) => all.map((to) => [from, to] as [ReferralStatus, ReferralStatus])).filter(
    ([from, to]) => !legal.some(([a, b]) => a === from && b === to),
  );

  it.each(illegal)('%s → %s is a CONFLICT naming both states', (from, to) => {
    try {
      assertTransition(from, to);
      throw new Error('no conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toBe(`The referral is ${from}; it cannot become ${to}`);
      expect((error as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', currentStatus: from, requestedStatus: to });
    }
  });

  it('ends in DECLINED, COMPLETED and CANCELLED', () => {
    expect(REFERRAL_TRANSITIONS[DECLINED]).toEqual([]);
    expect(REFERRAL_TRANSITIONS[COMPLETED]).toEqual([]);
    expect(REFERRAL_TRANSITIONS[CANCELLED]).toEqual([]);
  });
});
