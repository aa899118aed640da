import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { eventMessage, mayBeTold } from '../outbox/event-records';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import { postWebhook } from './webhook-url';

/** Job names (graphile-worker task identifiers) of the relay. */
export const FAN_OUT_EVENTS = 'fan_out_events';
/** The delivery task (passerelle_queue_delivery, migration MandatesAndDeliveriesThroughTheOwner, names it too). */
export const DELIVER_WEBHOOK = 'deliver_webhook';

export interface WebhookSettings {
  /** Production: https only, public addresses only (checked on connection). */
  production: boolean;
  /** A 2xx answer within this time is a delivery (10 s). */
  timeoutMs: number;
  /** First retry after this, doubling at each attempt up to `maxBackoffMs`. */
  retryBaseMs: number;
  maxBackoffMs: number;
  /** Retried for this long from the first attempt (at least 24 hours), then FAILED. */
  retryWindowMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  production: false,
  timeoutMs: 10_000,
  retryBaseMs: 5_000,
  maxBackoffMs: 60 * 60 * 1000,
  retryWindowMs: 24 * 60 * 60 * 1000,
};

const EVENTS_PER_BATCH = 200;

/**
 * Queues a delivery attempt in the same transaction (graphile-worker's add_job through
 * passerelle_queue_delivery, which queues this one task and nothing else: the application's role
 * does not reach the queue's tables): one job per delivery at a time (job key
 * `webhook-delivery:<id>`, 10 attempts).
 */
export async function queueDelivery(em: EntityManager, deliveryId: string, runAt: Date | null = null): Promise<void> {
  await em.execute(`select passerelle_queue_delivery(?::uuid, ?::timestamptz)`, [deliveryId, runAt ?? new Date()]);
}

/**
 * The outbox relay: events not yet published become one delivery per subscription that wants
 * their type and whose structure may see their record, each with its delivery job, in the
 * transaction that marks them published. Events are taken in order, a batch at a time, locked
 * (SKIP LOCKED) so that two workers never take the same one.
 */
export async function fanOutEvents(root: EntityManager, log: Logger): Promise<number> {
  let published = 0;
  for (;;) {
    const em = root.fork();
    const count = await em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `select id from outbox_event where published_at is null order by occurred_at, id limit ${EVENTS_PER_BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const events = await tx.find(OutboxEvent, { id: { $in: rows.map((row) => row.id) } }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
      // A subscription lives as long as the account that made it: a disabled account's (a revoked client's) gets nothing.
      const subscriptions = await tx.find(WebhookSubscription, { deletedAt: null, createdBy: { disabled: false } }, { populate: ['structure'] });
      for (const event of events) {
        for (const subscription of subscriptions) {
          if (!subscription.eventTypes.includes(event.type)) continue;
          if (!(await mayBeTold(tx, { structureId: subscription.structure.id, role: subscription.role }, event))) continue;
          const [created] = await tx.execute<{ id: string }[]>(
            `insert into webhook_delivery (subscription_id, event_id, event_type) values (?, ?, ?)
             on conflict (subscription_id, event_id) do nothing returning id`,
            [subscription.id, event.id, event.type],
          );
          if (created) await queueDelivery(tx, created.id);
        }
      }
      await tx.execute(`update outbox_event set published_at = now() where id = any(?::uuid[])`, [`{${events.map((event) => event.id).join(',')}}`]);
      return events.length;
    });
    published += count;
    if (count < EVENTS_PER_BATCH) break;
  }
  if (published > 0) log.debug({ published }, 'outbox events fanned out');
  return published;
}

/**
 * One attempt at a delivery. It is claimed first (a row update only one worker wins), so that a
 * delivery is never sent twice at once; then the policy is asked again (the structure may no
 * longer see the record: WITHHELD, never sent), the message signed (Standard Webhooks) and
 * posted. A failure is retried with exponential backoff until the window closes (FAILED, and
 * the subscription marked failing).
 */
export async function deliverWebhook(root: EntityManager, deliveryId: string, settings: WebhookSettings, log: Logger): Promise<WebhookDeliveryStatus | null> {
  const em = root.fork();
  const claimFor = Math.ceil((settings.timeoutMs + 5_000) / 1000);
  const [claimed] = await em.execute<{ id: string }[]>(
    `update webhook_delivery set status = 'SENDING', attempts = attempts + 1, claimed_until = now() + interval '${claimFor} seconds', updated_at = now()
     where id = ? and (status = 'PENDING' or (status = 'SENDING' and claimed_until < now())) returning id`,
    [deliveryId],
  );
  if (!claimed) return null;
  const delivery = await em.findOneOrFail(WebhookDelivery, deliveryId, { populate: ['subscription', 'subscription.structure', 'subscription.createdBy', 'event'] });
  const { subscription, event } = delivery;
  const finish = async (status: WebhookDeliveryStatus, fields: Partial<WebhookDelivery> = {}) => {
    Object.assign(delivery, { status, claimedUntil: null, ...fields });
    await em.flush();
    return status;
  };
  if (subscription.deletedAt) return finish(WebhookDeliveryStatus.FAILED, { lastError: 'the subscription was deleted', nextAttemptAt: null });
  if (subscription.createdBy.disabled) return finish(WebhookDeliveryStatus.FAILED, { lastError: 'the account that subscribed is disabled', nextAttemptAt: null });
  if (!(await mayBeTold(em, { structureId: subscription.structure.id, role: subscription.role }, event))) {
    return finish(WebhookDeliveryStatus.WITHHELD, { nextAttemptAt: null });
  }
  const body = JSON.stringify(eventMessage(event));
  const sentAt = new Date();
  const signature = new Webhook(subscription.secret).sign(delivery.id, sentAt, body);
  const outcome = await postWebhook(
    subscription.url,
    { 'webhook-id': delivery.id, 'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)), 'webhook-signature': signature },
    body,
    settings,
  );
  const status = 'status' in outcome ? outcome.status : null;
  if (status !== null && status >= 200 && status < 300) {
    if (subscription.failingSince) subscription.failingSince = null;
    return finish(WebhookDeliveryStatus.DELIVERED, { deliveredAt: new Date(), lastStatusCode: status, lastError: null, nextAttemptAt: null });
  }
  const lastError = 'error' in outcome ? outcome.error : `answered ${status}`;
  const now = Date.now();
  if (now - delivery.retryFrom.getTime() >= settings.retryWindowMs) {
    subscription.failingSince ??= new Date();
    log.warn({ deliveryId, subscriptionId: subscription.id, attempts: delivery.attempts }, 'webhook delivery failed for the whole retry window');
    return finish(WebhookDeliveryStatus.FAILED, { lastStatusCode: status, lastError, nextAttemptAt: null });
  }
  // Exponential backoff with jitter: base, 2 × base, 4 × base… up to the cap.
  const backoff = Math.min(settings.retryBaseMs * 2 ** (delivery.attempts - 1), settings.maxBackoffMs);
  const nextAttemptAt = new Date(now + backoff * (0.8 + Math.random() * 0.4));
  await em.transactional(async (tx) => {
    await tx.execute(
      `update webhook_delivery set status = 'PENDING', claimed_until = null, last_status_code = ?, last_error = ?, next_attempt_at = ?, updated_at = now() where id = ?`,
      [status, lastError, nextAttemptAt, delivery.id],
    );
    await queueDelivery(tx, delivery.id, nextAttemptAt);
  });
  return WebhookDeliveryStatus.PENDING;
}
