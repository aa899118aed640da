import { DecimalType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../shared/base.entity';
import { Evaluation } from './evaluation.entity';

/** A quantitative indicator of an evaluation, e.g. 128 people reached. */
@Entity({ tableName: 'indicator' })
@Unique({ name: 'indicator_evaluation_position_unique', properties: ['evaluation', 'position'] })
export class Indicator extends BaseEntity {
  @ManyToOne(() => Evaluation, { deleteRule: 'cascade' })
  evaluation: Evaluation;

  /** Display order within the evaluation. */
  @Property({ type: 'integer' })
  position: number;

  /** Stable machine name, e.g. PEOPLE_REACHED, when the indicator is a common one. */
  @Property({ columnType: 'text', nullable: true })
  code: string | null = null;

  @Property({ columnType: 'text' })
  name: string;

  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  value: number | null = null;

  @Property({ columnType: 'text', nullable: true })
  unit: string | null = null;

  constructor(evaluation: Evaluation, position: number, name: string) {
    super();
    this.evaluation = evaluation;
    this.position = position;
    this.name = name;
  }
}
