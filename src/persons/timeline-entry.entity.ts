import { Entity, Property } from '@mikro-orm/core';
import type { DataDomain } from '../policy/data-domain';
import type { Need } from '../shared/need';

/**
 * One entry of a person's timeline, as the view timeline_entry gives it (outbox events and
 * audit writes that leave no event; migrations/…_TransfersMandatesRestrictionFlagsTimeline.ts).
 * Read-only; a record of kind TIMELINE_ENTRY for the policy engine.
 */
@Entity({ tableName: 'timeline_entry', expression: 'select * from timeline_entry' })
export class TimelineEntry {
  @Property({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;

  /** The event type, or the audited action for a write that leaves no event. */
  @Property({ columnType: 'text' })
  kind!: string;

  /** EVENT or AUDIT. */
  @Property({ columnType: 'text' })
  source!: string;

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  partyIds!: string[];

  @Property({ type: 'string[]', columnType: 'text[]' })
  needs!: Need[];

  @Property({ type: 'string[]', columnType: 'text[]' })
  domains!: DataDomain[];

  @Property({ columnType: 'text', nullable: true })
  status!: string | null;

  /** The event of a consent since revoked or expired: shown to its actor only. */
  @Property({ type: 'boolean' })
  lapsed!: boolean;

  /** The event's payload (ids and statuses); null for a write of the audit log. */
  @Property({ type: 'json', nullable: true })
  payload!: Record<string, unknown> | null;
}
