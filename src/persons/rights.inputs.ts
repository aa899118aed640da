import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { RightKind, RightStatus } from './person.enums';

@ArgsType()
export class UpdateRightStepArgs {
  @Field(() => ID, { description: 'The person whose right step changes.' })
  personId!: string;

  @Field(() => RightKind, { description: 'Which right; the step is created at its first change.' })
  kind!: RightKind;

  @Field(() => RightStatus, { description: 'Where the right stands now.' })
  status!: RightStatus;

  @Field(() => String, { nullable: true, description: 'A note on the step, e.g. the office it was filed with; kept in the history.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the step you read (0 when it does not exist yet).' })
  @IsOptional()
  expectedVersion?: number | null;
}
