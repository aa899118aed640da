import { TestApp } from '../support/test-app';

/**
 * Found in review: accessLogConnection once read the log `first + 1` rows at a time until it had
 * enough rows the viewer may see, so entries hidden from the viewer (a CSAPA's accesses, which
 * tell of care) cost work, and time, that another partner controlled by reading the record. The
 * page now decides in its statement: its cost does not depend on what the viewer may not see.
 */
describe('review: accessLogConnection work is bounded whatever the hidden entries', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it('costs a bounded number of statements for first: 1, however many entries the viewer cannot see', async () => {
    // A person the CSAPA holds a full mandate on, and the SIAO too (a SIAO never reads HEALTH_SUMMARY).
    const rows = await app.em().getConnection().execute<{ person_id: string; login: string }[]>(
      `select mc.person_id, a.login from mandate mc join structure c on c.id = mc.structure_id and c.name = 'CSAPA Grenoble Addictions'
       join mandate mv on mv.person_id = mc.person_id and mv.state = 'FULL' join structure v on v.id = mv.structure_id and v.kind = 'SIAO'
       join account a on a.structure_id = v.id and a.login = 'coord.siao38'
       where mc.state = 'FULL' order by mc.person_id limit 1`,
    );
    expect(rows).toHaveLength(1);
    const [{ person_id: personId, login }] = rows;
    const viewer = await app.tokenFor(login);
    const csapa = await app.tokenFor('soignant.csapa38');
    const page = `query($id: ID!) { accessLogConnection(personId: $id, first: 1) { edges { node { at kind structure { name } } } pageInfo { hasNextPage } } }`;
    // One access the SIAO sees, then many by the CSAPA (one entry per request), which it does not.
    await app.post({ query: `query($id: ID!) { person(id: $id) { id } }`, variables: { id: personId } }, viewer);
    const before = await app.sql.count(() => app.post({ query: page, variables: { id: personId } }, viewer).then((r) => r.json()));
    for (let i = 0; i < 300; i++) {
      await app.post({ query: `query($id: ID!) { person(id: $id) { id } }`, variables: { id: personId } }, csapa);
    }
    const after = await app.sql.count(() => app.post({ query: page, variables: { id: personId } }, viewer).then((r) => r.json()));
    const names = (after.result as any).data.accessLogConnection.edges.map((edge: any) => edge.node.structure.name);
    expect(names).not.toContain('CSAPA Grenoble Addictions');
    // The record decision is taken in the page's statement: hidden entries cost nothing to skip.
    expect(after.statements).toBe(before.statements);
  }, 120_000);
});
