import path from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { ENTITIES } from '../entities';

/** The project root, both from `src/config` (ts) and from `dist/src/config` (compiled). */
const ROOT = path.resolve(__dirname, '..', '..');
const RUNNING_TS = __filename.endsWith('.ts');

function driverLog(warn: (message: string) => void) {
  const write = (message: unknown) => warn(typeof message === 'string' ? message : JSON.stringify(message));
  return { warn: write, error: write, deprecate: write, debug: () => undefined };
}

export interface OrmOptionsOverrides {
  /** Receives every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Receives the database driver's own warnings (lost connections...); stderr by default. */
  onDriverWarning?: (message: string) => void;
}

/** MikroORM options for one database; migrations, never schema sync, shape it. */
export function ormOptions(clientUrl: string, overrides: OrmOptionsOverrides = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    preferTs: RUNNING_TS,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: true, requireEntitiesArray: true },
    // The job queue's schema is graphile-worker's own (its migrations, run by `migrate`).
    schemaGenerator: { ignoreSchema: ['graphile_worker'] },
    extensions: [Migrator, SeedManager],
    migrations: {
      path: path.join(ROOT, 'migrations'),
      pathTs: path.join(ROOT, 'migrations'),
      glob: RUNNING_TS ? '!(*.d).ts' : '!(*.d).js',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    seeder: {
      path: path.join(ROOT, 'seeds'),
      pathTs: path.join(ROOT, 'seeds'),
      defaultSeeder: 'DatabaseSeeder',
    },
    pool: {
      min: 0,
      max: overrides.poolMax ?? 10,
      // Fail fast when the database is gone, instead of queueing requests for a minute.
      acquireTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
    driverOptions: {
      connection: { statement_timeout: 30000, connectionTimeoutMillis: 5000 },
      log: driverLog(overrides.onDriverWarning ?? ((message) => console.warn(message))),
    },
    debug: overrides.onQuery ? ['query'] : false,
    colors: false,
    logger: overrides.onQuery ?? (() => undefined),
  });
}
