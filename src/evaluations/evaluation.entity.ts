import { Check, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Action } from '../actions/action.entity';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';

/** The evaluation of an action over a period: indicators and a qualitative assessment. */
@Entity({ tableName: 'evaluation' })
@Check({ name: 'evaluation_period_order', expression: 'period_end >= period_start' })
export class Evaluation extends VersionedEntity<'weaknesses' | 'perspectives'> {
  @ManyToOne(() => Action, { index: true, deleteRule: 'cascade' })
  action: Action;

  @Property({ type: 'date' })
  periodStart: string;

  @Property({ type: 'date' })
  periodEnd: string;

  @Property({ columnType: 'text', nullable: true })
  assessment: string | null = null;

  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  weaknesses: string[] = [];

  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  perspectives: string[] = [];

  /** The structure that recorded it: the carrier or an evaluator. */
  @ManyToOne(() => Structure, { index: true, nullable: true })
  author: Structure | null = null;

  constructor(action: Action, periodStart: string, periodEnd: string) {
    super();
    this.action = action;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
  }
}
