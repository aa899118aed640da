import { ArrayMaxSize, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

const TEXT = /\S/;

/** A reason given in free text: a field of 1 to 1000 characters, not blank. */
function Reason(description: string): PropertyDecorator {
  const decorators = [
    Field(() => String, { description }),
    MinLength(1, { message: 'reason must be 1 to 1000 characters' }),
    MaxLength(1000, { message: 'reason must be 1 to 1000 characters' }),
    Matches(TEXT, { message: 'reason must not be blank' }),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

@ArgsType()
export class TransferPersonArgs {
  @Field(() => ID, { description: 'The person whose file is to move.' })
  personId!: string;

  @Field(() => ID, { description: 'The SPIP that is to hold the file.' })
  toSpipId!: string;

  @Reason('1 to 1000 characters.')
  reason!: string;
}

@ArgsType()
export class DecideTransferArgs {
  @Field(() => ID, { description: 'The transfer to decide on.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; CONFLICT when the transfer changed since.' })
  expectedVersion?: number | null;
}

@ArgsType()
export class RefuseTransferArgs extends DecideTransferArgs {
  @Reason('1 to 1000 characters.')
  reason!: string;
}

@ArgsType()
export class CloseFileArgs {
  @Field(() => ID, { description: 'The person whose file closes.' })
  personId!: string;

  @Reason('Why the file closes (end of the measure...): 1 to 1000 characters.')
  reason!: string;
}

@ArgsType()
export class RestrictPersonArgs {
  @Field(() => ID, { description: 'The person to restrict.' })
  personId!: string;

  @Field(() => [ID], { description: 'The structures that keep seeing the identity, besides the holding SPIP (at most 50).' })
  @ArrayMaxSize(50, { message: 'visibleTo names at most 50 structures' })
  visibleTo!: string[];
}
