import { outcomePublicationService } from '../../src/outcomes/outcome-publication.service';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { toIsoDate } from '../../src/shared/scalars';
import { COHORT_YEARS, pastCohortPlans } from '../../seeds/demo/cohorts';
import { DemoClock } from '../../seeds/demo/random';
import { MyCaseloadDocument, PersonPseudonymsDocument, ProgramOutcomesDocument, type PersonPseudonymsQuery } from '../generated/graphql';
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
  const COHORT_YEARS_LIST = Array.from({ length: COHORT_YEARS }, (_, k) => loadYear - 1 - k);

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets the evaluator read real numbers of each published cohort year by département', async () => {
    await outcomePublicationService.publishDue(app.em(), toIsoDate(new Date()), '03-01');
    const published = COHORT_YEARS_LIST.filter((year) => toIsoDate(new Date()) >= `${year + 1}-03-01`);
    expect(published.length).toBeGreaterThan(0);
    for (const year of published) {
      const result = await app.as('eval.ofdt').query(ProgramOutcomesDocument, { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: ['DEPARTEMENT'] });
      expect(result.errors).toBeUndefined();
      const report = result.data!.programOutcomes;
      expect(report.years[0].publishedAt).not.toBeNull();
      const byDepartement = new Map(report.rows.map((row) => [row.group[0], row]));
      for (const departement of ['departement=38', 'departement=49']) {
        const row = byDepartement.get(departement)!;
        expect(row.persons.value).toBeGreaterThan(200);
        // Most counts are released: at most one outcome withheld per département.
        const withheld = (['housedAtRelease', 'rightsOpened', 'inCare', 'employed'] as const).filter((m) => row[m].suppressed);
        expect({ year, departement, withheld: withheld.length <= 1 }).toEqual({ year, departement, withheld: true });
      }
    }
  });

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
