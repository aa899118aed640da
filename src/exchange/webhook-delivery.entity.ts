import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { OutboxEvent, OutboxEventType } from '../outbox/outbox-event.entity';
import { BaseEntity } from '../shared/base.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export enum WebhookDeliveryStatus {
  /** Waiting for its first attempt or its next one. */
  PENDING = 'PENDING',
  /** An attempt is under way (claimed by a worker until `claimedUntil`). */
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  /** Not delivered within the retry window. */
  FAILED = 'FAILED',
  /** The subscriber may no longer see the record: never sent, never listed to it. */
  WITHHELD = 'WITHHELD',
}

/**
 * One event for one subscription: its id is the `webhook-id` of every attempt, so that a
 * receiver can drop a repeat (delivery is at least once).
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_subscription_event_unique', properties: ['subscription', 'event'] })
@Index({ name: 'webhook_delivery_subscription_page_index', properties: ['subscription', 'createdAt', 'id'] })
export class WebhookDelivery extends BaseEntity<'status' | 'attempts' | 'retryFrom' | 'claimedUntil' | 'lastStatusCode' | 'lastError' | 'deliveredAt' | 'nextAttemptAt'> {
  @ManyToOne(() => WebhookSubscription)
  subscription: WebhookSubscription;

  @ManyToOne(() => OutboxEvent, { index: true })
  event: OutboxEvent;

  @Enum({ items: () => OutboxEventType, columnType: 'text' })
  eventType: OutboxEventType;

  @Enum({ items: () => WebhookDeliveryStatus, columnType: 'text', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  /** Why the last attempt failed (a status, a timeout, a refused address); never the receiver's body. */
  @Property({ columnType: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  /** Start of the retry window: the first attempt, or the latest redelivery asked for. */
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  retryFrom: Date = new Date();

  constructor(subscription: WebhookSubscription, event: OutboxEvent) {
    super();
    this.subscription = subscription;
    this.event = event;
    this.eventType = event.type;
  }
}
