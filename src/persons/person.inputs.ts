import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MandateState } from '../policy/access-policy';
import { DateScalar } from '../shared/scalars';
import { EmploymentStatus, HousingStatus, JudicialMeasure } from './person.enums';

const NAME = /^\S(.*\S)?$/;
const SEXES = ['F', 'M', 'X'];

@ArgsType()
export class PersonsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  after?: string;

  @Field(() => MandateState, { nullable: true, description: "Only persons under this mandate of the viewer's structure." })
  @IsOptional()
  mandate?: MandateState;

  @Field(() => String, {
    nullable: true,
    description:
      'Only persons whose first or last name starts with these letters (case-insensitive), among those whose identity you read. A restricted person is never found by name.',
  })
  @IsOptional()
  @MinLength(2, { message: 'search must be 2 to 100 characters' })
  @MaxLength(100, { message: 'search must be 2 to 100 characters' })
  search?: string;
}

/** Names, birth date and sex: given at registration, corrected later. */
@InputType()
abstract class PersonNamesInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'firstName must not start or end with spaces' })
  firstName!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'lastName must not start or end with spaces' })
  lastName!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'F, M or X.' })
  @IsOptional()
  @IsIn(SEXES, { message: 'sex must be F, M or X' })
  sex?: string | null;
}

@InputType('RegisterPersonInput')
export class RegisterPersonInput extends PersonNamesInput {
  @Field(() => ID, { nullable: true, description: 'The prison where the person is held.' })
  @IsOptional()
  @IsUUID('all', { message: 'establishmentId must be an ID returned by this API' })
  establishmentId?: string | null;

  @Field(() => DateScalar)
  expectedReleaseDate!: string;

  @Field(() => JudicialMeasure, { nullable: true })
  @IsOptional()
  measure?: JudicialMeasure | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  careObligation?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  offence?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  prisonNumber?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  sentenceEndDate?: string | null;
}

@InputType('UpdateIdentityInput')
export class UpdateIdentityInput extends PersonNamesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30)
  @Matches(/^[+0-9 ().-]{6,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;
}

@InputType('UpdateJudicialSituationInput')
export class UpdateJudicialSituationInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'establishmentId must be an ID returned by this API' })
  establishmentId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  expectedReleaseDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  releasedOn?: string | null;

  @Field(() => JudicialMeasure)
  measure!: JudicialMeasure;

  @Field(() => Boolean)
  @IsBoolean()
  careObligation!: boolean;
}

@InputType('UpdateJudicialDetailInput')
export class UpdateJudicialDetailInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  offence?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  sentenceEndDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  prisonNumber?: string | null;
}

@InputType('UpdateSocialSituationInput')
export class UpdateSocialSituationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  resources?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  employment?: string | null;

  @Field(() => EmploymentStatus, { nullable: true })
  @IsOptional()
  employmentStatus?: EmploymentStatus | null;
}

@InputType('UpdateHousingSituationInput')
export class UpdateHousingSituationInput {
  @Field(() => HousingStatus)
  status!: HousingStatus;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  shelterRequestedAt?: string | null;
}
