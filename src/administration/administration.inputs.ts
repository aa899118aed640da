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
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DEPARTEMENT, { message: DEPARTEMENT_MESSAGE })
  departement?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Validate(SiretConstraint)
  siret?: string | null;
}

@InputType('CreateStructureInput')
export class CreateStructureInput extends StructureDetailsInput {
  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name!: string;

  @Field(() => StructureKind)
  kind!: StructureKind;
}

@InputType('UpdateStructureInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdateStructureInput extends StructureDetailsInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((_input, value) => value !== undefined)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name?: string;
}

@InputType('CreateConventionInput')
export class CreateConventionInput {
  @Field(() => ID, { description: 'The receiving structure.' })
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId!: string;

  @Field(() => ID, { description: 'The referring partner (a SPIP).' })
  @IsUUID('all', { message: 'partnerId must be an ID returned by this API' })
  partnerId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'serviceId must be an ID returned by this API' })
  serviceId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'yearlyQuota must be at least 1' })
  @Max(100000)
  yearlyQuota!: number;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;
}

@InputType('UpdateConventionInput', { description: 'Only the fields given change.' })
export class UpdateConventionInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'yearlyQuota must be at least 1' })
  @Max(100000)
  yearlyQuota?: number | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;
}

@InputType('ServiceInput')
export class ServiceInput {
  @Field(() => ID, { nullable: true, description: 'A platform admin names the structure; a structure admin works on its own.' })
  @IsOptional()
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId?: string | null;

  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  name!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'housingPlaces must not be negative' })
  housingPlaces?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'activeFileCapacity must not be negative' })
  activeFileCapacity?: number | null;

  @Field(() => [Need], { nullable: true })
  @IsOptional()
  @ArrayUnique({ message: 'needs must not repeat a need' })
  needs?: Need[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  receivesReferrals?: boolean | null;
}

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field(() => ID, { nullable: true, description: 'A platform admin names the structure; a structure admin works on its own.' })
  @IsOptional()
  @IsUUID('all', { message: 'structureId must be an ID returned by this API' })
  structureId?: string | null;

  @Field(() => String, { description: 'Lower-case letters, digits, dot, dash, underscore (2 to 64).' })
  @Matches(new RegExp(LOGIN_PATTERN), { message: 'login must be 2 to 64 lower-case letters, digits, ".", "-" or "_"' })
  login!: string;

  @Field(() => String)
  @Length(2, 100, { message: 'displayName must be 2 to 100 characters' })
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}
