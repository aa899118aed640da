import {
  ArrayMaxSize,
  ArrayUnique,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { DateScalar } from '../shared/scalars';
import { ActionFrequency, ActionType, OutcomeCategory } from './action.enums';

const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);
const DEPARTEMENT_MESSAGE = 'departements must be INSEE département codes such as "44" or "2A"';

@InputType('ActionInput', { description: 'Every field of an OSCARS-style action record.' })
export class ActionInput {
  @Field(() => String, { description: "The action's title: 1 to 300 characters." })
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @Field(() => String, { description: "The action's theme, e.g. addictive behaviours: 1 to 300 characters." })
  @MinLength(1)
  @MaxLength(300)
  theme!: string;

  @Field(() => [String], { defaultValue: [], description: 'The general objectives: at most 20, each at most 2000 characters.' })
  @ArrayMaxSize(20)
  @MaxLength(2000, { each: true })
  generalObjectives!: string[];

  @Field(() => [String], { defaultValue: [], description: 'The operational objectives: at most 20, each at most 2000 characters.' })
  @ArrayMaxSize(20)
  @MaxLength(2000, { each: true })
  operationalObjectives!: string[];

  @Field(() => String, { nullable: true, description: 'What the action does (at most 20000 characters).' })
  @IsOptional()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who the action is for (at most 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  targetPublic?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the action started, 1990 to 2100.' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  startYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'The year the action ended or is to end, 1990 to 2100.' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  endYear?: number | null;

  @Field(() => String, { nullable: true, description: 'As written in the record, e.g. "12 mois" (at most 300 characters).' })
  @IsOptional()
  @MaxLength(300)
  duration?: string | null;

  @Field(() => ActionFrequency, { nullable: true, description: 'Whether the action is one-off or repeated.' })
  @IsOptional()
  frequency?: ActionFrequency | null;

  @Field(() => [ActionType], { defaultValue: [], description: 'What kinds of intervention the action makes.' })
  @ArrayUnique()
  types!: ActionType[];

  @Field(() => [String], { defaultValue: [], description: 'Places of intervention: at most 50, each at most 500 characters.' })
  @ArrayMaxSize(50)
  @MaxLength(500, { each: true })
  places!: string[];

  @Field(() => [String], { defaultValue: [], description: 'INSEE codes of the départements where the action runs (at most 101).' })
  @ArrayMaxSize(101)
  @ArrayUnique()
  @Matches(DEPARTEMENT, { each: true, message: DEPARTEMENT_MESSAGE })
  departements!: string[];

  @Field(() => String, { nullable: true, description: 'The region where the action runs (at most 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector of activity, e.g. "Etablissement pénitentiaire" (at most 300 characters).' })
  @IsOptional()
  @MaxLength(300)
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'The national plan the action falls under (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  nationalPlan?: string | null;

  @Field(() => [OutcomeCategory], { defaultValue: [], description: 'Outcome categorisation (A1..D).' })
  @ArrayUnique()
  categories!: OutcomeCategory[];

  @Field(() => Int, { nullable: true, description: 'People reached, as declared by the carrier.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  beneficiaries?: number | null;
}

@InputType('EnrolInActionInput', { description: 'The enrolment of a person your structure follows in an action it carries.' })
export class EnrolInActionInput {
  @Field(() => ID, { description: 'The action, carried by your structure.' })
  @IsUUID('all', { message: 'actionId must be an ID returned by this API' })
  actionId!: string;

  @Field(() => ID, { description: "The person, under your structure's full mandate." })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  enrolledOn?: string | null;
}

@InputType('ParticipationInput', { description: 'What the person attended so far, and when the participation ended.' })
export class ParticipationInput {
  @Field(() => Int, { description: 'Individual sessions the person attended, 0 to 10000.' })
  @IsInt()
  @Min(0)
  @Max(10000)
  sessionsAttended!: number;

  @Field(() => Int, { description: 'Group sessions the person attended, 0 to 10000.' })
  @IsInt()
  @Min(0)
  @Max(10000)
  groupSessions!: number;

  @Field(() => Int, { description: 'Co-intervention sessions the person attended, 0 to 10000.' })
  @IsInt()
  @Min(0)
  @Max(10000)
  coInterventions!: number;

  @Field(() => DateScalar, { nullable: true, description: 'When the participation ended; null while it goes on.' })
  @IsOptional()
  endedOn?: string | null;
}
