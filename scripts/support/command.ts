import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type DatabaseHandle, provideDatabase } from '../../src/config/database';
import type { AppConfig } from '../../src/config/env';
import { initOrm, migrate } from '../../src/config/orm';

export { runCommand } from './run-command';

/**
 * Works on the configured database (DATABASE_URL, or the development embedded PostgreSQL),
 * migrated first when asked, and closes it whatever happens.
 */
export async function withDatabase<T>(
  config: AppConfig,
  options: { migrate: boolean },
  work: (orm: MikroORM, database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const database = await provideDatabase(config);
  // Operators' scripts run as the schema's owner (they migrate first).
  const orm = await initOrm(database.ownerUrl);
  try {
    if (options.migrate) await migrate(orm, database.applicationLogin);
    return await work(orm, database);
  } finally {
    await orm.close();
    await database.stop();
  }
}
