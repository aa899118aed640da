import { TestApp } from '../support/test-app';

/**
 * Queries whose every field has a plan are answered by one statement that builds their JSON
 * (context/planned-read.ts). A plan must answer exactly as the resolvers do, for every account:
 * the same data (identity under the domain guard, referrals under the record decision, nulls),
 * the same cursors, the same errors, and the same read audit. Two servers on copies of the demo
 * data, one with PLANNED_READS=off, the same requests.
 */
describe('planned reads answer as the resolvers do', () => {
  let planned: TestApp;
  let reference: TestApp;
  const logins = ['cpip.grenoble', 'cpip.angers', 'ts.relais38', 'soignant.csapa44', 'soignant.csapa38', 'coord.siao38', 'eval.ofdt', 'admin.relais38', 'admin'];

  const FULL_PAGE = `query ($first: Int, $after: String, $mandate: MandateState, $search: String) {
    persons(first: $first, after: $after, mandate: $mandate, search: $search) {
      __typename totalCount
      edges { __typename cursor node { __typename id pseudonym mandate
        identity { __typename firstName lastName birthDate sex phone email version }
        referrals { __typename id needs motive status createdAt decidedAt declineReason cancelReason closedAt version
          toStructure { __typename id name kind departement city region } fromStructure { id name } } } }
      pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const ALIASED = `query Aliased($first: Int) { list: persons(first: $first) { n: totalCount
      edges { c: cursor node { ...Who ... on Person { refs: referrals { s: status to: toStructure { n: name } } } } }
      info: pageInfo { next: hasNextPage end: endCursor } } }
    fragment Who on Person { key: id name: identity { last: lastName } }`;

  beforeAll(async () => {
    [planned, reference] = await Promise.all([TestApp.start({ env: { RATE_LIMIT_PER_MINUTE: '0' } }), TestApp.start({ env: { PLANNED_READS: 'off', RATE_LIMIT_PER_MINUTE: '0' } })]);
  });

  afterAll(async () => {
    await Promise.all([planned?.close(), reference?.close()]);
  });

  /** The last read audit of a server: persons with their domains, in a stable order. */
  async function lastAudit(app: TestApp): Promise<string[]> {
    const [row] = await app.orm.em.fork().getConnection().execute<{ person_ids: string[]; person_domains: string[] }[]>(
      'select person_ids, person_domains from audit_read order by at desc, id desc limit 1',
    );
    if (!row) return [];
    return row.person_ids.map((id, index) => `${id}:${row.person_domains[index].split(',').sort().join(',')}`).sort();
  }

  async function both(login: string, query: string, variables: Record<string, unknown> = {}) {
    const answers = [];
    for (const app of [planned, reference]) {
      const counted = await app.sql.count(async () => {
        const response = await app.post({ query, variables }, await app.tokenFor(login));
        return { status: response.status, body: (await response.json()) as Record<string, any> };
      });
      // The planned page's statement: the persons' JSON built in PostgreSQL.
      const isPlanned = counted.sql.some((text) => text.includes('json_build_array(p__.cursor_at'));
      answers.push({ ...counted.result, statements: counted.statements, sql: counted.sql, planned: isPlanned, audit: await lastAudit(app) });
    }
    const [a, b] = answers;
    expect({ status: a.status, body: a.body }).toEqual({ status: b.status, body: b.body });
    expect(a.audit).toEqual(b.audit);
    return a;
  }

  it('pages of persons with identity and referrals, every filter and position, for every account', async () => {
    let plannedPages = 0;
    for (const login of logins) {
      for (const mandate of [null, 'FULL', 'PENDING', 'ENDED']) {
        const first = await both(login, FULL_PAGE, { first: 100, mandate });
        if (first.planned) plannedPages += 1;
        // Page by two through the list: cursors of one server are taken by the other.
        let after: string | null = null;
        for (let step = 0; step < 3; step++) {
          const page: Awaited<ReturnType<typeof both>> = await both(login, FULL_PAGE, { first: 2, after, mandate });
          after = page.body.data?.persons?.pageInfo?.endCursor ?? null;
          if (!after) break;
        }
      }
      for (const search of ['ma', 'Du', 'zz']) await both(login, FULL_PAGE, { first: 20, search });
      await both(login, ALIASED, { first: 5 });
    }
    // Every page of the six accounts that read persons was planned (the evaluator and the admins get the resolvers' FORBIDDEN).
    expect(plannedPages).toBe(6 * 4);
  });

  const REFERRALS = `query ($status: ReferralStatus) { referrals(status: $status) { __typename id needs motive status createdAt decidedAt closedAt version
      toStructure { id name kind } fromStructure { name city }
      person { id pseudonym mandate identity { firstName lastName birthDate } } } }`;

  it('referrals sent and received, with their persons, in every status, for every account', async () => {
    let plannedLists = 0;
    for (const login of logins) {
      for (const status of [null, 'PENDING', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']) {
        const answer = await both(login, REFERRALS, { status });
        if (answer.body.data && answer.statements <= 4 && answer.sql.some((text: string) => text.includes('json_build_array(r.person_id'))) plannedLists += 1;
      }
      await both(login, '{ referrals { id person { id } } }');
    }
    expect(plannedLists).toBe(6 * 7);
  });

  const PERSON = `query ($id: ID!) { person(id: $id) { __typename id pseudonym mandate identity { firstName lastName }
      caseNotes { __typename id domain text createdAt updatedAt version }
      referrals { id status toStructure { name } }
      timeline(first: 3) { __typename edges { __typename cursor node { __typename id at domains status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      all: timeline { edges { node { id } } } } }`;

  it('one person with notes, referrals and timeline, for every account and every person of the demo', async () => {
    const connection = planned.orm.em.fork().getConnection();
    // Persons of another structure too: they answer null alike.
    const elsewhere = (await connection.execute<{ id: string }[]>('select id from person order by created_at, id limit 3')).map((row) => row.id);
    let plannedPersons = 0;
    for (const login of logins) {
      const page = await planned.call(login, '{ persons(first: 100) { edges { node { id } } } }');
      const mine = ((page.data?.persons?.edges ?? []) as { node: { id: string } }[]).map((edge) => edge.node.id);
      for (const id of [...mine.slice(0, 10), ...elsewhere, '00000000-0000-4000-8000-000000000000']) {
        const answer = await both(login, PERSON, { id });
        if (answer.body.data?.person && answer.sql.some((text: string) => text.includes('json_build_array(p__.id'))) plannedPersons += 1;
      }
      // A later page of the timeline, a malformed id: the resolvers.
      await both(login, '{ person(id: "nope") { id } }');
    }
    expect(plannedPersons).toBeGreaterThan(30);
  }, 120_000);

  it('restricted persons: identity withheld from all but the holding SPIP and those it named, alike', async () => {
    // Persons of the SPIP de l'Isère that its partners see too (a referral to them).
    const connection = planned.orm.em.fork().getConnection();
    const shared = await connection.execute<{ id: string }[]>(
      `select distinct p.id from person p join referral r on r.person_id = p.id join structure s on s.id = p.spip_id
       where s.name = 'SPIP de l''Isère' and p.restricted_at is null and p.file_status = 'OPEN' order by p.id limit 4`,
    );
    expect(shared.length).toBeGreaterThan(1);
    const [siao] = await connection.execute<{ id: string }[]>(`select id from structure where name = 'SIAO de l''Isère'`);
    for (const [index, { id }] of shared.entries()) {
      // Every other one names the SIAO: it keeps the identity, the others lose it.
      const visibleTo = index % 2 === 0 ? [siao.id] : [];
      for (const app of [planned, reference]) {
        const answer = await app.call('cpip.grenoble', 'mutation ($p: ID!, $v: [ID!]!) { restrictPerson(personId: $p, visibleTo: $v) { id } }', { p: id, v: visibleTo });
        expect(answer.errors).toBeUndefined();
      }
    }
    let withheld = 0;
    let named = 0;
    for (const login of logins) {
      await both(login, FULL_PAGE, { first: 100 });
      await both(login, REFERRALS, {});
      for (const [index, { id }] of shared.entries()) {
        const answer = await both(login, PERSON, { id });
        const person = answer.body.data?.person;
        if (!person || login === 'cpip.grenoble') continue;
        // Seen by a partner the SPIP did not name: no identity, whatever its mandate. (The SIAO it
        // named may read it or not, as its mandate says: both servers answer alike, checked above.)
        if (login === 'coord.siao38' && index % 2 === 0) {
          named += 1;
        } else {
          expect(person.identity).toBeNull();
          withheld += 1;
        }
      }
    }
    expect(withheld).toBeGreaterThan(0);
    expect(named + withheld).toBeGreaterThan(1);
  });

  it('leaves to the resolvers what it does not plan, and answers bad input alike', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['cpip.grenoble', '{ persons(first: 5) { edges { node { id judicial { measure } } } } }', {}],
      ['cpip.grenoble', 'query ($f: Int) { persons(first: $f) { edges { node { id } } } }', { f: 1000 }],
      ['cpip.grenoble', 'query ($f: Int) { persons(first: $f) { edges { node { id } } } }', { f: 'many' }],
      ['cpip.grenoble', '{ persons(first: 5, after: "not-a-cursor") { edges { node { id } } } }', {}],
      ['cpip.grenoble', '{ persons(first: 5, search: "a") { edges { node { id } } } }', {}],
      ['eval.ofdt', '{ persons(first: 5) { totalCount edges { node { id } } } }', {}],
      ['cpip.grenoble', 'query ($skip: Boolean!) { persons(first: 5) { edges { node { id identity @skip(if: $skip) { lastName } } } } }', { skip: true }],
      ['cpip.grenoble', '{ persons(first: 3) { edges { node { id } } } me { login } }', {}],
      ['ts.relais38', '{ referrals { id person { id referrals { id } } } }', {}],
      ['ts.relais38', '{ referrals { id warnings { code } } }', {}],
    ];
    for (const [login, query, variables] of cases) expect((await both(login, query, variables)).planned).toBe(false);
  });

  it('answers a page in one statement, audit aside', async () => {
    const { statements, sql } = await planned.sql.count(() => planned.call('cpip.grenoble', FULL_PAGE, { first: 50 }));
    const reads = sql.filter((text) => !text.includes('insert into audit_read') && !text.includes('from account a'));
    expect(reads).toHaveLength(1);
    expect(statements).toBeLessThanOrEqual(3);
  });
});
