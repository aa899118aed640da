import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActionFrequency, ActionType, OutcomeCategory } from './action.enums';
import type { Action } from './action.entity';
import { Node } from '../shared/node';

@ObjectType('Action', { implements: Node, description: 'A program, as recorded in the OSCARS database of regional health actions.' })
export class ActionView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  carrierId!: string;

  @Field(() => String)
  theme!: string;

  @Field(() => [String], { description: 'General objectives, then operational objectives.' })
  objectives!: string[];

  @Field(() => [String])
  generalObjectives!: string[];

  @Field(() => [String])
  operationalObjectives!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  targetPublic!: string | null;

  @Field(() => Int, { nullable: true })
  startYear!: number | null;

  @Field(() => Int, { nullable: true })
  endYear!: number | null;

  @Field(() => String, { nullable: true, description: 'As written in the record, e.g. "12 mois".' })
  duration!: string | null;

  @Field(() => ActionFrequency, { nullable: true })
  frequency!: ActionFrequency | null;

  @Field(() => [ActionType])
  types!: ActionType[];

  @Field(() => [String], { description: 'Places of intervention.' })
  places!: string[];

  @Field(() => [String], { description: 'INSEE codes of the départements where the action runs.' })
  departements!: string[];

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Sector of activity, e.g. "Etablissement pénitentiaire".' })
  sector!: string | null;

  @Field(() => String, { nullable: true })
  nationalPlan!: string | null;

  @Field(() => [OutcomeCategory], { description: 'Outcome categorisation (A1..D).' })
  categories!: OutcomeCategory[];

  @Field(() => Int, { nullable: true, description: 'People reached, as declared by the carrier.' })
  beneficiaries!: number | null;

  @Field(() => Int, { description: 'Give it back as expectedVersion when updating.' })
  version!: number;

  static from(action: Action): ActionView {
    return Object.assign(new ActionView(), {
      id: action.id,
      title: action.title,
      carrierId: action.carrier.id,
      theme: action.theme,
      objectives: [...action.generalObjectives, ...action.operationalObjectives],
      generalObjectives: action.generalObjectives,
      operationalObjectives: action.operationalObjectives,
      description: action.description,
      targetPublic: action.targetPublic,
      startYear: action.startYear,
      endYear: action.endYear,
      duration: action.duration,
      frequency: action.frequency,
      types: action.types,
      places: action.places,
      departements: action.departements,
      region: action.region,
      sector: action.sector,
      nationalPlan: action.nationalPlan,
      categories: action.categories,
      beneficiaries: action.beneficiaries,
      version: action.version,
    });
  }
}
