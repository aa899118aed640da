import { ReferralStatus } from '../../src/referrals/referral.enums';
import { STORY_PERSONS, generatedPersons } from '../../seeds/demo/people';
import { DemoClock, SeededRandom } from '../../seeds/demo/random';

describe('the demo plans', () => {
  const plans = [...STORY_PERSONS, ...generatedPersons(34, 13)];

  it('are the same on every load', () => {
    expect(generatedPersons(34, 13)).toEqual(generatedPersons(34, 13));
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
  });

  it('count sixty persons with distinct names and keys', () => {
    expect(plans).toHaveLength(60);
    expect(new Set(plans.map((p) => `${p.firstName} ${p.lastName}`)).size).toBe(60);
    expect(new Set(plans.map((p) => p.key)).size).toBe(60);
  });

  it('send every receiving partner referrals in every status', () => {
    const seen = new Map<string, Set<ReferralStatus>>();
    for (const plan of plans) {
      for (const referral of plan.referrals) {
        if (!seen.has(referral.to)) seen.set(referral.to, new Set());
        seen.get(referral.to)!.add(referral.status);
      }
    }
    for (const to of ['relais38', 'csapa38', 'csapa44']) {
      expect([...seen.get(to)!].sort()).toEqual(Object.values(ReferralStatus).sort());
    }
  });

  it('give reasons to declined and cancelled referrals', () => {
    for (const referral of plans.flatMap((p) => p.referrals)) {
      if (referral.status === ReferralStatus.DECLINED) expect(referral.declineReason).toBeTruthy();
      if (referral.status === ReferralStatus.CANCELLED) expect(referral.cancelReason).toBeTruthy();
    }
  });
});

describe('DemoClock', () => {
  it('counts calendar days from the day of loading, in UTC', () => {
    const clock = new DemoClock(new Date('2026-11-22T23:30:00Z'));
    expect(clock.day(0)).toBe('2026-11-22');
    expect(clock.day(10)).toBe('2026-12-02');
    expect(clock.day(-22)).toBe('2026-10-31');
    expect(clock.at(1, 9).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });
});
