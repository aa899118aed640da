import type { MikroORM } from '@mikro-orm/postgresql';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { Logger as WorkerLogger, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { toIsoDate } from '../shared/scalars';
import { outcomePublicationService } from '../outcomes/outcome-publication.service';
import { pseudonymise } from '../retention/retention';
import { DELIVER_WEBHOOK, FAN_OUT_EVENTS, deliverWebhook, fanOutEvents, type WebhookSettings } from '../exchange/webhook-relay';

/** Job names (graphile-worker task identifiers). */
export const PUBLISH_OUTCOMES = 'publish_outcomes';
export const RETENTION = 'retention';

export interface JobDeps {
  databaseUrl: string;
  orm: MikroORM;
  logger: Logger;
  outcomePublicationDay: string;
  webhooks: WebhookSettings;
  /** Jobs run at once by this worker (deliveries wait on receivers). */
  concurrency?: number;
}

const tracer = trace.getTracer('passerelle-jobs');

/**
 * A job's run as a span of its own (tracing on), the parent of its queries and calls: the job's
 * name, never its payload. A no-op when tracing is off.
 */
function traced(name: string, task: Task): Task {
  return (payload, helpers) =>
    tracer.startActiveSpan(`job ${name}`, async (span) => {
      if (span.isRecording()) span.setAttribute('passerelle.job', name);
      try {
        return await task(payload, helpers);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
}

/** The tasks of the background worker, each in its own EntityManager fork (and its own span). */
export function taskList(deps: Omit<JobDeps, 'databaseUrl'>): TaskList {
  return Object.fromEntries(Object.entries(tasks(deps)).map(([name, task]) => [name, traced(name, task)]));
}

function tasks(deps: Omit<JobDeps, 'databaseUrl'>): Record<string, Task> {
  return {
    [PUBLISH_OUTCOMES]: async () => {
      const em = deps.orm.em.fork();
      const log = deps.logger.child({ job: PUBLISH_OUTCOMES });
      const published = await outcomePublicationService.publishDue(em, toIsoDate(new Date()), deps.outcomePublicationDay, log);
      if (published.length === 0) log.debug('no year of outcomes due for publication');
    },
    // Counts only: the persons are named in the audit log, by id, never in the logs.
    [RETENTION]: async () => {
      const log = deps.logger.child({ job: RETENTION });
      const run = await pseudonymise(deps.orm.em.fork(), toIsoDate(new Date()), { dryRun: false });
      log.info({ asOf: run.asOf, pseudonymised: run.persons.length, rows: run.rowsChanged, runId: run.runId }, 'retention: records pseudonymised');
    },
    // Woken by the outbox's notifications (listenToOutbox), and every minute.
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
 * The schedule (graphile-worker's crontab, the server's time zone):
 * - retention every day at 03:00; a missed day is caught up by the next run (the rule is cumulative);
 * - outcomes every day at 04:00; a missed day is caught up by the start job;
 * - the outbox relay every minute besides its wake-up by the outbox's notifications (see the
 *   migration OutboxNotifiesTheRelay): what was written while no worker listened waits at most that.
 */
export const CRONTAB = [`0 3 * * * ${RETENTION}`, `0 4 * * * ${PUBLISH_OUTCOMES}`, `* * * * * ${FAN_OUT_EVENTS}`].join('\n');

/**
 * The background worker: a job queue on the same PostgreSQL (graphile-worker, its own
 * schema `graphile_worker`), so that several nodes share it and a job runs once. Outcomes
 * are published by a daily schedule, and once at start so that a year due while the
 * service was down is published at once. Records whose retention has ended are
 * pseudonymised daily. Outbox events fan out to webhook deliveries, each attempted by a
 * job of its own.
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
    crontab: CRONTAB,
  });
  await runner.addJob(PUBLISH_OUTCOMES, {}, { jobKey: PUBLISH_OUTCOMES, maxAttempts: 5 });
  // One pending fan-out at a time; one that is running gets a successor (graphile-worker's 'replace' mode), so no wake-up is lost.
  const wakeRelay = () => runner.addJob(FAN_OUT_EVENTS, {}, { jobKey: FAN_OUT_EVENTS, maxAttempts: 25 });
  // Events written while no worker ran.
  await wakeRelay();
  const listener = await listenToOutbox(deps.databaseUrl, wakeRelay, log);
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    await listener.stop();
    await stop();
  };
  return runner;
}

/**
 * The outbox's notifications (`passerelle_outbox`, sent at the commit of writes that recorded
 * events) queue the relay's job, once for all the notifications that came meanwhile. A lost
 * connection is opened again; the minute crontab covers what was written in between.
 */
async function listenToOutbox(databaseUrl: string, wake: () => Promise<unknown>, log: Logger): Promise<{ stop(): Promise<void> }> {
  let client: Client | null = null;
  let stopped = false;
  let pending = false;
  let retry: NodeJS.Timeout | null = null;
  const onNotification = () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      wake().catch((error: unknown) => log.warn({ err: error }, 'could not queue the outbox relay'));
    });
  };
  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      log.warn({ err: error }, 'outbox listener lost its connection; reconnecting');
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 5000);
    });
    await next.connect();
    await next.query('listen passerelle_outbox');
    client = next;
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
