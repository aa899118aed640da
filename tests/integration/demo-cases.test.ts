import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { PersonDocument } from '../generated/graphql';
import { TestApp } from '../support/test-app';

/**
 * The demo data set carries a case for each situation of the access policy; each demo
 * account sees it as the policy says.
 */
describe('the demo cases, as each demo account sees them', () => {
  let app: TestApp;
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    app = await TestApp.start();
    const persons = await app.em().find(Person, {});
    for (const key of [
      'story:pending-relais',
      'story:relais-and-csapa',
      'story:consent-revoked',
      'story:consent-expired',
      'story:consent-to-all',
      'story:pending-csapa',
      'story:declined-relais',
      'story:completed-relais',
      'story:angers-to-nantes',
      'story:no-referral',
    ]) {
      idOf[key] = persons.find((p) => p.pseudonym === pseudonymFromKey(key))!.id;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  async function view(login: string, key: string) {
    const result = await app.as(login).query(PersonDocument, { id: idOf[key] });
    expect(result.errors).toBeUndefined();
    return result.data!.person;
  }

  it.each([
    // [viewer, case, mandate, visible domains]
    ['ts.relais38', 'story:pending-relais', 'PENDING', ['IDENTITY', 'JUDICIAL']],
    ['ts.relais38', 'story:relais-and-csapa', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']],
    ['soignant.csapa38', 'story:relais-and-csapa', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH']],
    ['cpip.grenoble', 'story:relais-and-csapa', 'FULL', ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']],
    ['ts.relais38', 'story:consent-revoked', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING']],
    ['ts.relais38', 'story:consent-expired', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING']],
    ['ts.relais38', 'story:consent-to-all', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']],
    ['coord.siao38', 'story:consent-to-all', 'FULL', ['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING']],
    ['cpip.grenoble', 'story:consent-to-all', 'FULL', ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']],
    ['soignant.csapa38', 'story:pending-csapa', 'PENDING', ['IDENTITY', 'JUDICIAL']],
    ['ts.relais38', 'story:declined-relais', 'ENDED', []],
    ['ts.relais38', 'story:completed-relais', 'ENDED', ['SOCIAL', 'HOUSING']],
    ['soignant.csapa44', 'story:angers-to-nantes', 'FULL', ['IDENTITY', 'JUDICIAL', 'HEALTH_SUMMARY', 'HEALTH']],
    ['cpip.angers', 'story:angers-to-nantes', 'FULL', ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']],
    ['cpip.grenoble', 'story:no-referral', 'FULL', ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING']],
  ])('%s sees %s under a %s mandate: %j', async (login, key, mandate, domains) => {
    const person = await view(login, key);
    expect(person).not.toBeNull();
    expect(person!.mandate).toBe(mandate);
    expect(person!.visibleDomains).toEqual(domains);
  });

  it.each([
    ['coord.siao38', 'story:pending-relais'],
    ['soignant.csapa38', 'story:pending-relais'],
    ['cpip.angers', 'story:relais-and-csapa'],
    ['soignant.csapa44', 'story:relais-and-csapa'],
    ['ts.relais38', 'story:no-referral'],
    ['cpip.grenoble', 'story:angers-to-nantes'],
  ])('%s does not see %s at all', async (login, key) => {
    expect(await view(login, key)).toBeNull();
  });

  it('hides the CSAPA referral of a person from the association until the person consents', async () => {
    const withConsent = await view('ts.relais38', 'story:relais-and-csapa');
    expect(withConsent!.referrals.map((r) => r.toStructure.name).sort()).toEqual(['CSAPA Grenoble Addictions', 'Relais Isère Sortants']);
    const revoked = await view('ts.relais38', 'story:consent-revoked');
    expect(revoked!.referrals.map((r) => r.toStructure.name)).toEqual(['Relais Isère Sortants']);
  });
});
