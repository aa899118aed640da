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

registerEnumType(AppointmentOutcome, {
  name: 'AppointmentOutcome',
  description: 'What became of a scheduled appointment.',
  valuesConfig: {
    HELD: { description: 'The appointment took place.' },
    NO_SHOW: { description: 'The person did not come.' },
    CANCELLED: { description: 'The appointment was cancelled.' },
  },
});

@ArgsType()
export class CloseFollowUpArgs {
  @Field(() => ID, { description: 'The follow-up to close, held by your structure.' })
  id!: string;

  @Field(() => String, { description: 'Why the follow-up closes (at most 2000 characters).' })
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the follow-up you read; CONFLICT when it changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType('ScheduleAppointmentInput', { description: 'An appointment a structure with a full mandate schedules with the person.' })
export class ScheduleAppointmentInput {
  @Field(() => ID, { description: 'The person the appointment is with.' })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => AppointmentKind, { description: 'What kind of appointment it is.' })
  kind!: AppointmentKind;

  @Field(() => DataDomain, { description: 'SOCIAL, HOUSING, HEALTH or JUDICIAL: who may see the appointment.' })
  @IsIn(NOTE_DOMAINS, { message: `domain must be one of ${NOTE_DOMAINS.join(', ')}` })
  domain!: DataDomain;

  @Field(() => DateTimeScalar, { description: 'When it is to take place.' })
  scheduledAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where it takes place (at most 300 characters).' })
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
  @Field(() => ID, { description: 'The appointment, held by your structure.' })
  id!: string;

  @Field(() => AppointmentOutcome, { description: 'Held, missed (no-show) or cancelled.' })
  outcome!: AppointmentOutcome;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was held; defaults to the scheduled time.' })
  @IsOptional()
  heldAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'The version of the appointment you read; CONFLICT when it changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}

@InputType('WriteCaseNoteInput', { description: 'A case note a structure writes about a person, in a domain it may write.' })
export class WriteCaseNoteInput {
  @Field(() => ID, { description: 'The person the note is about.' })
  @IsUUID('all', { message: 'personId must be an ID returned by this API' })
  personId!: string;

  @Field(() => DataDomain, { description: 'SOCIAL, HOUSING, HEALTH or JUDICIAL: who may read the note.' })
  @IsIn(NOTE_DOMAINS, { message: `domain must be one of ${NOTE_DOMAINS.join(', ')}` })
  domain!: DataDomain;

  @Field(() => String, { description: 'The note: 1 to 20000 characters.' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(CASE_NOTE_MAX_LENGTH, { message: `text must be at most ${CASE_NOTE_MAX_LENGTH} characters` })
  text!: string;

  @Field(() => ID, { nullable: true, description: 'The follow-up of your structure the note belongs to, if any.' })
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
  @Field(() => ID, { description: 'The note to edit, written by your structure less than 24 hours ago.' })
  id!: string;

  @Field(() => String, { description: 'The new text: 1 to 20000 characters.' })
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(CASE_NOTE_MAX_LENGTH, { message: `text must be at most ${CASE_NOTE_MAX_LENGTH} characters` })
  text!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the note you read; CONFLICT when it changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}
