import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, type OrmOptionsOverrides } from './mikro-orm.config';

export class DatabaseUnreachableError extends Error {}

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

/** Applies the committed migrations that this database has not run yet. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
