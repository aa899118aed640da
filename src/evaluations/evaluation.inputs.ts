import { ArrayMaxSize, IsOptional, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { DateScalar } from '../shared/scalars';

const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);

@InputType('IndicatorPartInput')
export class IndicatorPartInput {
  @Field(() => String)
  @Matches(DEPARTEMENT, { message: 'departement must be an INSEE département code such as "44" or "2A"' })
  departement!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  value?: number | null;
}

@InputType('IndicatorInput')
export class IndicatorInput {
  @Field(() => String, { nullable: true, description: 'Stable machine name, e.g. PEOPLE_REACHED.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be upper case letters, digits and underscores' })
  code?: string | null;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(500)
  name!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  value?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  unit?: string | null;

  @Field(() => [IndicatorPartInput], { defaultValue: [] })
  @ArrayMaxSize(101)
  @ValidateNested({ each: true })
  byDepartement!: IndicatorPartInput[];
}

@InputType('EvaluationInput')
export class EvaluationInput {
  @Field(() => DateScalar)
  periodStart!: string;

  @Field(() => DateScalar)
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: 'The qualitative assessment ("bilan").' })
  @IsOptional()
  @MaxLength(20000)
  assessment?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @MaxLength(5000, { each: true })
  weaknesses!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @MaxLength(5000, { each: true })
  perspectives!: string[];

  @Field(() => [IndicatorInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  indicators!: IndicatorInput[];
}
