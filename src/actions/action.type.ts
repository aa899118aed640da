import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActionFrequency, ActionType, OutcomeCategory } from './action.enums';
import type { Action } from './action.entity';
import { Node } from '../shared/node';
import { connectionType } from '../shared/connection';

@ObjectType('Action', { implements: Node, description: 'A program, as recorded in the OSCARS database of regional health actions.' })
export class ActionView {
  @Field(() => ID, { description: "The action's id." })
  id!: string;

  @Field(() => String, { description: "The action's title, as in the record." })
  title!: string;

  carrierId!: string;

  @Field(() => String, { description: "The action's theme, e.g. addictive behaviours." })
  theme!: string;

  @Field(() => [String], { description: 'General objectives, then operational objectives.' })
  objectives!: string[];

  @Field(() => [String], { description: 'The general objectives of the action.' })
  generalObjectives!: string[];

  @Field(() => [String], { description: 'The operational objectives of the action.' })
  operationalObjectives!: string[];

  @Field(() => String, { nullable: true, description: 'What the action does, as free text; null when not given.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Who the action is for, e.g. persons leaving prison with an addiction.' })
  targetPublic!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the action started; null when not given.' })
  startYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'The year the action ended or is to end; null when not given.' })
  endYear!: number | null;

  @Field(() => String, { nullable: true, description: 'As written in the record, e.g. "12 mois".' })
  duration!: string | null;

  @Field(() => ActionFrequency, { nullable: true, description: 'Whether the action is one-off or repeated; null when not given.' })
  frequency!: ActionFrequency | null;

  @Field(() => [ActionType], { description: 'What kinds of intervention the action makes.' })
  types!: ActionType[];

  @Field(() => [String], { description: 'Places of intervention.' })
  places!: string[];

  @Field(() => [String], { description: 'INSEE codes of the départements where the action runs.' })
  departements!: string[];

  @Field(() => String, { nullable: true, description: 'The region where the action runs; null when not given.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Sector of activity, e.g. "Etablissement pénitentiaire".' })
  sector!: string | null;

  @Field(() => String, { nullable: true, description: 'The national plan the action falls under, if any.' })
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

export const ActionConnectionView = connectionType('Action', ActionView, {
  node: 'program',
  list: 'A page of the programs, most recent first.',
});
