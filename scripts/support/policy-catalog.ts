import type { ClientBase } from 'pg';
import type { PolicyObject } from '../../src/policy/policy-ddl';

/**
 * The policy's objects as PostgreSQL holds them (pg_get_viewdef, pg_get_functiondef,
 * pg_get_triggerdef and the trigger's enabling), for the drift test and the snapshot script.
 * The generated objects are compared as PostgreSQL prints them once created, not as text:
 * PostgreSQL rewrites a view's query, so the generator's output is created in a scratch schema
 * of a transaction that is rolled back, and both sides are printed alike.
 */

const SCRATCH = 'policy_generated';

/** `view mandate_source`, `function mandate_refresh(uuid[])`, `trigger person_mandate_insert on person`. */
export type ObjectKey = string;

function keyOf(object: Pick<PolicyObject, 'kind' | 'name' | 'table'>): ObjectKey {
  return object.kind === 'trigger' ? `trigger ${object.name} on ${object.table}` : `${object.kind} ${object.name}`;
}

/** Schema names taken off, so that the database's objects and the scratch schema's print alike. */
function normalized(definition: string): string {
  return definition.replace(new RegExp(`\\b(?:public|${SCRATCH})\\.`, 'g'), '').trim();
}

const ENABLED: Record<string, string> = { O: 'enable', A: 'enable always', R: 'enable replica', D: 'disable' };

/**
 * Definitions of the views, functions and triggers of one schema whose name starts with one of
 * `prefixes` or is in `names` (for triggers: on a table of the schema, calling such a function),
 * as PostgreSQL prints them with that schema first on the search_path.
 */
async function definitions(client: ClientBase, schema: string, prefixes: readonly string[], names: readonly string[]): Promise<Map<ObjectKey, string>> {
  const patterns = prefixes.map((prefix) => `${prefix}%`);
  const { rows } = await client.query<{ key: string; definition: string }>(
    `with policy_function as (
       select p.oid, p.oid::regprocedure::text as signature from pg_proc p
       where p.pronamespace = $1::regnamespace and (p.proname like any($2::text[]) or p.proname = any($3::text[]))
     )
     select 'view ' || c.relname as key, pg_get_viewdef(c.oid) as definition
     from pg_class c where c.relnamespace = $1::regnamespace and c.relkind = 'v' and (c.relname like any($2::text[]) or c.relname = any($3::text[]))
     union all
     select 'function ' || f.signature, pg_get_functiondef(f.oid) from policy_function f
     union all
     select 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid) || ' [' || t.tgenabled::text || ']'
     from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relnamespace = $1::regnamespace and not t.tgisinternal
       and (t.tgfoid in (select oid from policy_function) or t.tgname like any($2::text[]) or t.tgname = any($3::text[]))`,
    [schema, patterns, names],
  );
  return new Map(
    rows.map((row) => [row.key, normalized(row.definition).replace(/ \[([OARD])\]$/, (_, state: string) => `; ${ENABLED[state]}`)]),
  );
}

function baseName(object: PolicyObject): string {
  return object.kind === 'function' ? object.name.replace(/\(.*$/, '') : object.name;
}

/** The policy's objects in the database (schema public). */
export async function databaseDefinitions(client: ClientBase, objects: readonly PolicyObject[], prefixes: readonly string[]): Promise<Map<ObjectKey, string>> {
  await client.query('begin');
  try {
    await client.query(`set local search_path = public`);
    return await definitions(client, 'public', prefixes, objects.map(baseName));
  } finally {
    await client.query('rollback');
  }
}

/**
 * The given objects as PostgreSQL prints them once created from their statements: in a scratch
 * schema whose tables are empty copies of the history's (for the triggers), rolled back.
 */
export async function generatedDefinitions(client: ClientBase, objects: readonly PolicyObject[]): Promise<Map<ObjectKey, string>> {
  await client.query('begin');
  try {
    await client.query(`create schema ${SCRATCH}`);
    await client.query(`set local search_path = ${SCRATCH}, public`);
    for (const object of objects.filter((o) => o.kind !== 'trigger')) {
      for (const statement of object.statements) await client.query(statement);
    }
    // Views are bound to public's tables now; the triggers go on copies of them.
    for (const table of new Set(objects.flatMap((o) => (o.kind === 'trigger' ? [o.table!] : [])))) {
      await client.query(`create table ${SCRATCH}.${table} (like public.${table})`);
    }
    for (const object of objects.filter((o) => o.kind === 'trigger')) {
      for (const statement of object.statements) await client.query(statement);
    }
    const printed = await definitions(client, SCRATCH, [], objects.map(baseName));
    const wanted = new Set(objects.map(keyOf));
    return new Map([...printed].filter(([key]) => wanted.has(key)));
  } finally {
    await client.query('rollback');
  }
}

export interface Drift {
  object: ObjectKey;
  /** As the database holds it; absent when the policy generates an object the database lacks. */
  database?: string;
  /** As the policy generates it; absent when the database holds an object the policy no longer generates. */
  generated?: string;
}

/** Every object that differs between the database and what the policy generates. */
export async function policyDrift(client: ClientBase, objects: readonly PolicyObject[], prefixes: readonly string[]): Promise<Drift[]> {
  const generated = await generatedDefinitions(client, objects);
  const database = await databaseDefinitions(client, objects, prefixes);
  const drift: Drift[] = [];
  for (const key of [...new Set([...generated.keys(), ...database.keys()])].sort()) {
    if (generated.get(key) !== database.get(key)) drift.push({ object: key, database: database.get(key), generated: generated.get(key) });
  }
  return drift;
}
