import { ArrayMaxSize, IsOptional, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { DateScalar } from '../shared/scalars';

const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);

@InputType('IndicatorPartInput', { description: 'The part of an indicator in one département.' })
export class IndicatorPartInput {
  @Field(() => String, { description: 'INSEE code of the département, e.g. "44" or "2A".' })
  @Matches(DEPARTEMENT, { message: 'departement must be an INSEE département code such as "44" or "2A"' })
  departement!: string;

  @Field(() => Float, { nullable: true, description: 'The value in that département, zero or more.' })
  @IsOptional()
  @Min(0)
  value?: number | null;
}

@InputType('IndicatorInput', { description: 'A quantitative indicator of an evaluation, with its breakdown by département.' })
export class IndicatorInput {
  @Field(() => String, { nullable: true, description: 'Stable machine name, e.g. PEOPLE_REACHED.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be upper case letters, digits and underscores' })
  code?: string | null;

  @Field(() => String, { description: 'What the indicator counts, in words: 1 to 500 characters.' })
  @MinLength(1)
  @MaxLength(500)
  name!: string;

  @Field(() => Float, { nullable: true, description: 'The value for the whole period, zero or more.' })
  @IsOptional()
  @Min(0)
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'The unit of the value (at most 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => [IndicatorPartInput], { defaultValue: [], description: 'Breakdown by département (at most 101 parts).' })
  @ArrayMaxSize(101)
  @ValidateNested({ each: true })
  byDepartement!: IndicatorPartInput[];
}

@InputType('EvaluationInput', { description: 'An evaluation of an action over a period: indicators, assessment, weaknesses and perspectives.' })
export class EvaluationInput {
  @Field(() => DateScalar, { description: 'The first day of the period evaluated.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'The last day of the period evaluated.' })
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: 'The qualitative assessment ("bilan").' })
  @IsOptional()
  @MaxLength(20000)
  assessment?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'The weaknesses found: at most 50, each at most 5000 characters.' })
  @ArrayMaxSize(50)
  @MaxLength(5000, { each: true })
  weaknesses!: string[];

  @Field(() => [String], { defaultValue: [], description: 'The perspectives drawn: at most 50, each at most 5000 characters.' })
  @ArrayMaxSize(50)
  @MaxLength(5000, { each: true })
  perspectives!: string[];

  @Field(() => [IndicatorInput], {
    defaultValue: [],
    description: 'The quantitative indicators (at most 100); on update they replace the former ones.',
  })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  indicators!: IndicatorInput[];
}
