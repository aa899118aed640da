import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { HousingStatus } from '../persons/person.enums';
import { DateScalar } from '../shared/scalars';

@InputType('RequestShelterInput', { description: 'A request for shelter sent to the SIAO, for a person your structure follows.' })
export class RequestShelterInput {
  @Field(() => ID, { description: 'The person who needs shelter.' })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => ID, { nullable: true, description: "The SIAO to ask; defaults to the SIAO of your structure's département." })
  @IsOptional()
  @IsUUID('all', { message: 'siaoId must be an ID returned by this API' })
  siaoId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, for the SIAO (at most 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  motive?: string | null;

  @Field(() => String, { nullable: true, description: 'Same key twice from your structure returns the first request.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'idempotencyKey must be 1 to 100 letters, digits or ._:-' })
  idempotencyKey?: string | null;
}

@ArgsType()
export class PlacePersonArgs {
  @Field(() => ID, { description: 'The person to house.' })
  personId!: string;

  @Field(() => ID, { description: 'A service of your structure with housing places.' })
  serviceId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => HousingStatus, { nullable: true, description: "The person's housing status while placed; defaults to CHRS." })
  @IsOptional()
  housingStatus?: HousingStatus | null;
}

@ArgsType()
export class EndPlacementArgs {
  @Field(() => ID, { description: 'The placement to end, made by your structure.' })
  id!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the placement ends (at most 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => HousingStatus, { nullable: true, description: "The person's housing status afterwards; defaults to UNKNOWN." })
  @IsOptional()
  nextHousingStatus?: HousingStatus | null;

  @Field(() => Int, { nullable: true, description: 'The version of the placement you read; CONFLICT when it changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType('UpdateHousingSituationInput', {
  description: 'The housing situation as it is to be; placements change through placePerson and endPlacement.',
})
export class UpdateHousingSituationInput {
  @Field(() => HousingStatus, { description: 'The kind of housing the person has now.' })
  status!: HousingStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When a shelter request was filed with the SIAO; null for none.' })
  @IsOptional()
  shelterRequestedAt?: string | null;
}
