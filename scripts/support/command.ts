import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { provideDatabase } from '../../src/config/database';
import type { AppConfig } from '../../src/config/env';
import { initOrm, migrate } from '../../src/config/orm';

/**
 * Runs a command-line script: its exit code is what `main` answers, once its output is written;
 * an error thrown is printed as `<name>: <message>` (no stack) and exits 1.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => exitWhenWritten(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      exitWhenWritten(1);
    },
  );
}

/** Exits once what was printed has left: writes to a pipe are asynchronous, and process.exit would cut them short. */
function exitWhenWritten(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

/**
 * Works on the configured database (DATABASE_URL, or the development embedded PostgreSQL),
 * migrated first when asked, and closes it whatever happens.
 */
export async function withDatabase<T>(config: AppConfig, options: { migrate: boolean }, work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const database = await provideDatabase(config);
  // Operators' scripts run as the schema's owner (they migrate first).
  const orm = await initOrm(database.ownerUrl);
  try {
    if (options.migrate) await migrate(orm, database.applicationLogin);
    return await work(orm);
  } finally {
    await orm.close();
    await database.stop();
  }
}
