import { Entity, Index, OneToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Person } from '../persons/person.entity';

/**
 * One person's outcome facts (outcome.sql.ts), kept as a table so that outcomes over
 * 100,000 persons are a single aggregate. Triggers on the tables the facts read mark a
 * person stale in the writing transaction (outcome_fact_stale); the outcome service
 * recomputes stale persons before it aggregates, so answers are never out of date.
 */
@Entity({ tableName: 'outcome_fact' })
export class OutcomeFact {
  [PrimaryKeyProp]?: 'person';

  @OneToOne({ entity: () => Person, primary: true, owner: true, deleteRule: 'cascade' })
  person!: Person;

  /** The actual release date, or else the expected one; null outside any cohort. */
  @Index()
  @Property({ type: 'date', nullable: true })
  releaseDate!: string | null;

  @Property({ columnType: 'text' })
  departement!: string;

  @Property({ columnType: 'text' })
  measure!: string;

  @Property({ columnType: 'text' })
  kinds!: string;

  @Property({ columnType: 'text' })
  action!: string;

  @Property({ type: 'boolean' })
  housedAtRelease!: boolean;

  @Property({ type: 'boolean' })
  rightsOpened!: boolean;

  @Property({ type: 'boolean' })
  inCare!: boolean;

  @Property({ type: 'boolean' })
  employed!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  computedAt!: Date;
}

/** Persons whose outcome facts must be recomputed (marked by triggers, in the writing transaction). */
@Entity({ tableName: 'outcome_fact_stale' })
export class OutcomeFactStale {
  @Property({ type: 'uuid', primary: true })
  personId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  markedAt!: Date;
}
