import { IsBoolean, IsEmail, IsIn, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MandateState } from '../policy/access-policy';
import { DateScalar } from '../shared/scalars';
import { EmploymentStatus, JudicialMeasure } from './person.enums';
import { PageArgs } from '../shared/connection';

const NAME = /^\S(.*\S)?$/;
const SEXES = ['F', 'M', 'X'];

@ArgsType()
export class PersonsArgs extends PageArgs {

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
  @Field(() => String, { description: 'First name, as written on identity papers; no leading or trailing spaces.' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'firstName must not start or end with spaces' })
  firstName!: string;

  @Field(() => String, { description: 'Last name, as written on identity papers; no leading or trailing spaces.' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'lastName must not start or end with spaces' })
  lastName!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth (the person is at least 13); null when unknown.' })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'F, M or X.' })
  @IsOptional()
  @IsIn(SEXES, { message: 'sex must be F, M or X' })
  sex?: string | null;
}

@InputType('RegisterPersonInput', { description: 'A detainee as the SPIP registers them: identity, judicial situation and judicial detail.' })
export class RegisterPersonInput extends PersonNamesInput {
  @Field(() => ID, { nullable: true, description: 'The prison where the person is held.' })
  @IsOptional()
  @IsUUID('all', { message: 'establishmentId must be an ID returned by this API' })
  establishmentId?: string | null;

  @Field(() => DateScalar, { description: 'The release date the SPIP expects.' })
  expectedReleaseDate!: string;

  @Field(() => JudicialMeasure, {
    nullable: true,
    description: 'The judicial measure the person is to be released under, when known; NONE for none.',
  })
  @IsOptional()
  measure?: JudicialMeasure | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the court ordered care ("obligation de soins").' })
  @IsOptional()
  @IsBoolean()
  careObligation?: boolean | null;

  @Field(() => String, { nullable: true, description: "The offence, in the SPIP's words (JUDICIAL_DETAIL: the SPIP alone reads it)." })
  @IsOptional()
  @MaxLength(500)
  offence?: string | null;

  @Field(() => String, { nullable: true, description: 'The prison registration number ("numéro d\'écrou"; JUDICIAL_DETAIL).' })
  @IsOptional()
  @MaxLength(50)
  prisonNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the sentence ends (JUDICIAL_DETAIL).' })
  @IsOptional()
  sentenceEndDate?: string | null;
}

@InputType('UpdateIdentityInput', { description: "The person's identity as it is to be; an optional field left out is cleared." })
export class UpdateIdentityInput extends PersonNamesInput {
  @Field(() => String, { nullable: true, description: 'A phone number to reach the person (digits, spaces, + ( ) . -); null for none.' })
  @IsOptional()
  @MaxLength(30)
  @Matches(/^[+0-9 ().-]{6,30}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'An email address to reach the person; null for none.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;
}

@InputType('UpdateJudicialSituationInput', { description: 'The judicial situation as it is to be; an optional field left out is cleared.' })
export class UpdateJudicialSituationInput {
  @Field(() => ID, { nullable: true, description: 'The prison where the person is held; null once released or when unknown.' })
  @IsOptional()
  @IsUUID('all', { message: 'establishmentId must be an ID returned by this API' })
  establishmentId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The release date the SPIP expects; null when unknown.' })
  @IsOptional()
  expectedReleaseDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The actual release date, once released.' })
  @IsOptional()
  releasedOn?: string | null;

  @Field(() => JudicialMeasure, { description: 'The judicial measure; NONE for a release at the end of the sentence.' })
  measure!: JudicialMeasure;

  @Field(() => Boolean, { description: 'Whether the court ordered care ("obligation de soins").' })
  @IsBoolean()
  careObligation!: boolean;
}

@InputType('UpdateJudicialDetailInput', {
  description: "The judicial detail as it is to be (JUDICIAL_DETAIL, the SPIP's alone); a field left out is cleared.",
})
export class UpdateJudicialDetailInput {
  @Field(() => String, { nullable: true, description: "The offence, in the SPIP's words." })
  @IsOptional()
  @MaxLength(500)
  offence?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date the sentence ends.' })
  @IsOptional()
  sentenceEndDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The prison registration number ("numéro d\'écrou").' })
  @IsOptional()
  @MaxLength(50)
  prisonNumber?: string | null;
}

@InputType('UpdateSocialSituationInput', {
  description: 'Resources and employment as they are to be; a field left out is cleared. Right steps change through updateRightStep.',
})
export class UpdateSocialSituationInput {
  @Field(() => String, { nullable: true, description: "The person's resources (income, benefits), as free text." })
  @IsOptional()
  @MaxLength(2000)
  resources?: string | null;

  @Field(() => String, { nullable: true, description: 'The employment situation, as free text.' })
  @IsOptional()
  @MaxLength(2000)
  employment?: string | null;

  @Field(() => EmploymentStatus, { nullable: true, description: 'The employment situation as a category; UNKNOWN when left out.' })
  @IsOptional()
  employmentStatus?: EmploymentStatus | null;
}

