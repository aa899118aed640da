import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, type Runner, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { toIsoDate } from '../shared/scalars';
import { outcomePublicationService } from '../outcomes/outcome-publication.service';

/** Job names (graphile-worker task identifiers). */
export const PUBLISH_OUTCOMES = 'publish_outcomes';

export interface JobDeps {
  databaseUrl: string;
  orm: MikroORM;
  logger: Logger;
  outcomePublicationDay: string;
}

/** The tasks of the background worker, each in its own EntityManager fork. */
export function taskList(deps: Omit<JobDeps, 'databaseUrl'>): TaskList {
  return {
    [PUBLISH_OUTCOMES]: async () => {
      const em = deps.orm.em.fork();
      const log = deps.logger.child({ job: PUBLISH_OUTCOMES });
      const published = await outcomePublicationService.publishDue(em, toIsoDate(new Date()), deps.outcomePublicationDay, log);
      if (published.length === 0) log.debug('no year of outcomes due for publication');
    },
  };
}

/**
 * The background worker: a job queue on the same PostgreSQL (graphile-worker, its own
 * schema `graphile_worker`), so that several nodes share it and a job runs once. Outcomes
 * are published by a daily schedule, and once at start so that a year due while the
 * service was down is published at once.
 */
export async function startWorker(deps: JobDeps): Promise<Runner> {
  const log = deps.logger.child({ component: 'worker' });
  const logger = new WorkerLogger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'info' ? 'info' : 'debug';
    log[method]({ ...meta }, message);
  });
  const runner = await run({
    connectionString: deps.databaseUrl,
    concurrency: 1,
    maxPoolSize: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: taskList(deps),
    // Every day at 04:00 (the server's time zone); a missed day is caught up by the start job.
    crontab: `0 4 * * * ${PUBLISH_OUTCOMES}`,
  });
  await runner.addJob(PUBLISH_OUTCOMES, {}, { jobKey: PUBLISH_OUTCOMES, maxAttempts: 5 });
  return runner;
}
