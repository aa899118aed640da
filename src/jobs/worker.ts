import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, type Runner, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import { toIsoDate } from '../shared/scalars';
import { outcomePublicationService } from '../outcomes/outcome-publication.service';
import { DELIVER_WEBHOOK, FAN_OUT_EVENTS, deliverWebhook, fanOutEvents, type WebhookSettings } from '../webhooks/webhook-relay';

/** Job names (graphile-worker task identifiers). */
export const PUBLISH_OUTCOMES = 'publish_outcomes';

export interface JobDeps {
  databaseUrl: string;
  orm: MikroORM;
  logger: Logger;
  outcomePublicationDay: string;
  webhooks: WebhookSettings;
  /** Jobs run at once by this worker (deliveries wait on receivers). */
  concurrency?: number;
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
    // Woken by the outbox itself (a trigger queues this job, one at a time, at each insert).
    [FAN_OUT_EVENTS]: async () => {
      await fanOutEvents(deps.orm.em.fork(), deps.logger.child({ job: FAN_OUT_EVENTS }));
    },
    [DELIVER_WEBHOOK]: async (payload) => {
      const { deliveryId } = payload as { deliveryId?: unknown };
      if (typeof deliveryId !== 'string') throw new Error('deliver_webhook needs a deliveryId');
      await deliverWebhook(deps.orm.em.fork(), deliveryId, deps.webhooks, deps.logger.child({ job: DELIVER_WEBHOOK, deliveryId }));
    },
  };
}

/**
 * The background worker: a job queue on the same PostgreSQL (graphile-worker, its own
 * schema `graphile_worker`), so that several nodes share it and a job runs once. Outcomes
 * are published by a daily schedule, and once at start so that a year due while the
 * service was down is published at once. Outbox events fan out to webhook deliveries, each
 * attempted by a job of its own.
 */
export async function startWorker(deps: JobDeps): Promise<Runner> {
  const log = deps.logger.child({ component: 'worker' });
  const logger = new WorkerLogger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'info' ? 'info' : 'debug';
    log[method]({ ...meta }, message);
  });
  const runner = await run({
    connectionString: deps.databaseUrl,
    concurrency: deps.concurrency ?? 4,
    maxPoolSize: (deps.concurrency ?? 4) + 1,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
    taskList: taskList(deps),
    // Every day at 04:00 (the server's time zone); a missed day is caught up by the start job.
    crontab: `0 4 * * * ${PUBLISH_OUTCOMES}`,
  });
  await runner.addJob(PUBLISH_OUTCOMES, {}, { jobKey: PUBLISH_OUTCOMES, maxAttempts: 5 });
  // Events written while no worker ran.
  await runner.addJob(FAN_OUT_EVENTS, {}, { jobKey: FAN_OUT_EVENTS });
  return runner;
}
