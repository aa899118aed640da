import { ArrayUnique, IsEmail, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidatorConstraint, Validate, type ValidatorConstraintInterface } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LOGIN_PATTERN } from '../accounts/account.entity';
import { Role } from '../auth/role';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { Need } from '../shared/need';
import { DateScalar } from '../shared/scalars';
import { isSiret } from '../shared/siret';
import { StructureKind } from '../shared/structure-kind';

@ValidatorConstraint({ name: 'siret' })
class SiretConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isSiret(value);
  }

  defaultMessage(): string {
    return 'siret must be a valid SIRET (14 digits, checksum)';
  }
}

const DEPARTEMENT = new RegExp(DEPARTEMENT_PATTERN);
const DEPARTEMENT_MESSAGE = 'departement must be an INSEE département code such as "38" or "2A"';

/** Where a structure is and its SIRET, as created or changed (null clears a field on update); fields inherited by both inputs. */
@InputType('StructureDetailsInput')
class StructureDetailsInput {
  @Field(() => String, { nullable: true, description: 'INSEE code of the département, e.g. "38" or "2A".' })
  @IsOptional()
  @Matches(DEPARTEMENT, { message: DEPARTEMENT_MESSAGE })
  departement?: string | null;

  @Field(() => String, { nullable: true, description: 'The city (1 to 100 characters).' })
  @IsOptional()
  @Length(1, 100)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'The region (1 to 100 characters).' })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'The SIRET number (14 digits, checksum verified), when the structure has one.' })
  @IsOptional()
  @Validate(SiretConstraint)
  siret?: string | null;
}

@InputType('CreateStructureInput', { description: 'A new structure of the directory.' })
export class CreateStructureInput extends StructureDetailsInput {
  @Field(() => String, { description: "The structure's name: 2 to 200 characters." })
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name!: string;

  @Field(() => StructureKind, { description: 'What kind of partner the structure is.' })
  kind!: StructureKind;
}

@InputType('UpdateStructureInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdateStructureInput extends StructureDetailsInput {
  @Field(() => String, { nullable: true, description: 'The new name: 2 to 200 characters.' })
  @ValidateIf((_input, value) => value !== undefined)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name?: string;
}

@InputType('CreateConventionInput', { description: 'A convention under which a structure receives referrals from a partner.' })
export class CreateConventionInput {
  @Field(() => ID, { description: 'The receiving structure.' })
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId!: string;

  @Field(() => ID, { description: 'The referring partner (a SPIP).' })
  @IsUUID('all', { message: 'partnerId must be an ID returned by this API' })
  partnerId!: string;

  @Field(() => ID, { nullable: true, description: 'The service of the receiving structure the convention is for, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceId must be an ID returned by this API' })
  serviceId?: string | null;

  @Field(() => Int, { description: 'Referrals a year the convention provides for.' })
  @IsInt()
  @Min(1, { message: 'yearlyQuota must be at least 1' })
  @Max(100000)
  yearlyQuota!: number;

  @Field(() => DateScalar, { description: 'The first day the convention applies.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the convention applies; none for open-ended.' })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: "The convention's title (1 to 200 characters)." })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;
}

@InputType('UpdateConventionInput', { description: 'Only the fields given change.' })
export class UpdateConventionInput {
  @Field(() => Int, { nullable: true, description: 'Referrals a year the convention provides for.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'yearlyQuota must be at least 1' })
  @Max(100000)
  yearlyQuota?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the convention applies.' })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: "The convention's title (1 to 200 characters)." })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;
}

@InputType('ServiceInput', { description: 'A service ("dispositif") of a structure, with its capacity.' })
export class ServiceInput {
  @Field(() => ID, { nullable: true, description: 'A platform admin names the structure; a structure admin works on its own.' })
  @IsOptional()
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId?: string | null;

  @Field(() => String, { description: "The service's name: 2 to 200 characters." })
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Housing places of the service; none when it houses nobody.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'housingPlaces must not be negative' })
  housingPlaces?: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons the service can follow at once; none when not capped.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'activeFileCapacity must not be negative' })
  activeFileCapacity?: number | null;

  @Field(() => [Need], { nullable: true, description: 'Needs a referral to this service may carry.' })
  @IsOptional()
  @ArrayUnique({ message: 'needs must not repeat a need' })
  needs?: Need[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether referrals may name this service.' })
  @IsOptional()
  receivesReferrals?: boolean | null;
}

@InputType('CreateAccountInput', { description: 'A new account (a login) of a structure.' })
export class CreateAccountInput {
  @Field(() => ID, { nullable: true, description: 'A platform admin names the structure; a structure admin works on its own.' })
  @IsOptional()
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId?: string | null;

  @Field(() => String, { description: 'Lower-case letters, digits, dot, dash, underscore (2 to 64).' })
  @Matches(new RegExp(LOGIN_PATTERN), { message: 'login must be 2 to 64 lower-case letters, digits, ".", "-" or "_"' })
  login!: string;

  @Field(() => String, { description: 'The name shown to partners, e.g. on case notes: 2 to 100 characters.' })
  @Length(2, 100, { message: 'displayName must be 2 to 100 characters' })
  displayName!: string;

  @Field(() => Role, { description: "A role that fits the structure's kind (e.g. PROBATION_OFFICER in a SPIP), or STRUCTURE_ADMIN." })
  role!: Role;

  @Field(() => String, { nullable: true, description: "The account's email address, if any." })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}
