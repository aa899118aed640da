import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { AccessLogEntry } from '../../src/audit/access-log-entry.entity';
import { Consent } from '../../src/consents/consent.entity';
import { PersonHealthSummary } from '../../src/health/health-summary.entity';
import { Person } from '../../src/persons/person.entity';
import { RightKind, RightStatus } from '../../src/persons/person.enums';
import { RightStep } from '../../src/persons/right-step.entity';
import { DataDomain } from '../../src/policy/data-domain';
import { Referral } from '../../src/support/referral.entity';
import { ReferralStatus } from '../../src/support/referral.enums';
import { Need } from '../../src/shared/need';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import { AccountFactory } from '../../seeds/factories/account.factory';
import { PersonFactory } from '../../seeds/factories/person.factory';
import { StructureFactory } from '../../seeds/factories/structure.factory';
import {
  PersonPseudonymsDocument,
  type PersonPseudonymsQuery,
  PersonsDocument,
  ReferPersonDocument,
  RegisterPersonDocument,
} from '../generated/graphql';
import { TestApp, errorCodes, type GraphQLResult } from '../support/test-app';

describe('persons: the scoped list, lookups and registration', () => {
  let app: TestApp;
  let spipLogin: string;

  beforeAll(async () => {
    app = await TestApp.start();
    // A SPIP of its own with 60 persons, each with every domain, a referral and a consented health summary.
    const em = app.em();
    const spip = new StructureFactory(em).makeOne({ name: 'SPIP de test (Savoie)', kind: StructureKind.SPIP, departement: '73' });
    const officer = new AccountFactory(em).makeOne({ structure: spip, role: Role.PROBATION_OFFICER });
    const csapa = await em.findOneOrFail(Structure, { name: 'CSAPA Grenoble Addictions' });
    const carer = await em.findOneOrFail(Account, { login: 'soignant.csapa38' });
    const relais = await em.findOneOrFail(Structure, { name: 'Relais Isère Sortants' });
    const persons = new PersonFactory(em);
    for (let i = 0; i < 60; i++) {
      const record = persons.makeRecord({ spip, firstName: `Page${i}`, lastName: 'Test', expectedReleaseDate: '2027-01-01' });
      record.person.createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
      const summary = new PersonHealthSummary(record.person, true);
      summary.careStructure = csapa;
      const consent = new Consent(record.person, DataDomain.HEALTH_SUMMARY, carer);
      consent.recipient = spip;
      em.persist([summary, consent, new RightStep(record.person, RightKind.RSA, RightStatus.SUBMITTED)]);
      em.persist(new Referral(record.person, spip, relais, [Need.RIGHTS], officer));
    }
    await em.flush();
    spipLogin = officer.login;
  });

  afterAll(async () => {
    await app.close();
  });

  it('costs the same number of SQL statements for a page of 50 as for a page of 5', async () => {
    const token = await app.tokenFor(spipLogin);
    const five = await app.sql.count(() => app.request(PersonsDocument, { first: 5 }, token));
    const fifty = await app.sql.count(() => app.request(PersonsDocument, { first: 50 }, token));
    expect(five.result.errors).toBeUndefined();
    expect(five.result.data!.persons.edges).toHaveLength(5);
    expect(fifty.result.data!.persons.edges).toHaveLength(50);
    expect(fifty.result.data!.persons.edges.every((edge) => edge.node.healthSummary?.careStructure?.name === 'CSAPA Grenoble Addictions')).toBe(true);
    expect(fifty.statements).toBe(five.statements);
    // The reads of the whole page are audited in one statement.
    expect(fifty.sql.filter((sql) => sql.includes('insert into audit_read'))).toHaveLength(1);
  });

  it('reads the page ahead in the page\'s own statement, and answers exactly as the fields read one by one', async () => {
    // Identities, referrals and their receivers of a page are read ahead and given to the
    // loaders; person(id) reads them field by field. Same answers, for every kind of mandate.
    const page = `query Page($first: Int) { persons(first: $first) { edges { node { id
      ...Names referrals { id status needs createdAt decidedAt closedAt version toStructure { id name kind } } } } } }
      fragment Names on Person { identity { firstName lastName birthDate sex phone email version } }`;
    const lookups = (ids: string[]) =>
      `query Lookups { ${ids.map((id, i) => `p${i}: person(id: "${id}") { id identity { firstName lastName birthDate sex phone email version }
        referrals { id status needs createdAt decidedAt closedAt version toStructure { id name kind } } }`).join(' ')} }`;
    for (const login of [spipLogin, 'ts.relais38', 'cpip.grenoble', 'soignant.csapa38']) {
      const token = await app.tokenFor(login);
      const listed = (await (await app.post({ query: page, variables: { first: 60 } }, token)).json()) as GraphQLResult<{
        persons: { edges: { node: { id: string } }[] };
      }>;
      expect(listed.errors).toBeUndefined();
      const nodes = listed.data!.persons.edges.map((edge) => edge.node);
      expect(nodes.length).toBeGreaterThan(0);
      for (let start = 0; start < nodes.length; start += 15) {
        const chunk = nodes.slice(start, start + 15);
        const one = (await (await app.post({ query: lookups(chunk.map((node) => node.id)) }, token)).json()) as GraphQLResult<Record<string, unknown>>;
        expect(one.errors).toBeUndefined();
        expect(chunk.map((_, i) => one.data![`p${i}`])).toEqual(chunk);
      }
    }
    const token = await app.tokenFor(spipLogin);
    const bare = await app.sql.count(() => app.post({ query: '{ persons(first: 50) { edges { node { id pseudonym } } } }' }, token));
    const full = await app.sql.count(() => app.post({ query: page, variables: { first: 50 } }, token));
    // The parts ride on the page's statement: no statement more than the bare page.
    expect(full.statements).toBe(bare.statements);
  });

  it('audits a page once per person, with the domains read', async () => {
    const token = await app.tokenFor(spipLogin);
    const response = await app.post(
      { query: 'query AuditPage { persons(first: 7) { edges { node { identity { lastName } social { resources } } } } }' },
      token,
      { 'x-request-id': 'persons-audit-page' },
    );
    expect(response.status).toBe(200);
    const entries = await app.em().find(AccessLogEntry, { requestId: response.headers.get('x-request-id')! });
    expect(entries).toHaveLength(7);
    expect(new Set(entries.map((entry) => entry.personId)).size).toBe(7);
    for (const entry of entries) expect(entry).toMatchObject({ kind: 'READ', operation: 'AuditPage', domains: ['IDENTITY', 'SOCIAL'] });
  });

  it('walks every visible person exactly once, in a stable order, with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResult<PersonPseudonymsQuery> = await app.as(spipLogin).query(PersonPseudonymsDocument, { first: 7, after });
      const { edges, pageInfo } = result.data!.persons;
      seen.push(...edges.map((edge) => edge.node.id));
      if (!pageInfo.hasNextPage) {
        expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
        break;
      }
      after = pageInfo.endCursor ?? null;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const counted = await app.as(spipLogin).query(PersonPseudonymsDocument, { first: 1 });
    expect(counted.data!.persons.totalCount).toBe(60);
    const again = await app.as(spipLogin).query(PersonPseudonymsDocument, { first: 60 });
    expect(again.data!.persons.edges.map((edge) => edge.node.id)).toEqual(seen);
  });

  it('lists exactly the persons that person(id) shows: lists, lookups and cursors see the same rows', async () => {
    const all = await app.em().find(Person, {}, { fields: ['id'] });
    const listed = new Set<string>();
    let after: string | null = null;
    do {
      const result: GraphQLResult<PersonPseudonymsQuery> = await app.as('ts.relais38').query(PersonPseudonymsDocument, { first: 100, after });
      result.data!.persons.edges.forEach((edge) => listed.add(edge.node.id));
      after = result.data!.persons.pageInfo.hasNextPage ? (result.data!.persons.pageInfo.endCursor ?? null) : null;
    } while (after);
    const token = await app.tokenFor('ts.relais38');
    const shown = new Set<string>();
    // person(id) for every person of the database (the demo's past cohorts make them about
    // two thousand): fifteen lookups a request, the most aliases a request may hold.
    for (let start = 0; start < all.length; start += 15) {
      const ids = all.slice(start, start + 15).map((person) => person.id);
      const query = `query Lookups(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `p${i}: person(id: $id${i}) { id }`).join(' ')} }`;
      const response = await app.post({ query, variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) }, token);
      const body = (await response.json()) as GraphQLResult<Record<string, { id: string } | null>>;
      expect(body.errors).toBeUndefined();
      ids.forEach((id, i) => {
        if (body.data![`p${i}`]?.id === id) shown.add(id);
      });
    }
    expect(listed.size).toBeGreaterThan(10);
    expect([...shown].sort()).toEqual([...listed].sort());
    const counted = await app.as('ts.relais38').query(PersonPseudonymsDocument, { first: 1 });
    expect(counted.data!.persons.totalCount).toBe(listed.size);
    const pending = await app.as('ts.relais38').query(PersonPseudonymsDocument, { first: 100, mandate: 'PENDING' });
    expect(pending.data!.persons.totalCount).toBe(pending.data!.persons.edges.length);
  });

  it('filters by the viewer’s own mandate only', async () => {
    const pending = await app.as('ts.relais38').query(PersonsDocument, { first: 100, mandate: 'PENDING' });
    expect(pending.data!.persons.edges.length).toBeGreaterThan(0);
    for (const edge of pending.data!.persons.edges) {
      expect(edge.node.mandate).toBe('PENDING');
      expect(edge.node.social).toBeNull();
    }
  });

  it('rejects a malformed cursor and a page size out of range, naming the argument', async () => {
    const cursor = await app.as(spipLogin).query(PersonPseudonymsDocument, { first: 5, after: 'not-a-cursor' });
    expect(errorCodes(cursor)).toEqual(['BAD_USER_INPUT']);
    expect(cursor.errors![0].extensions).toMatchObject({ argumentName: 'after' });
    for (const first of [0, 101]) {
      const size = await app.as(spipLogin).query(PersonPseudonymsDocument, { first });
      expect(errorCodes(size)).toEqual(['BAD_USER_INPUT']);
      expect(size.errors![0].extensions).toMatchObject({ argumentName: 'first' });
    }
  });

  describe('registerPerson', () => {
    const valid = { firstName: 'Nouvel', lastName: 'Arrivant', expectedReleaseDate: '2027-03-01' };

    it('is for probation officers only', async () => {
      for (const login of ['ts.relais38', 'soignant.csapa38', 'eval.ofdt', 'admin']) {
        expect(errorCodes(await app.as(login).query(RegisterPersonDocument, { input: valid }))).toEqual(['FORBIDDEN']);
      }
    });

    it.each([
      [{ establishmentId: 'e8c3b7de-0000-4000-8000-000000000001' }, 'establishmentId'],
      [{ birthDate: '2099-01-01' }, 'birthDate'],
      [{ expectedReleaseDate: '1990-01-01' }, 'expectedReleaseDate'],
      [{ sex: 'Z' }, 'sex'],
      [{ firstName: ' ' }, 'firstName'],
    ])('rejects %p with BAD_USER_INPUT naming %s, and writes nothing', async (change, argumentName) => {
      const persons = await app.em().count(Person);
      const audits = await app.em().count(AccessLogEntry);
      const result = await app.as('cpip.grenoble').query(RegisterPersonDocument, { input: { ...valid, ...change } });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ argumentName });
      expect(await app.em().count(Person)).toBe(persons);
      expect(await app.em().count(AccessLogEntry)).toBe(audits);
    });

    it('refuses a structure that is not a prison as establishment', async () => {
      const relais = await app.em().findOneOrFail(Structure, { name: 'Relais Isère Sortants' });
      const result = await app.as('cpip.grenoble').query(RegisterPersonDocument, { input: { ...valid, establishmentId: relais.id } });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toBe('establishmentId must be the id of a prison');
    });
  });

  it('writes nothing when a referral conflicts with an open one', async () => {
    const em = app.em();
    const referral = await em.findOneOrFail(Referral, { status: ReferralStatus.PENDING, fromStructure: { name: "SPIP de l'Isère" } }, { populate: ['toStructure'] });
    const before = await em.count(Referral);
    const audits = await em.count(AccessLogEntry);
    const result = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: referral.person.id, toStructureId: referral.toStructure.id, needs: [referral.needs[0]] },
    });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(await em.count(Referral)).toBe(before);
    expect(await em.count(AccessLogEntry)).toBe(audits);
  });
});
