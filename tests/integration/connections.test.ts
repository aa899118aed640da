import { type Answer, TestApp } from '../support/test-app';

/**
 * The paged forms of the lists that grow (referralsConnection, accessLogConnection,
 * actionsConnection, structuresConnection, accountsConnection): paged to the end, they give
 * exactly the list, in its order, under the same policy; a cursor belongs to its list; a page
 * costs the same statements whatever its size; timestamps keep their microseconds in the cursor.
 */

describe('connections of the lists that grow', () => {
  let app: TestApp;

  const call = (login: string, query: string, variables: Record<string, unknown> = {}) => app.call(login, query, variables);
  const ok = (login: string, query: string, variables: Record<string, unknown> = {}) => app.ok(login, query, variables);

  /** Every page of a connection, `first` at a time: the nodes in order, and how many pages it took. */
  async function pageThrough(login: string, field: string, selection: string, args: string, variables: Record<string, unknown>, first: number) {
    const nodes: Record<string, any>[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const query = `query($first: Int, $after: String${args ? `, ${args}` : ''}) { ${field}(first: $first, after: $after${
        args ? `, ${args.split(',').map((arg) => `${arg.split(':')[0].trim().slice(1)}: ${arg.split(':')[0].trim()}`).join(', ')}` : ''
      }) { edges { cursor node { ${selection} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const data = await ok(login, query, { ...variables, first, after });
      const page = data[field];
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (page.edges.length > 0) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
      }
      nodes.push(...page.edges.map((edge: { node: Record<string, any> }) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    return { nodes, pages };
  }

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it('pages every list to its end: the same items as the list, in its order, for each viewer', async () => {
    for (const login of ['cpip.grenoble', 'ts.relais38', 'soignant.csapa38', 'coord.siao38']) {
      const list = (await ok(login, `{ referrals { id status } }`)).referrals;
      expect(list.length).toBeGreaterThan(2);
      const paged = await pageThrough(login, 'referralsConnection', 'id status', '', {}, 2);
      expect({ login, nodes: paged.nodes }).toEqual({ login, nodes: list });
      const accepted = (await ok(login, `{ referrals(status: ACCEPTED) { id status } }`)).referrals;
      expect((await pageThrough(login, 'referralsConnection', 'id status', '$status: ReferralStatus', { status: 'ACCEPTED' }, 1)).nodes).toEqual(accepted);
    }
    const structures = (await ok('eval.ofdt', `{ structures { id name } }`)).structures;
    expect((await pageThrough('eval.ofdt', 'structuresConnection', 'id name', '', {}, 3)).nodes).toEqual(structures);
    const spips = (await ok('eval.ofdt', `{ structures(kind: SPIP) { id name } }`)).structures;
    expect((await pageThrough('eval.ofdt', 'structuresConnection', 'id name', '$kind: StructureKind', { kind: 'SPIP' }, 1)).nodes).toEqual(spips);
    const actions = (await ok('eval.ofdt', `{ actions { id title } }`)).actions;
    expect(actions.length).toBeGreaterThan(1);
    expect((await pageThrough('eval.ofdt', 'actionsConnection', 'id title', '', {}, 1)).nodes).toEqual(actions);
    const accounts = (await ok('admin.relais38', `{ accounts { id login } }`)).accounts;
    expect((await pageThrough('admin.relais38', 'accountsConnection', 'id login', '', {}, 1)).nodes).toEqual(accounts);
  });

  it("pages a person's whole access log as the list shows it, under the same record decision", async () => {
    // A person both the CSAPA (its accesses tell of care) and the SPIP hold a full mandate on.
    const [{ person_id: personId }] = await app.em().getConnection().execute<{ person_id: string }[]>(
      `select mc.person_id from mandate mc join structure c on c.id = mc.structure_id and c.name = 'CSAPA Grenoble Addictions'
       join mandate ms on ms.person_id = mc.person_id and ms.state = 'FULL'
       join account a on a.structure_id = ms.structure_id and a.login = 'cpip.grenoble'
       where mc.state = 'FULL' order by mc.person_id limit 1`,
    );

    for (const login of ['soignant.csapa38', 'cpip.grenoble', 'soignant.csapa38', 'cpip.grenoble']) {
      await ok(login, `query($id: ID!) { person(id: $id) { id } }`, { id: personId });
    }
    for (const login of ['cpip.grenoble', 'soignant.csapa38']) {
      const list = (await ok(login, `query($id: ID!) { accessLog(personId: $id) { at kind structure { name } } }`, { id: personId })).accessLog;
      const paged = await pageThrough(login, 'accessLogConnection', 'at kind structure { name }', '$personId: ID!', { personId }, 2);
      // Reading the log is an access too: the list's own read comes first, then the list.
      const own = (await ok(login, `{ me { structure { name } } }`)).me.structure.name;
      expect(paged.nodes[0]).toMatchObject({ kind: 'READ', structure: { name: own } });
      expect({ login, nodes: paged.nodes.slice(1) }).toEqual({ login, nodes: list });
    }
    // Without a full mandate, no page either.
    const refused = await call('soignant.csapa44', `query($id: ID!) { accessLogConnection(personId: $id) { edges { cursor } } }`, { id: personId });
    const listRefused = await call('soignant.csapa44', `query($id: ID!) { accessLog(personId: $id) { at } }`, { id: personId });
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(listRefused.errors?.map((error) => error.extensions?.code));
  });

  it('keeps the microseconds: rows of one millisecond are each listed once', async () => {
    const connection = app.em().getConnection();
    const ids = (await ok('cpip.grenoble', `{ referrals { id } }`)).referrals.slice(0, 4).map((referral: { id: string }) => referral.id);
    // Four referrals in one millisecond, apart by microseconds.
    for (const [index, id] of ids.entries()) {
      await connection.execute(`update referral set created_at = '2030-01-01 10:00:00.123${400 + index}+00' where id = ?`, [id]);
    }
    const list = (await ok('cpip.grenoble', `{ referrals { id } }`)).referrals;
    expect(list.slice(0, 4).map((referral: { id: string }) => referral.id)).toEqual([...ids].reverse());
    expect((await pageThrough('cpip.grenoble', 'referralsConnection', 'id', '', {}, 1)).nodes).toEqual(list);
  });

  it('refuses a cursor of another list, a forged one and a page size out of bounds, with BAD_USER_INPUT', async () => {
    const structures = await ok('cpip.grenoble', `{ structuresConnection(first: 1) { pageInfo { endCursor } } }`);
    const persons = await ok('cpip.grenoble', `{ persons(first: 1) { pageInfo { endCursor } } }`);
    for (const after of [structures.structuresConnection.pageInfo.endCursor, persons.persons.pageInfo.endCursor, 'bm90IGEgY3Vyc29y', 'x'.repeat(600)]) {
      const answer = await call('cpip.grenoble', `query($after: String) { referralsConnection(first: 2, after: $after) { edges { cursor } } }`, { after });
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    for (const first of [0, 101, -1]) {
      const answer = await call('cpip.grenoble', `query($first: Int) { actionsConnection(first: $first) { edges { cursor } } }`, { first });
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    // An evaluator may not read referrals: no page of them either.
    const evaluator = await call('eval.ofdt', `{ referralsConnection { edges { cursor } } }`);
    expect(evaluator.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('costs the same statements for a page of 2 as for a page of 20', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const query = `query($first: Int) { referralsConnection(first: $first) { edges { cursor node { id status person { pseudonym } toStructure { name } fromStructure { name } } } } }`;
    const small = await app.sql.count(() => app.post({ query, variables: { first: 2 } }, token).then((response) => response.json()));
    const large = await app.sql.count(() => app.post({ query, variables: { first: 20 } }, token).then((response) => response.json()));
    expect((large.result as Answer).data!.referralsConnection.edges.length).toBeGreaterThan(2);
    expect(large.statements).toBe(small.statements);
  });
});
