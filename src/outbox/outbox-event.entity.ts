import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DataDomain } from '../policy/data-domain';
import type { EntityRef } from '../shared/base.entity';

/** The state changes partners may later be notified of. */
export enum OutboxEventType {
  PERSON_REGISTERED = 'PERSON_REGISTERED',
  REFERRAL_CREATED = 'REFERRAL_CREATED',
  REFERRAL_ACCEPTED = 'REFERRAL_ACCEPTED',
  REFERRAL_DECLINED = 'REFERRAL_DECLINED',
  REFERRAL_STARTED = 'REFERRAL_STARTED',
  REFERRAL_COMPLETED = 'REFERRAL_COMPLETED',
  REFERRAL_CANCELLED = 'REFERRAL_CANCELLED',
  FOLLOW_UP_OPENED = 'FOLLOW_UP_OPENED',
  FOLLOW_UP_CLOSED = 'FOLLOW_UP_CLOSED',
  RIGHT_STEP_CHANGED = 'RIGHT_STEP_CHANGED',
  RIGHT_OBTAINED = 'RIGHT_OBTAINED',
  PLACEMENT_MADE = 'PLACEMENT_MADE',
  PLACEMENT_ENDED = 'PLACEMENT_ENDED',
  APPOINTMENT_SCHEDULED = 'APPOINTMENT_SCHEDULED',
  APPOINTMENT_OUTCOME_RECORDED = 'APPOINTMENT_OUTCOME_RECORDED',
  CASE_NOTE_WRITTEN = 'CASE_NOTE_WRITTEN',
  CONSENT_RECORDED = 'CONSENT_RECORDED',
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  TRANSFER_REQUESTED = 'TRANSFER_REQUESTED',
  TRANSFER_ACCEPTED = 'TRANSFER_ACCEPTED',
  TRANSFER_REFUSED = 'TRANSFER_REFUSED',
  FILE_CLOSED = 'FILE_CLOSED',
}

/**
 * A state change, written in the same transaction as the change itself, for a relay to
 * deliver later without loss. The payload holds ids and statuses, never person data; the
 * domain tells which partners may be told.
 */
@Entity({ tableName: 'outbox_event' })
@Index({
  name: 'outbox_event_unpublished_index',
  expression: 'create index "outbox_event_unpublished_index" on "outbox_event" ("occurred_at") where "published_at" is null',
})
export class OutboxEvent {
  [OptionalProps]?: 'occurredAt';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Enum({ items: () => OutboxEventType, columnType: 'text' })
  type: OutboxEventType;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  personId: string | null = null;

  /** The structure whose action caused the event (a module above the outbox: the relation names it). */
  @ManyToOne({ entity: 'Structure', index: true })
  structure: EntityRef;

  /** The data domain the event belongs to, for delivering it under the access policy. */
  @Enum({ items: () => DataDomain, columnType: 'text', nullable: true })
  domain: DataDomain | null = null;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  constructor(type: OutboxEventType, structure: EntityRef, payload: Record<string, unknown>) {
    this.type = type;
    this.structure = structure;
    this.payload = payload;
  }
}
