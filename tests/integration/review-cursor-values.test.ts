import { TestApp } from '../support/test-app';

/**
 * Review probe: keyset positions hold values other partners write (an action's title, a
 * structure's name) and MikroORM writes them into the SQL text (raw(sql, params) filters, then
 * em.execute's formatQuery). Titles and names with quotes, backslashes, question marks and
 * dollar signs must page exactly like the list, and never break or change the statement.
 */
describe('review: cursor values written by partners', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  async function ok(login: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const answer = (await (await app.post({ query, variables }, await app.tokenFor(login))).json()) as { data?: any; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  async function pageThrough(login: string, field: string, selection: string): Promise<unknown[]> {
    const nodes: unknown[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const data = await ok(login, `query($after: String) { ${field}(first: 1, after: $after) { edges { node { ${selection} } } pageInfo { hasNextPage endCursor } } }`, { after });
      nodes.push(...data[field].edges.map((edge: { node: unknown }) => edge.node));
      if (!data[field].pageInfo.hasNextPage) break;
      after = data[field].pageInfo.endCursor;
    }
    return nodes;
  }

  const tricky = ["A ? b", "A ?? b", "A ' b", "A \\ b ' ?", "A $1 b", "A ?::text b", "A '); select pg_sleep(1); -- b"];

  it('pages actions whose titles hold SQL metacharacters exactly like the list', async () => {
    for (const title of tricky) {
      await ok('cpip.grenoble', `mutation($input: ActionInput!) { createAction(input: $input) { id } }`, {
        input: { title, theme: 'review', generalObjectives: [], operationalObjectives: [], startYear: 2020 },
      });
    }
    const list = (await ok('eval.ofdt', `{ actions { id title } }`)).actions;
    expect(await pageThrough('eval.ofdt', 'actionsConnection', 'id title')).toEqual(list);
  }, 120_000);

  it('pages structures whose names hold SQL metacharacters exactly like the list', async () => {
    for (const name of tricky) {
      await ok('admin', `mutation($input: CreateStructureInput!) { createStructure(input: $input) { id } }`, { input: { name: `Z${name}`, kind: 'ASSOCIATION' } });
    }
    const list = (await ok('eval.ofdt', `{ structures { id name } }`)).structures;
    expect(await pageThrough('eval.ofdt', 'structuresConnection', 'id name')).toEqual(list);
  }, 120_000);
});
