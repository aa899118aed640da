import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { RightKind, RightStatus } from './person.enums';

@ArgsType()
export class UpdateRightStepArgs {
  @Field(() => ID)
  personId!: string;

  @Field(() => RightKind)
  kind!: RightKind;

  @Field(() => RightStatus)
  status!: RightStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the step you read (0 when it does not exist yet).' })
  @IsOptional()
  expectedVersion?: number | null;
}
