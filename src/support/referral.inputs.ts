import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ReferralStatus } from './referral.enums';
import { Need } from '../shared/need';

@InputType('ReferPersonInput', { description: 'A referral from the SPIP holding the file to a structure or one of its services.' })
export class ReferPersonInput {
  @Field(() => ID, { description: "The person to refer; the viewer's SPIP must hold the file." })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => ID, { description: 'The structure to refer the person to.' })
  @IsUUID('all', { message: 'toStructureId must be an ID returned by this API' })
  toStructureId!: string;

  @Field(() => ID, { nullable: true, description: "One of that structure's services, when the referral is for it." })
  @IsOptional()
  @IsUUID('all', { message: 'serviceId must be an ID returned by this API' })
  serviceId?: string | null;

  @Field(() => [Need], { description: 'What the person is referred for: 1 to 6 needs, none twice.' })
  @ArrayMinSize(1, { message: 'needs must name at least one need' })
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'needs must not repeat a need' })
  needs!: Need[];

  @Field(() => String, { nullable: true, description: 'Why the person is referred, for the receiver (at most 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  motive?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Same key twice from the same structure returns the first referral instead of a duplicate.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'idempotencyKey must be 1 to 100 letters, digits or ._:-' })
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReferralsArgs {
  @Field(() => ReferralStatus, { nullable: true, description: 'Only referrals in this status; every status when omitted.' })
  @IsOptional()
  status?: ReferralStatus;
}

@ArgsType()
export class ReferralDecisionArgs {
  @Field(() => ID, { description: 'The referral to decide on, sent to your structure.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; CONFLICT when the referral changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@ArgsType()
export class ReferralReasonArgs extends ReferralDecisionArgs {
  @Field(() => String, { description: 'Why the referral is declined, for the sender (at most 2000 characters).' })
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}
