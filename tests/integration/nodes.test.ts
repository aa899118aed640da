import { randomUUID } from 'node:crypto';
import { TestApp } from '../support/test-app';

/**
 * Relay's object identification: node(id) answers what the object's own query answers, under
 * the same policy, and null alike for an unknown id, an object outside the viewer's mandates and
 * a type the viewer's role may not read (never FORBIDDEN: that would tell the id exists).
 */

describe('node(id)', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  const call = (login: string, query: string, variables: Record<string, unknown> = {}) => app.call(login, query, variables);
  const ok = (login: string, query: string, variables: Record<string, unknown> = {}) => app.ok(login, query, variables);

  const NODE = `query($id: ID!) { node(id: $id) { __typename id
    ... on Person { pseudonym identity { lastName } }
    ... on Referral { status }
    ... on Structure { name }
    ... on Action { title } } }`;

  beforeAll(async () => {
    app = await TestApp.start();
    const structures = await ok('admin', `{ structures { id name kind } }`);
    const named = (name: string) => structures.structures.find((s: { name: string }) => s.name === name).id;
    ids.relais = named('Relais Isère Sortants');
    ids.varces = structures.structures.find((s: { kind: string }) => s.kind === 'PRISON').id;
    const registered = await ok('cpip.grenoble', `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`, {
      input: { firstName: 'Noé', lastName: 'Témoin-Nœud', expectedReleaseDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), establishmentId: ids.varces },
    });
    ids.person = registered.registerPerson.id;
    const referred = await ok('cpip.grenoble', `mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }`, {
      input: { personId: ids.person, toStructureId: ids.relais, needs: ['HOUSING'], motive: 'Hébergement à la sortie' },
    });
    ids.referral = referred.referPerson.id;
    ids.action = (await ok('eval.ofdt', `{ actions { id } }`)).actions[0].id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('refetches a person, a referral, a structure and an action as their own queries answer them', async () => {
    const person = await ok('cpip.grenoble', `query($id: ID!) { person(id: $id) { id pseudonym identity { lastName } } }`, { id: ids.person });
    const node = await ok('cpip.grenoble', NODE, { id: ids.person });
    expect(node.node).toEqual({ __typename: 'Person', ...person.person });
    expect(node.node.identity.lastName).toBe('Témoin-Nœud');
    expect((await ok('cpip.grenoble', NODE, { id: ids.referral })).node).toEqual({ __typename: 'Referral', id: ids.referral, status: 'PENDING' });
    expect((await ok('ts.relais38', NODE, { id: ids.relais })).node).toEqual({ __typename: 'Structure', id: ids.relais, name: 'Relais Isère Sortants' });
    expect((await ok('ts.relais38', NODE, { id: ids.action })).node).toMatchObject({ __typename: 'Action', id: ids.action });
  });

  it('applies the mandate: a pending mandate sees what person(id) shows, another structure nothing', async () => {
    const pending = await ok('ts.relais38', NODE, { id: ids.person });
    const own = await ok('ts.relais38', `query($id: ID!) { person(id: $id) { id pseudonym identity { lastName } } }`, { id: ids.person });
    expect(pending.node).toEqual({ __typename: 'Person', ...own.person });
    expect((await ok('ts.relais38', NODE, { id: ids.referral })).node).toMatchObject({ __typename: 'Referral', status: 'PENDING' });
    for (const id of [ids.person, ids.referral]) {
      expect(await call('soignant.csapa44', NODE, { id })).toEqual({ data: { node: null } });
    }
  });

  it('answers null, not FORBIDDEN, for a type the role may not read, exactly as for an unknown id', async () => {
    const unknown = await call('eval.ofdt', NODE, { id: randomUUID() });
    expect(unknown).toEqual({ data: { node: null } });
    expect(await call('eval.ofdt', NODE, { id: ids.person })).toEqual(unknown);
    expect(await call('eval.ofdt', NODE, { id: ids.referral })).toEqual(unknown);
    // What an evaluator may read, it reads.
    expect((await ok('eval.ofdt', NODE, { id: ids.action })).node.__typename).toBe('Action');
  });

  it('audits the read of a person as person(id) does, and refuses an id that is no UUID', async () => {
    const before = app.sql.statements.length;
    await ok('cpip.grenoble', NODE, { id: ids.person });
    const statements = app.sql.statements.slice(before);
    expect(statements.filter((sql) => sql.includes('insert into audit_read'))).toHaveLength(1);
    const bad = await call('cpip.grenoble', NODE, { id: 'person:1' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await call('cpip.grenoble', `{ node(id: "${randomUUID()}") { id } }`)).toEqual({ data: { node: null } });
  });
});
