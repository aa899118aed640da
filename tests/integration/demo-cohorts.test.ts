import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { COHORT_YEARS, pastCohortPlans } from '../../seeds/demo/cohorts';
import { DemoClock } from '../../seeds/demo/random';
import { MyCaseloadDocument, PersonPseudonymsDocument, type PersonPseudonymsQuery } from '../generated/graphql';
import { TestApp, type GraphQLResult } from '../support/test-app';

/**
 * The past release cohorts of the demo data set, as the demo accounts meet them: the
 * partners do not find them among the persons they work with.
 */
describe('the past cohorts of the demo data set', () => {
  let app: TestApp;
  const plans = pastCohortPlans(new DemoClock());
  const yearOf = new Map(plans.map((plan) => [pseudonymFromKey(plan.key), plan.year]));
  const loadYear = new Date().getUTCFullYear();
  const oldest = loadYear - COHORT_YEARS;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  // Blocked by the disclosure control, not by the counts (checked in demo-data.test.ts): from
  // the thin cells of these cohorts (the association, its program and the SIAO are in 38 only)
  // complementary suppression climbs to the département margins (rightsOpened on most load
  // days) and, on some load days, to a year's total, where it throws "no complement".
  it.todo('lets the evaluator read every outcome of each published cohort year by département, none suppressed');

  async function walk(login: string, mandate: 'FULL' | 'PENDING' | 'ENDED'): Promise<string[]> {
    const pseudonyms: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResult<PersonPseudonymsQuery> = await app.as(login).query(PersonPseudonymsDocument, { first: 100, after, mandate });
      expect(page.errors).toBeUndefined();
      pseudonyms.push(...page.data!.persons.edges.map((edge) => edge.node.pseudonym));
      after = page.data!.persons.pageInfo.hasNextPage ? (page.data!.persons.pageInfo.endCursor ?? null) : null;
    } while (after);
    return pseudonyms;
  }

  it.each(['cpip.grenoble', 'cpip.angers', 'ts.relais38', 'soignant.csapa38', 'soignant.csapa44', 'coord.siao38'])(
    'keeps them out of the caseload and the open mandates of %s, and lists them as ended only within the retention period',
    async (login) => {
      const caseload = await app.as(login).query(MyCaseloadDocument, { first: 100 });
      expect(caseload.errors).toBeUndefined();
      expect(caseload.data!.myCaseload.totalCount).toBe(caseload.data!.myCaseload.edges.length);
      expect(caseload.data!.myCaseload.edges.filter((edge) => yearOf.has(edge.node.person.pseudonym))).toEqual([]);
      for (const mandate of ['FULL', 'PENDING'] as const) {
        expect((await walk(login, mandate)).filter((pseudonym) => yearOf.has(pseudonym))).toEqual([]);
      }
      // Ended mandates stay readable for two years: the oldest cohort has left every list.
      const ended = (await walk(login, 'ENDED')).filter((pseudonym) => yearOf.has(pseudonym));
      expect(ended.filter((pseudonym) => yearOf.get(pseudonym) === oldest)).toEqual([]);
    },
  );
});
