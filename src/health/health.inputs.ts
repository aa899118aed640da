import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';

@InputType('HealthRecordInput')
export class HealthRecordInput {
  @Field(() => Boolean)
  @IsBoolean()
  inCare!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'In care since; defaults to the current value, or today.' })
  @IsOptional()
  since?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  substances?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  treatment?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20000)
  notes?: string | null;
}
