import { Client } from 'pg';
import { POLICY_OBJECT_PREFIXES, type PolicyObject, policyObjects } from '../../src/policy/policy-ddl';
import { policyDrift } from '../../scripts/support/policy-catalog';
import { createTestDatabase } from '../support/test-app';

/**
 * The policy's SQL in the database is what the policy generates now (src/policy/policy-ddl.ts):
 * migrations freeze the generator's output as literal text, and when the declarations change
 * without a new snapshot (npm run policy:snapshot), or a migration writes a policy object by
 * hand, this fails. Both sides are compared as PostgreSQL prints them (pg_get_viewdef,
 * pg_get_functiondef, pg_get_triggerdef and the trigger's enabling).
 */
describe("the policy's SQL in the database", () => {
  let database: { url: string; drop(): Promise<void> };
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const drifted = async (objects: PolicyObject[] = policyObjects()) =>
    (await policyDrift(client, objects, POLICY_OBJECT_PREFIXES)).map((drift) => drift.object);

  /** The generated objects with one statement of one of them rewritten. */
  const altered = (name: string, rewrite: (sql: string) => string): PolicyObject[] =>
    policyObjects().map((object) => (object.name === name ? { ...object, statements: object.statements.map(rewrite) } : object));

  it('is, object for object, what the policy generates now', async () => {
    const objects = policyObjects();
    expect(objects.filter((o) => o.kind === 'view').map((o) => o.name)).toEqual(['mandate_source', 'mandate_history']);
    expect(objects.filter((o) => o.kind === 'trigger')).toHaveLength(17);
    expect(await drifted()).toEqual([]);
  });

  it('differs when a declaration changes: a state, a source, the precedence, a trigger', async () => {
    // A referral accepted gives a pending mandate instead of a full one.
    expect(await drifted(altered('mandate_source', (sql) => sql.replace("in ('ACCEPTED', 'IN_PROGRESS') then 3", "in ('ACCEPTED', 'IN_PROGRESS') then 2")))).toEqual([
      'view mandate_source',
    ]);
    expect(await drifted(altered('mandate_history', (sql) => sql.replace('began_at, opened_by', 'began_at desc, opened_by')))).toEqual([
      'view mandate_history',
    ]);
    expect(await drifted(altered('mandate_refresh(uuid[])', (sql) => sql.replace('for no key update', 'for update')))).toEqual([
      'function mandate_refresh(uuid[])',
    ]);
    // Not enabled always: a bulk load in replica mode would skip it.
    expect(await drifted(altered('referral_mandate_update', (sql) => sql.replace('enable always', 'enable')))).toEqual([
      'trigger referral_mandate_update on referral',
    ]);
    // A source the database does not maintain.
    expect(
      await drifted([
        ...policyObjects(),
        { kind: 'function', name: 'mandate_extra()', statements: [`create or replace function mandate_extra() returns int language sql as $$ select 1 $$;`] },
      ]),
    ).toEqual(['function mandate_extra()']);
  });

  it('differs when the database changes: a function replaced, a trigger gone, an object the policy does not generate', async () => {
    await client.query(`create or replace function mandate_rebuild_after_truncate() returns trigger language plpgsql as $$
begin
  return null;
end;
$$`);
    await client.query(`drop trigger follow_up_mandate_delete on follow_up`);
    await client.query(`create view mandate_shadow as select * from mandate`);
    expect(await drifted()).toEqual([
      'function mandate_rebuild_after_truncate()',
      'trigger follow_up_mandate_delete on follow_up',
      'view mandate_shadow',
    ]);
    // The generated statements put it back.
    await client.query(`drop view mandate_shadow`);
    for (const object of policyObjects()) for (const statement of object.statements) await client.query(statement);
    expect(await drifted()).toEqual([]);
  });
});
