import { IsIn, IsOptional, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import { DateScalar, DateTimeScalar } from '../shared/scalars';
import { CASE_NOTE_MAX_LENGTH } from './case-note.entity';
import { AppointmentKind } from './follow-up.enums';

/** The domains a case note or an appointment may belong to. */
export const NOTE_DOMAINS = [DataDomain.SOCIAL, DataDomain.HOUSING, DataDomain.HEALTH, DataDomain.JUDICIAL, DataDomain.JUDICIAL_DETAIL];

export enum AppointmentOutcome {
  HELD = 'HELD',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}

registerEnumType(AppointmentOutcome, { name: 'AppointmentOutcome' });

@ArgsType()
export class CloseFollowUpArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType('ScheduleAppointmentInput')
export class ScheduleAppointmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => AppointmentKind)
  kind!: AppointmentKind;

  @Field(() => DataDomain, { description: 'SOCIAL, HOUSING, HEALTH or JUDICIAL: who may see the appointment.' })
  @IsIn(NOTE_DOMAINS, { message: `domain must be one of ${NOTE_DOMAINS.join(', ')}` })
  domain!: DataDomain;

  @Field(() => DateTimeScalar)
  scheduledAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  place?: string | null;

  @Field(() => ID, { nullable: true, description: "One of your structure's follow-ups of the person." })
  @IsOptional()
  @IsUUID('all', { message: 'followUpId must be an ID returned by this API' })
  followUpId?: string | null;
}

@ArgsType()
export class AppointmentOutcomeArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => AppointmentOutcome)
  outcome!: AppointmentOutcome;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was held; defaults to the scheduled time.' })
  @IsOptional()
  heldAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType('WriteCaseNoteInput')
export class WriteCaseNoteInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DataDomain, { description: 'SOCIAL, HOUSING, HEALTH or JUDICIAL: who may read the note.' })
  @IsIn(NOTE_DOMAINS, { message: `domain must be one of ${NOTE_DOMAINS.join(', ')}` })
  domain!: DataDomain;

  @Field(() => String)
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(CASE_NOTE_MAX_LENGTH, { message: `text must be at most ${CASE_NOTE_MAX_LENGTH} characters` })
  text!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'followUpId must be an ID returned by this API' })
  followUpId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The note this one corrects (notes are append-only after 24 hours).' })
  @IsOptional()
  @IsUUID('all', { message: 'correctsId must be an ID returned by this API' })
  correctsId?: string | null;
}

@ArgsType()
export class EditCaseNoteArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(CASE_NOTE_MAX_LENGTH, { message: `text must be at most ${CASE_NOTE_MAX_LENGTH} characters` })
  text!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  expectedVersion?: number | null;
}
