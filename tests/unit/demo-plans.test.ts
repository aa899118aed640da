import { RETENTION_YEARS } from '../../src/policy/access-policy';
import { ReferralStatus } from '../../src/support/referral.enums';
import { COHORT_YEARS, type CohortPersonPlan, pastCohortPlans } from '../../seeds/demo/cohorts';
import { STORY_PERSONS, demoCasePlans, generatedPersons } from '../../seeds/demo/people';
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

describe('the past cohort plans', () => {
  // Loaded on 22 November 2026 (cohorts 2023, 2024, 2025), and just after a new year.
  const clocks: [string, DemoClock][] = ['2026-11-22', '2027-01-15', '2028-01-02'].map((day) => [day, new DemoClock(new Date(`${day}T09:00:00Z`))]);

  it('are the same on every load, and name the same persons whatever the load day', () => {
    const [[, november], [, january]] = clocks;
    expect(pastCohortPlans(november)).toEqual(pastCohortPlans(november));
    expect(pastCohortPlans(january).map((p) => [p.key, p.firstName, p.lastName])).toEqual(
      pastCohortPlans(november).map((p) => [p.key, p.firstName, p.lastName]),
    );
  });

  it.each(clocks)('release 250 to 400 persons in each of the three last full years, per demo SPIP (loaded %s)', (_day, clock) => {
    const loadYear = clock.now.getUTCFullYear();
    const plans = pastCohortPlans(clock);
    const sizes = new Map<string, number>();
    for (const plan of plans) {
      const released = clock.day(plan.releaseDay);
      expect(released.slice(0, 4)).toBe(String(plan.year));
      sizes.set(`${plan.year} ${plan.spip}`, (sizes.get(`${plan.year} ${plan.spip}`) ?? 0) + 1);
    }
    const years = Array.from({ length: COHORT_YEARS }, (_, i) => loadYear - COHORT_YEARS + i);
    expect([...sizes.keys()].sort()).toEqual(years.flatMap((year) => [`${year} spip38`, `${year} spip49`]));
    for (const size of sizes.values()) {
      expect(size).toBeGreaterThanOrEqual(250);
      expect(size).toBeLessThanOrEqual(400);
    }
    expect(plans.length).toBeGreaterThanOrEqual(1500);
    expect(plans.length).toBeLessThanOrEqual(2400);
  });

  it('have distinct keys and names, none of the sixty persons of the demo cases', () => {
    const plans = pastCohortPlans(clocks[0][1]);
    const demoNames = new Set(demoCasePlans().map((p) => `${p.firstName} ${p.lastName}`));
    const names = plans.map((p) => `${p.firstName} ${p.lastName}`);
    expect(new Set(plans.map((p) => p.key)).size).toBe(plans.length);
    expect(new Set(names).size).toBe(plans.length);
    expect(names.filter((name) => demoNames.has(name))).toEqual([]);
  });

  it.each(clocks)('end everything before the load day, and the oldest cohort before the retention period (loaded %s)', (_day, clock) => {
    const loadYearStart = clock.daysTo(`${clock.now.getUTCFullYear()}-01-01`);
    const beyondRetention = clock.daysTo(`${clock.now.getUTCFullYear() - RETENTION_YEARS}-${clock.day(0).slice(5)}`);
    const oldest = clock.now.getUTCFullYear() - COHORT_YEARS;
    for (const plan of pastCohortPlans(clock)) {
      const ends = [plan.fileClosedDay, ...plan.followUps.map((f) => f.endDay), plan.placement?.endDay ?? -Infinity, plan.participation?.endedDay ?? -Infinity];
      expect(Math.max(...ends, plan.lastContactDay)).toBeLessThan(0);
      if (plan.year === oldest) expect(Math.max(...ends, plan.lastContactDay)).toBeLessThan(beyondRetention);
      expect(plan.fileClosedDay).toBeGreaterThanOrEqual(plan.releaseDay);
      for (const followUp of plan.followUps) {
        expect(followUp.referredDay).toBeLessThan(loadYearStart);
        expect(followUp.referredDay).toBeLessThan(followUp.startDay);
        expect(followUp.startDay).toBeLessThan(followUp.endDay);
      }
    }
  });

  it('keep health data for persons a CSAPA followed, places within capacity, participations for persons the association followed', () => {
    const plans = pastCohortPlans(clocks[0][1]);
    const csapa = (plan: CohortPersonPlan) => plan.followUps.some((f) => f.to === 'csapa38' || f.to === 'csapa44');
    expect(plans.filter((plan) => plan.health && !csapa(plan))).toEqual([]);
    expect(plans.filter((plan) => plan.participation && !plan.followUps.some((f) => f.to === 'relais38'))).toEqual([]);
    const capacity: Record<string, number> = { relaisHsp: 10, siao38Places: 5, csapa44ShortStay: 4 };
    const placements = plans.flatMap((plan) => (plan.placement ? [plan.placement] : []));
    for (const placement of placements) {
      const together = placements.filter(
        (other) => other.service === placement.service && other.startDay <= placement.startDay && placement.startDay <= other.endDay,
      );
      expect(together.length).toBeLessThanOrEqual(capacity[placement.service]);
    }
    expect(placements.length).toBeGreaterThan(30);
  });
});
