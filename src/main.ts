// First: tracing, when configured, must patch http, express, pg and graphql before they load.
import './observability/preload';
import 'reflect-metadata';
import { databaseIsEmpty, loadDemoData } from './config/demo-data';
import { DatabaseStartError, provideDatabase, takeOverShutdownSignals, type DatabaseHandle } from './config/database';
import { ConfigError, loadConfig } from './config/env';
import { DatabaseUnreachableError, initOrm, migrate } from './config/orm';
import { startWorker } from './jobs/worker';
import { createServer } from './server/app';
import { createLogger } from './server/logger';
import { tracing, tracingSummary } from './observability/tracing';

const SHUTDOWN_GRACE_MS = 15000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.tracing) logger.info(tracingSummary(config.tracing), 'OpenTelemetry traces on');
  let database: DatabaseHandle | undefined;
  try {
    database = await provideDatabase(config, (line) => logger.debug({ postgres: line.trim() }, 'embedded postgres'));
    takeOverShutdownSignals();
    logger.info({ database: database.origin }, 'database available');
    const onDriverWarning = (message: string) => logger.warn({ driver: message }, 'database driver');
    // The schema's owner migrates and seeds; the application runs as its own role (src/config/database-roles.ts).
    // With MIGRATE_ON_START=false a release step has done it (`migrate`): this process never connects as the owner.
    if (config.migrateOnStart) {
      const owner = await initOrm(database.ownerUrl, { onDriverWarning });
      try {
        const applied = await migrate(owner, database.applicationLogin);
        if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
        if (config.seedDemoData && (await databaseIsEmpty(owner))) {
          await loadDemoData(owner);
          logger.info('demo data set loaded into the empty database');
        }
      } finally {
        await owner.close();
      }
    } else {
      logger.info('migrations left to the release step (MIGRATE_ON_START=false)');
    }
    const orm = await initOrm(database.url, { onDriverWarning, poolMax: config.databasePoolMax });
    const server = await createServer({ config, orm, logger });
    const worker = config.jobs
      ? await startWorker({
          // The job queue's tables are the owner's (graphile-worker: row-level security); its jobs use `orm`.
          databaseUrl: database.ownerUrl,
          orm,
          logger,
          outcomePublicationDay: config.outcomes.publicationDay,
          webhooks: config.webhooks,
          concurrency: config.workerConcurrency,
        })
      : null;
    const port = await server.listen(config.port);
    logger.info({ port }, `Passerelle listening on http://localhost:${port}/graphql`);

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: draining requests');
      const force = setTimeout(() => {
        logger.error('shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS + config.shutdownDelayMs);
      force.unref();
      try {
        // The load balancer sees /readyz answer 503 and stops sending; then the server closes.
        server.beginDrain();
        if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
        await server.stop();
        logger.debug('http server stopped');
        await worker?.stop();
        logger.debug('job worker stopped');
        await orm.close();
        logger.debug('orm closed');
        await database?.stop();
        // The spans of the last requests.
        await tracing().shutdown();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      }
    };
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.on(signal, () => void shutdown(signal));
    }
  } catch (error) {
    await database?.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof ConfigError || error instanceof DatabaseStartError || error instanceof DatabaseUnreachableError;
  console.error(`passerelle: cannot start: ${message}`);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
