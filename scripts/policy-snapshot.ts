/**
 * Writes a migration that snapshots the policy's SQL as it is generated now
 * (src/policy/policy-ddl.ts), as literal text: landed migrations never change, and a migration
 * never imports the generator, whose output moves with the code.
 *   npm run policy:snapshot -- <CamelCaseName>
 * Starts a scratch PostgreSQL, applies the committed migrations, and compares the policy's
 * objects there with the generator's (as tests/integration/policy-sql-drift.test.ts does).
 * Without a difference it writes nothing. Otherwise up() replaces every generated object and
 * recomputes the mandates; down() puts back the objects as the earlier migrations left them
 * (read from the scratch database) and drops those that did not exist. An object the policy no
 * longer generates is not dropped for you: the script stops, write that migration by hand.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../src/config/mikro-orm.config';
import { startScratchDatabase } from '../src/config/scratch-database';
import { POLICY_OBJECT_PREFIXES, type PolicyObject, policyObjects, policySnapshotEpilogue } from '../src/policy/policy-ddl';
import { policyDrift } from './support/policy-catalog';

/** A template literal's body that evaluates to `text`. */
function literal(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
}

/** The statements that restore one object as the database holds it now. */
async function restore(client: Client, object: PolicyObject): Promise<string[]> {
  if (object.kind === 'view') {
    const { rows } = await client.query<{ sql: string }>(`select pg_get_viewdef($1::regclass) as sql`, [object.name]);
    return [`create or replace view ${object.name} as\n${rows[0].sql.replace(/;$/, '')};`];
  }
  if (object.kind === 'function') {
    const { rows } = await client.query<{ sql: string }>(`select pg_get_functiondef($1::regprocedure) as sql`, [object.name]);
    return [`${rows[0].sql.trim()};`];
  }
  const { rows } = await client.query<{ sql: string; enabled: string }>(
    `select pg_get_triggerdef(t.oid) as sql, t.tgenabled::text as enabled from pg_trigger t where t.tgname = $1 and t.tgrelid = $2::regclass`,
    [object.name, object.table],
  );
  const enabling: Record<string, string> = { O: 'enable', A: 'enable always', R: 'enable replica', D: 'disable' };
  return [
    `${rows[0].sql.replace(/^CREATE TRIGGER/, 'CREATE OR REPLACE TRIGGER')};`,
    `alter table "${object.table}" ${enabling[rows[0].enabled]} trigger "${object.name}";`,
  ];
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    console.error('usage: npm run policy:snapshot -- <CamelCaseName>');
    process.exit(1);
  }
  const db = process.env.DATABASE_URL ? null : await startScratchDatabase();
  const url = db?.url ?? process.env.DATABASE_URL!;
  const orm = await MikroORM.init(ormOptions(url));
  const client = new Client({ connectionString: url });
  try {
    await orm.getMigrator().up();
    await client.connect();
    const objects = policyObjects();
    const drift = await policyDrift(client, objects, POLICY_OBJECT_PREFIXES);
    if (drift.length === 0) {
      console.log('No changes: the migrations hold what the policy generates.');
      return;
    }
    const dropped = drift.filter((d) => d.generated === undefined);
    if (dropped.length > 0) throw new Error(`the policy no longer generates ${dropped.map((d) => d.object).join(', ')}: write this migration by hand`);
    const existing = new Set(drift.filter((d) => d.database !== undefined).map((d) => d.object));
    const up = [...objects.flatMap((object) => object.statements), ...policySnapshotEpilogue()];
    const down: string[] = [];
    for (const object of [...objects].reverse()) {
      const key = object.kind === 'trigger' ? `trigger ${object.name} on ${object.table}` : `${object.kind} ${object.name}`;
      const exists = existing.has(key) || !drift.some((d) => d.object === key);
      if (exists) down.unshift(...(await restore(client, object)));
      else down.push(object.kind === 'trigger' ? `drop trigger if exists "${object.name}" on "${object.table}";` : `drop ${object.kind} if exists ${object.name};`);
    }
    const className = `Migration${timestamp()}_${name}`;
    const addSql = (statements: string[]) => statements.map((sql) => `    this.addSql(\`${literal(sql)}\`);`).join('\n');
    const file = `import { Migration } from '@mikro-orm/migrations';

/**
 * The policy's SQL as src/policy/policy-ddl.ts generated it (npm run policy:snapshot), frozen.
 * Changed: ${drift.map((d) => d.object).join(', ')}.
 */
export class ${className} extends Migration {

  override async up(): Promise<void> {
${addSql(up)}
  }

  override async down(): Promise<void> {
${addSql(down)}
  }

}
`;
    const target = path.join(__dirname, '..', 'migrations', `${className}.ts`);
    writeFileSync(target, file);
    console.log(`Created migrations/${className}.ts (${drift.length} objects changed)`);
  } finally {
    await client.end().catch(() => undefined);
    await orm.close();
    await db?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
