import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * A published year of outcomes: the snapshot evaluators read. Written once by the
 * publication job, after the year has closed, and never changed: reading the same year
 * twice gives the same answer, whatever is recorded afterwards.
 */
@Entity({ tableName: 'outcome_publication' })
export class OutcomePublication {
  /** The calendar year of the release cohort. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  publishedAt!: Date;

  /** Cells of the protected cube stored for the year (the total and every one- and two-dimension table). */
  @Property({ type: 'integer' })
  cells!: number;

  /** Cells with at least one count withheld. */
  @Property({ type: 'integer' })
  suppressedCells!: number;
}

/**
 * One released cell of a published year: '*' for "all values" of a dimension, null for
 * a withheld count. Small counts are never stored here, only what may be released.
 */
@Entity({ tableName: 'outcome_published_cell' })
@Index({ properties: ['year', 'grouping'] })
export class OutcomePublishedCell {
  [PrimaryKeyProp]?: ['year', 'departement', 'measure', 'kinds', 'action'];

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @PrimaryKey({ columnType: 'text' })
  departement!: string;

  @PrimaryKey({ columnType: 'text' })
  measure!: string;

  @PrimaryKey({ columnType: 'text' })
  kinds!: string;

  @PrimaryKey({ columnType: 'text' })
  action!: string;

  /** The dimensions the cell is grouped by, as a bit set (departement = 8 … action = 1): the table it belongs to. */
  @Property({ type: 'smallint' })
  grouping!: number;

  @Property({ type: 'integer', nullable: true })
  persons!: number | null;

  @Property({ type: 'integer', nullable: true })
  housedAtRelease!: number | null;

  @Property({ type: 'integer', nullable: true })
  rightsOpened!: number | null;

  @Property({ type: 'integer', nullable: true })
  inCare!: number | null;

  @Property({ type: 'integer', nullable: true })
  employed!: number | null;
}
