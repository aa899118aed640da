import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import { AccountFactory } from '../../seeds/factories/account.factory';
import { seedBulkCaseload } from '../../seeds/factories/bulk-caseload';
import { StructureFactory } from '../../seeds/factories/structure.factory';
import { MyCaseloadDocument, type MyCaseloadQuery } from '../generated/graphql';
import { TestApp, errorCodes, type GraphQLResult } from '../support/test-app';

describe('myCaseload', () => {
  let app: TestApp;
  let worker: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const association = new StructureFactory(em).makeOne({ name: 'Association de test (2 000 suivis)', kind: StructureKind.ASSOCIATION });
    const account = new AccountFactory(em).makeOne({ structure: association, role: Role.SOCIAL_WORKER });
    await em.flush();
    const spip = await em.findOneOrFail(Structure, { name: "SPIP de l'Isère" });
    const officer = await em.findOneOrFail(Account, { login: 'cpip.grenoble' });
    const created = await seedBulkCaseload(em, {
      count: 2000,
      tag: 'CL',
      spipId: spip.id,
      spipAccountId: officer.id,
      structureId: association.id,
      accountId: account.id,
    });
    expect(created).toBe(2000);
    worker = account.login;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a caseload of 2,000 persons with a fixed number of SQL statements, whatever the page size', async () => {
    const token = await app.tokenFor(worker);
    const small = await app.sql.count(() => app.request(MyCaseloadDocument, { first: 20 }, token));
    const large = await app.sql.count(() => app.request(MyCaseloadDocument, { first: 500 }, token));
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.myCaseload.totalCount).toBe(2000);
    expect(large.result.data!.myCaseload.edges).toHaveLength(500);
    expect(large.statements).toBe(small.statements);
    // The reads of the 500 entries are audited in one statement.
    expect(large.sql.filter((sql) => sql.includes('insert into audit_read'))).toHaveLength(1);
  });

  it('puts the releases to come first, by date, and walks the whole caseload with cursors', async () => {
    const dates: string[] = [];
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const page: GraphQLResult<MyCaseloadQuery> = await app.as(worker).query(MyCaseloadDocument, { first: 500, after });
      for (const edge of page.data!.myCaseload.edges) {
        seen.add(edge.node.person.id);
        dates.push(edge.node.expectedReleaseDate!);
      }
      after = page.data!.myCaseload.pageInfo.hasNextPage ? (page.data!.myCaseload.pageInfo.endCursor ?? null) : null;
    } while (after);
    expect(seen.size).toBe(2000);
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = dates.filter((d) => d >= today);
    expect(dates.slice(0, upcoming.length)).toEqual([...upcoming].sort());
    expect(dates.slice(upcoming.length).every((d) => d < today)).toBe(true);
  });

  it('flags what needs action: release within 30 days without housing, rights to submit, no appointment', async () => {
    const page = await app.as(worker).query(MyCaseloadDocument, { first: 500 });
    const entries = page.data!.myCaseload.edges.map((edge) => edge.node);
    const soon = entries.filter((e) => e.flags.includes('RELEASE_SOON_WITHOUT_HOUSING'));
    expect(soon.length).toBeGreaterThan(0);
    for (const entry of soon) expect(entry.daysToRelease).toBeLessThanOrEqual(30);
    for (const entry of entries) {
      expect(entry.flags.includes('RIGHTS_TO_SUBMIT')).toBe(entry.rightsToSubmit! > 0);
      expect(entry.flags.includes('NO_APPOINTMENT_SCHEDULED')).toBe(entry.nextAppointment === null);
    }
  });

  it('never raises a flag from a domain the viewer may not read: a CSAPA without consent gets no housing or rights flags', async () => {
    const csapa = await app.as('soignant.csapa38').query(MyCaseloadDocument, { first: 500 });
    expect(csapa.errors).toBeUndefined();
    for (const edge of csapa.data!.myCaseload.edges) {
      expect(edge.node.flags).not.toContain('RELEASE_SOON_WITHOUT_HOUSING');
      if (edge.node.rightsToSubmit === null) expect(edge.node.flags).not.toContain('RIGHTS_TO_SUBMIT');
    }
  });

  it('is for the roles that follow persons: FORBIDDEN to evaluators; a bad cursor is BAD_USER_INPUT', async () => {
    expect(errorCodes(await app.as('eval.ofdt').query(MyCaseloadDocument, { first: 5 }))).toEqual(['FORBIDDEN']);
    const bad = await app.as(worker).query(MyCaseloadDocument, { first: 5, after: 'abc' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.as(worker).query(MyCaseloadDocument, { first: 501 }))).toEqual(['BAD_USER_INPUT']);
  });
});
