import { Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { EntityRef } from '../shared/base.entity';
import { MandateState } from './access-policy';

/** The states a mandate row holds: a structure without a row has no mandate (NONE). */
export const STORED_MANDATE_STATES = [MandateState.FULL, MandateState.PENDING, MandateState.ENDED] as const;
export type StoredMandateState = (typeof STORED_MANDATE_STATES)[number];

/** The source of a mandate: the file the SPIP holds, a transferred file, a referral, a follow-up. */
export enum MandateSource {
  FILE = 'FILE',
  TRANSFER = 'TRANSFER',
  REFERRAL = 'REFERRAL',
  FOLLOW_UP = 'FOLLOW_UP',
}

/**
 * The mandate of a structure on a person, as the history implies it (person files,
 * referrals, follow-ups): the strongest state over all its sources. PostgreSQL triggers
 * on person, referral and follow_up rewrite the rows of the persons a statement touches,
 * in the same transaction (generated from the rule of mandate-rule.ts by mandate-ddl.ts); nothing
 * else writes here. Ended rows are kept with their end: readers apply the retention period.
 */
@Entity({ tableName: 'mandate' })
@Index({ name: 'mandate_structure_state_index', properties: ['structure', 'state', 'person', 'endedAt'] })
@Index({ name: 'mandate_structure_page_index', properties: ['structure', 'personCreatedAt', 'person', 'state', 'endedAt'] })
export class Mandate {
  [PrimaryKeyProp]?: ['structure', 'person'];

  @ManyToOne({ entity: 'Structure', primary: true, deleteRule: 'cascade' })
  structure!: EntityRef;

  @ManyToOne({ entity: 'Person', primary: true, deleteRule: 'cascade', index: 'mandate_person_id_index' })
  person!: EntityRef;

  /** FULL, PENDING or ENDED: the strongest state over the structure's sources on the person. */
  @Enum({ items: () => STORED_MANDATE_STATES, columnType: 'text' })
  state!: StoredMandateState;

  /**
   * When the source shown (openedBy) began: for FULL and PENDING, the longest-standing
   * source in that state (a referral's decision for an accepted one); for ENDED, the
   * source that ended last.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  since!: Date;

  /** For ENDED: the latest end among the sources (null if none recorded one); null otherwise. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Enum({ items: () => MandateSource, columnType: 'text' })
  openedBy!: MandateSource;

  /** The referral or follow-up; null for the file and the transferred file. */
  @Property({ type: 'uuid', nullable: true })
  openedById!: string | null;

  /**
   * The person's registration (person.created_at), copied by the triggers: a structure's
   * persons page is a range of mandate_structure_page_index in registration order, read
   * up to the page's size, not a sort of all the structure's persons.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  personCreatedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
