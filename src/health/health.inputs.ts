import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';

@InputType('HealthRecordInput', {
  description: 'What the CSAPA holding the follow-up records; the health summary (in care, since when) follows from it.',
})
export class HealthRecordInput {
  @Field(() => Boolean, { description: 'Whether the person is in care now.' })
  @IsBoolean()
  inCare!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'In care since; defaults to the current value, or today.' })
  @IsOptional()
  since?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The substances the person uses: at most 20, each 1 to 100 characters; left out keeps the current list.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  substances?: string[] | null;

  @Field(() => String, { nullable: true, description: "The person's current treatment (at most 2000 characters); left out clears it." })
  @IsOptional()
  @MaxLength(2000)
  treatment?: string | null;

  @Field(() => String, { nullable: true, description: 'Care notes (at most 20000 characters); left out clears them.' })
  @IsOptional()
  @MaxLength(20000)
  notes?: string | null;
}
