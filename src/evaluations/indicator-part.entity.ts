import { Check, DecimalType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../shared/base.entity';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { Indicator } from './indicator.entity';

/** The part of an indicator in one département, e.g. 45 people in 44. */
@Entity({ tableName: 'indicator_part' })
@Unique({ name: 'indicator_part_indicator_departement_unique', properties: ['indicator', 'departement'] })
@Check({ name: 'indicator_part_departement_format', expression: `departement ~ '${DEPARTEMENT_PATTERN}'` })
export class IndicatorPart extends BaseEntity {
  @ManyToOne(() => Indicator, { deleteRule: 'cascade' })
  indicator: Indicator;

  @Property({ columnType: 'text' })
  departement: string;

  @Property({ type: new DecimalType('number'), precision: 14, scale: 2, nullable: true })
  value: number | null = null;

  constructor(indicator: Indicator, departement: string, value: number | null) {
    super();
    this.indicator = indicator;
    this.departement = departement;
    this.value = value;
  }
}
