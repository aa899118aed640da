import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { departementArrayCheck, enumArrayCheck } from '../shared/checks';
import { Structure } from '../structures/structure.entity';
import { ActionFrequency, ActionType, OutcomeCategory } from './action.enums';

/** A program, recorded as in the OSCARS database of regional health actions (seed 001). */
@Entity({ tableName: 'action' })
@Check({ name: 'action_years_order', expression: 'end_year is null or start_year is null or end_year >= start_year' })
@Check({ name: 'action_beneficiaries_non_negative', expression: 'beneficiaries >= 0' })
@Check({ name: 'action_types_values', expression: enumArrayCheck('types', ActionType) })
@Check({ name: 'action_categories_values', expression: enumArrayCheck('categories', OutcomeCategory) })
@Check({ name: 'action_departements_format', expression: departementArrayCheck('departements') })
export class Action extends VersionedEntity<
  'generalObjectives' | 'operationalObjectives' | 'types' | 'places' | 'departements' | 'categories'
> {
  @Property({ columnType: 'text' })
  title: string;

  /** The carrier structure ("porteur de l'action"); it edits the record. */
  @ManyToOne(() => Structure, { index: true })
  carrier: Structure;

  @Property({ columnType: 'text' })
  theme: string;

  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  generalObjectives: string[] = [];

  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  operationalObjectives: string[] = [];

  @Property({ columnType: 'text', nullable: true })
  description: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  targetPublic: string | null = null;

  @Property({ type: 'integer', nullable: true })
  startYear: number | null = null;

  @Property({ type: 'integer', nullable: true })
  endYear: number | null = null;

  /** As written in the record, e.g. "12 mois, de janvier à décembre 2019". */
  @Property({ columnType: 'text', nullable: true })
  duration: string | null = null;

  @Enum({ items: () => ActionFrequency, columnType: 'text', nullable: true })
  frequency: ActionFrequency | null = null;

  @Enum({ items: () => ActionType, array: true, columnType: 'text[]', default: '{}' })
  types: ActionType[] = [];

  /** Places of intervention, as written in the record. */
  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  places: string[] = [];

  /** INSEE codes of the départements where the action runs. */
  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  departements: string[] = [];

  @Property({ columnType: 'text', nullable: true })
  region: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  sector: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  nationalPlan: string | null = null;

  @Enum({ items: () => OutcomeCategory, array: true, columnType: 'text[]', default: '{}' })
  categories: OutcomeCategory[] = [];

  /** Number of people reached, as declared by the carrier. */
  @Property({ type: 'integer', nullable: true })
  beneficiaries: number | null = null;

  constructor(title: string, carrier: Structure, theme: string) {
    super();
    this.title = title;
    this.carrier = carrier;
    this.theme = theme;
  }
}
