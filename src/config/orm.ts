import { MikroORM } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import { Client } from 'pg';
import { type ApplicationLogin, grantApplicationPrivileges } from './database-roles';
import { ormOptions, type OrmOptionsOverrides } from './mikro-orm.config';

export class DatabaseUnreachableError extends Error {}

const QUIET = new WorkerLogger(() => () => undefined);

/** The advisory lock that serialises `migrate` between the processes of a deployment ('MIGR'). */
const MIGRATION_LOCK = 0x4d494752;

/** Connects MikroORM and fails with a clear message when the database does not answer. */
export async function initOrm(url: string, overrides: OrmOptionsOverrides = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, overrides));
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true);
    const target = new URL(url);
    throw new DatabaseUnreachableError(
      `cannot reach PostgreSQL at ${target.hostname}:${target.port || 5432}${target.pathname}: ${check.reason ?? 'no answer'}`,
    );
  }
  return orm;
}

/**
 * Applies the committed migrations that this database has not run yet, after the job queue's
 * own schema (graphile-worker's migrations): the outbox wakes the queue from a trigger. Run as
 * the schema's owner; then gives the application role its privileges on what they built (and
 * creates the application's login when given one: the embedded cluster, the tests).
 */
export async function migrate(orm: MikroORM, applicationLogin?: ApplicationLogin): Promise<string[]> {
  // Several nodes start at once (API nodes, workers): one migrates and grants at a time; the
  // others then find nothing to apply. Concurrent GRANTs on one object fail ("tuple concurrently
  // updated"), and two migrators would run the same migration. A session lock, on a connection
  // of its own (the migrator's transactions take the pool's).
  const lock = new Client({ connectionString: orm.config.getClientUrl() });
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await runWorkerMigrations({ connectionString: orm.config.getClientUrl(), logger: QUIET });
    const applied = await orm.getMigrator().up();
    await grantApplicationPrivileges(orm, applicationLogin);
    return applied.map((migration) => migration.name);
  } finally {
    // Ending the session releases its lock.
    await lock.end().catch(() => undefined);
  }
}
