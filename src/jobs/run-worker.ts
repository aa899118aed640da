// First: tracing, when configured, must patch pg and http before they load.
import '../observability/preload-worker';
import 'reflect-metadata';
import { DatabaseStartError } from '../config/database';
import { ConfigError, loadConfig } from '../config/env';
import { DatabaseUnreachableError, initOrm, migrate } from '../config/orm';
import { tracing, tracingSummary } from '../observability/tracing';
import { createLogger } from '../server/logger';
import { startWorker } from './worker';

/**
 * The background worker alone (`npm run worker`), for a node that serves no HTTP: it needs
 * DATABASE_URL (the embedded PostgreSQL belongs to `npm start`). Several may run at once:
 * the queue hands each job to one of them.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.databaseUrl) throw new ConfigError('npm run worker needs DATABASE_URL (the database `npm start` uses)');
  const onDriverWarning = (message: string) => logger.warn({ driver: message }, 'database driver');
  // Migrated by the schema's owner when DATABASE_OWNER_URL is given; the worker itself runs as the application's role.
  if (config.databaseOwnerUrl && config.migrateOnStart) {
    const owner = await initOrm(config.databaseOwnerUrl, { onDriverWarning });
    await migrate(owner).finally(() => owner.close());
  }
  const orm = await initOrm(config.databaseUrl, { onDriverWarning, poolMax: config.databasePoolMax });
  const worker = await startWorker({
    // The job queue's tables are the owner's (graphile-worker: row-level security); its jobs use `orm`.
    databaseUrl: config.databaseOwnerUrl ?? config.databaseUrl,
    orm,
    logger,
    outcomePublicationDay: config.outcomes.publicationDay,
    webhooks: config.webhooks,
    concurrency: config.workerConcurrency,
  });
  if (config.tracing) logger.info(tracingSummary(config.tracing), 'OpenTelemetry traces on');
  logger.info({ concurrency: config.workerConcurrency }, 'Passerelle worker running');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'worker stopping');
      void worker
        .stop()
        .then(() => orm.close())
        .then(() => tracing().shutdown())
        .then(() => process.exit(0), () => process.exit(1));
    });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof ConfigError || error instanceof DatabaseStartError || error instanceof DatabaseUnreachableError;
  console.error(`passerelle worker: cannot start: ${message}`);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
