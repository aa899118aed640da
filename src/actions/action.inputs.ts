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
  @Field(() => String)
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(300)
  theme!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @MaxLength(2000, { each: true })
  generalObjectives!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @MaxLength(2000, { each: true })
  operationalObjectives!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  targetPublic?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  startYear?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  endYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  duration?: string | null;

  @Field(() => ActionFrequency, { nullable: true })
  @IsOptional()
  frequency?: ActionFrequency | null;

  @Field(() => [ActionType], { defaultValue: [] })
  @ArrayUnique()
  types!: ActionType[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @MaxLength(500, { each: true })
  places!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(101)
  @ArrayUnique()
  @Matches(DEPARTEMENT, { each: true, message: DEPARTEMENT_MESSAGE })
  departements!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  nationalPlan?: string | null;

  @Field(() => [OutcomeCategory], { defaultValue: [] })
  @ArrayUnique()
  categories!: OutcomeCategory[];

  @Field(() => Int, { nullable: true, description: 'People reached, as declared by the carrier.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  beneficiaries?: number | null;
}

@InputType('EnrolInActionInput')
export class EnrolInActionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'actionId must be an ID returned by this API' })
  actionId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  enrolledOn?: string | null;
}

@InputType('ParticipationInput')
export class ParticipationInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  sessionsAttended!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  groupSessions!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10000)
  coInterventions!: number;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endedOn?: string | null;
}
