import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { Role } from '../auth/role';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { BaseEntity } from '../shared/base.entity';
import { enumArrayCheck } from '../shared/checks';
import { Structure } from '../structures/structure.entity';

/**
 * A partner's endpoint for events of some types (Standard Webhooks). Deliveries go to it as its
 * structure, acting as `role`, may see each event's record when it is delivered.
 */
@Entity({ tableName: 'webhook_subscription' })
@Check({ name: 'webhook_subscription_event_types_values', expression: enumArrayCheck('event_types', OutboxEventType) })
@Check({ name: 'webhook_subscription_event_types_not_empty', expression: 'cardinality(event_types) > 0' })
export class WebhookSubscription extends BaseEntity<'failingSince' | 'deletedAt'> {
  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  /** The role whose view of the records decides what is delivered. */
  @Enum({ items: () => Role, columnType: 'text' })
  role: Role;

  @ManyToOne(() => Account, { index: true })
  createdBy: Account;

  @Property({ columnType: 'text' })
  url: string;

  @Enum({ items: () => OutboxEventType, array: true, columnType: 'text[]' })
  eventTypes: OutboxEventType[];

  /** `whsec_` + base64 of 32 random bytes: the HMAC key of the signatures, shown once. */
  @Property({ columnType: 'text', hidden: true })
  secret: string;

  /** Set when a delivery failed for the whole retry window; cleared by a delivery that succeeds. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  /** Deleted subscriptions get nothing more; their deliveries stay in the log. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  constructor(structure: Structure, role: Role, createdBy: Account, url: string, eventTypes: OutboxEventType[], secret: string) {
    super();
    this.structure = structure;
    this.role = role;
    this.createdBy = createdBy;
    this.url = url;
    this.eventTypes = eventTypes;
    this.secret = secret;
  }
}
