import { ArrayMaxSize, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

const TEXT = /\S/;
const REASON = { description: '1 to 1000 characters.' };

@ArgsType()
export class TransferPersonArgs {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'The SPIP that is to hold the file.' })
  toSpipId!: string;

  @Field(() => String, REASON)
  @MinLength(1, { message: 'reason must be 1 to 1000 characters' })
  @MaxLength(1000, { message: 'reason must be 1 to 1000 characters' })
  @Matches(TEXT, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class DecideTransferArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; CONFLICT when the transfer changed since.' })
  expectedVersion?: number | null;
}

@ArgsType()
export class RefuseTransferArgs extends DecideTransferArgs {
  @Field(() => String, REASON)
  @MinLength(1, { message: 'reason must be 1 to 1000 characters' })
  @MaxLength(1000, { message: 'reason must be 1 to 1000 characters' })
  @Matches(TEXT, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class CloseFileArgs {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: 'Why the file closes (end of the measure...): 1 to 1000 characters.' })
  @MinLength(1, { message: 'reason must be 1 to 1000 characters' })
  @MaxLength(1000, { message: 'reason must be 1 to 1000 characters' })
  @Matches(TEXT, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class RestrictPersonArgs {
  @Field(() => ID)
  personId!: string;

  @Field(() => [ID], { description: 'The structures that keep seeing the identity, besides the holding SPIP (at most 50).' })
  @ArrayMaxSize(50, { message: 'visibleTo names at most 50 structures' })
  visibleTo!: string[];
}
