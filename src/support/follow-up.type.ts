import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import { DateScalar, DateTimeScalar } from '../shared/scalars';
import type { Appointment } from './appointment.entity';
import type { CaseNote } from './case-note.entity';
import { AppointmentKind, AppointmentStatus } from './follow-up.enums';
import type { FollowUp } from './follow-up.entity';

/** Case notes are editable by their author's structure within this delay, then append-only. */
export const CASE_NOTE_EDIT_WINDOW_MS = 24 * 3_600_000;

@ObjectType('FollowUp', { description: 'The support a structure gives a person, opened by an accepted referral.' })
export class FollowUpView {
  @Field(() => ID, { description: "The follow-up's id." })
  id!: string;

  personId!: string;
  structureId!: string;
  serviceId!: string | null;
  referralId!: string | null;
  workerId!: string | null;

  @Field(() => DateScalar, { description: 'When the support started.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the support ended; null while open.' })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the structure closed the follow-up; null while open.' })
  closingReason!: string | null;

  @Field(() => Boolean, { description: 'True while the support goes on (no end date).' })
  open!: boolean;

  @Field(() => Int, { description: "The follow-up's version; give it back as expectedVersion when closing." })
  version!: number;

  static from(followUp: FollowUp): FollowUpView {
    return Object.assign(new FollowUpView(), {
      id: followUp.id,
      personId: followUp.person.id,
      structureId: followUp.structure.id,
      serviceId: followUp.service?.id ?? null,
      referralId: followUp.referral?.id ?? null,
      workerId: followUp.worker?.id ?? null,
      startDate: followUp.startDate,
      endDate: followUp.endDate,
      closingReason: followUp.closingReason,
      open: followUp.endDate === null,
      version: followUp.version,
    });
  }
}

@ObjectType('Appointment', { description: 'An appointment with the person; read under the policy of its domain.' })
export class AppointmentView {
  @Field(() => ID, { description: "The appointment's id." })
  id!: string;

  personId!: string;
  structureId!: string;
  followUpId!: string | null;

  @Field(() => DataDomain, { description: 'The data domain of the appointment: who may see it, under the policy of that domain.' })
  domain!: DataDomain;

  @Field(() => AppointmentKind, { description: 'What kind of appointment it is.' })
  kind!: AppointmentKind;

  @Field(() => String, { nullable: true, description: 'Where it takes place; null when not given.' })
  place!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it is scheduled.' })
  scheduledAt!: Date;

  @Field(() => AppointmentStatus, { description: 'Scheduled, held, missed (no-show) or cancelled.' })
  status!: AppointmentStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was held; null unless held.' })
  heldAt!: Date | null;

  @Field(() => Int, { description: "The appointment's version; give it back as expectedVersion when recording its outcome." })
  version!: number;

  static from(appointment: Appointment): AppointmentView {
    return Object.assign(new AppointmentView(), {
      id: appointment.id,
      personId: appointment.person.id,
      structureId: appointment.structure.id,
      followUpId: appointment.followUp?.id ?? null,
      domain: appointment.domain,
      kind: appointment.kind,
      place: appointment.place,
      scheduledAt: appointment.scheduledAt,
      status: appointment.status,
      heldAt: appointment.heldAt,
      version: appointment.version,
    });
  }
}

type Ref = { id: string };

/** What a view of a note reads: the entity's values, its relations as references. */
type CaseNoteValues = Pick<CaseNote, 'id' | 'domain' | 'text' | 'createdAt' | 'updatedAt' | 'version'> & {
  person: Ref;
  authorStructure: Ref;
  authorAccount: Ref;
  followUp: Ref | null;
  corrects: Ref | null;
};

@ObjectType('CaseNote', { description: "A worker's note; read under the policy of its domain; corrected by a new note." })
export class CaseNoteView {
  @Field(() => ID, { description: "The note's id." })
  id!: string;

  personId!: string;
  authorStructureId!: string;
  authorAccountId!: string;
  followUpId!: string | null;
  correctsId!: string | null;

  @Field(() => DataDomain, { description: 'The data domain of the note: who may read it, under the policy of that domain.' })
  domain!: DataDomain;

  @Field(() => String, { description: 'The note, as its author wrote it.' })
  text!: string;

  @Field(() => DateTimeScalar, { description: 'When the note was written.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: "When the note was last edited (its author's structure may edit it within 24 hours)." })
  updatedAt!: Date;

  @Field(() => Boolean, { description: "True while the viewer's structure wrote it less than 24 hours ago." })
  editable!: boolean;

  @Field(() => Int, { description: "The note's version; give it back as expectedVersion when editing." })
  version!: number;

  /** From the entity, or from the values a write inserted (its relations known by their ids). */
  static from(note: CaseNoteValues, viewerStructureId: string, now = Date.now()): CaseNoteView {
    return Object.assign(new CaseNoteView(), {
      id: note.id,
      personId: note.person.id,
      authorStructureId: note.authorStructure.id,
      authorAccountId: note.authorAccount.id,
      followUpId: note.followUp?.id ?? null,
      correctsId: note.corrects?.id ?? null,
      domain: note.domain,
      text: note.text,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      editable: note.authorStructure.id === viewerStructureId && now - note.createdAt.getTime() < CASE_NOTE_EDIT_WINDOW_MS,
      version: note.version,
    });
  }
}
