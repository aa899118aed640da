import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DataDomain } from '../policy/data-domain';
import type { GuardedView } from '../policy/domain-guard';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { PageInfoView } from '../shared/pagination';
import { DateTimeScalar } from '../shared/scalars';
import { PersonFileStatus } from './person.enums';
import { TransferStatus } from './person-transfer.entity';

/** A transfer as the policy shows it; the reasons only to the two SPIPs. */
@ObjectType('Transfer', { description: 'The move of a file from the SPIP holding it to another SPIP ("dessaisissement").' })
export class TransferView {
  @Field(() => ID, { description: "The transfer's id." })
  id!: string;

  personId!: string;
  fromSpipId!: string;
  toSpipId!: string;

  @Field(() => TransferStatus, { description: 'Where the transfer stands: pending, accepted or refused.' })
  status!: TransferStatus;

  @Field(() => String, { nullable: true, description: 'Why the file moves; shown to the two SPIPs only.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the receiving SPIP refused; shown to the two SPIPs only.' })
  refusalReason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the holding SPIP asked for the transfer.' })
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the receiving SPIP accepted or refused; null while pending.' })
  decidedAt!: Date | null;

  @Field(() => Int, { description: "The transfer's version; give it back as expectedVersion when deciding." })
  version!: number;

  /** From a person_transfer row (an entity or a raw row read with its SQL column names). */
  static from(
    row: {
      id: string;
      personId: string;
      fromSpipId: string;
      toSpipId: string;
      status: TransferStatus;
      reason: string;
      refusalReason: string | null;
      createdAt: Date;
      decidedAt: Date | null;
      version: number;
    },
    viewerStructureId: string,
  ): TransferView {
    const party = viewerStructureId === row.fromSpipId || viewerStructureId === row.toSpipId;
    return Object.assign(new TransferView(), {
      id: row.id,
      personId: row.personId,
      fromSpipId: row.fromSpipId,
      toSpipId: row.toSpipId,
      status: row.status,
      reason: party ? row.reason : null,
      refusalReason: party ? row.refusalReason : null,
      requestedAt: row.createdAt,
      decidedAt: row.decidedAt,
      version: row.version,
    });
  }
}

/** The person's file at the SPIP: judicial data, narrowed to status and holder under a pending mandate. */
@ObjectType('PersonFile', { description: 'The file a SPIP holds on the person: open until the end of the measure.' })
export class PersonFileView implements GuardedView {
  personId!: string;
  /** The holding SPIP wrote the file (OWN under an ended mandate: what the structure wrote). */
  writtenById!: string | null;
  holderId!: string;

  @Field(() => PersonFileStatus, { description: 'Whether the file is open or closed.' })
  status!: PersonFileStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the holding SPIP closed the file; null while it is open.' })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the file was closed; null under a pending mandate.' })
  closedReason!: string | null;

  coreOnly(): PersonFileView {
    return Object.assign(new PersonFileView(), this, { closedReason: null });
  }
}

/** A restriction, shown to the holding SPIP only. */
@ObjectType('PersonRestriction', {
  description: 'The person is restricted: identity shown only to the holding SPIP and to the structures it named.',
})
export class PersonRestrictionView {
  @Field(() => DateTimeScalar, { description: 'When the holding SPIP restricted the person.' })
  since!: Date;

  visibleToIds!: string[];
}

/** Writes of the audit log that the timeline shows (those that leave no event), by action. */
export const TIMELINE_AUDIT_KINDS = {
  updateIdentity: 'IDENTITY_UPDATED',
  updateJudicialSituation: 'JUDICIAL_SITUATION_UPDATED',
  updateJudicialDetail: 'JUDICIAL_DETAIL_UPDATED',
  updateSocialSituation: 'SOCIAL_SITUATION_UPDATED',
  updateHousingSituation: 'HOUSING_SITUATION_UPDATED',
  recordHealth: 'HEALTH_RECORDED',
  editCaseNote: 'CASE_NOTE_EDITED',
  enrolInAction: 'ENROLLED_IN_ACTION',
  recordParticipation: 'PARTICIPATION_RECORDED',
  importPersons: 'IMPORTED_FROM_CASE_SOFTWARE',
} as const;

/** What a timeline entry tells happened: an event type of the outbox, or a write of the audit log. */
export const TimelineEntryKind = {
  ...Object.fromEntries(Object.values(OutboxEventType).map((type) => [type, type])),
  ...Object.fromEntries(Object.values(TIMELINE_AUDIT_KINDS).map((kind) => [kind, kind])),
} as Record<string, string>;

registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  description: 'What happened: a state change (the event types webhooks deliver) or a write of a domain that leaves no event.',
  valuesConfig: {
    PERSON_REGISTERED: { description: 'A SPIP registered the person.' },
    REFERRAL_CREATED: { description: 'A referral (or a shelter request) of the person was sent.' },
    REFERRAL_ACCEPTED: { description: 'The receiving structure accepted a referral.' },
    REFERRAL_DECLINED: { description: 'The receiving structure declined a referral.' },
    REFERRAL_STARTED: { description: 'The receiving structure started the support of a referral.' },
    REFERRAL_COMPLETED: { description: 'The receiving structure completed the support of a referral.' },
    REFERRAL_CANCELLED: { description: 'The sender cancelled a referral.' },
    FOLLOW_UP_OPENED: { description: 'A structure opened a follow-up of the person.' },
    FOLLOW_UP_CLOSED: { description: 'A structure closed its follow-up of the person.' },
    RIGHT_STEP_CHANGED: { description: 'The status of a right step changed.' },
    RIGHT_OBTAINED: { description: 'A right was obtained.' },
    PLACEMENT_MADE: { description: 'The person was placed in a housing place.' },
    PLACEMENT_ENDED: { description: 'A placement ended.' },
    APPOINTMENT_SCHEDULED: { description: 'An appointment was scheduled.' },
    APPOINTMENT_OUTCOME_RECORDED: { description: 'An appointment was recorded as held, missed or cancelled.' },
    CASE_NOTE_WRITTEN: { description: 'A case note was written.' },
    CONSENT_RECORDED: { description: 'A consent of the person was recorded.' },
    CONSENT_REVOKED: { description: 'A consent of the person was revoked.' },
    TRANSFER_REQUESTED: { description: 'The holding SPIP asked another SPIP to take the file over.' },
    TRANSFER_ACCEPTED: { description: 'The receiving SPIP accepted the transfer of the file.' },
    TRANSFER_REFUSED: { description: 'The receiving SPIP refused the transfer of the file.' },
    FILE_CLOSED: { description: 'The holding SPIP closed the file.' },
    IDENTITY_UPDATED: { description: 'The identity was updated.' },
    JUDICIAL_SITUATION_UPDATED: { description: 'The judicial situation was updated.' },
    JUDICIAL_DETAIL_UPDATED: { description: 'The judicial detail was updated.' },
    SOCIAL_SITUATION_UPDATED: { description: 'The social situation (resources, employment) was updated.' },
    HOUSING_SITUATION_UPDATED: { description: 'The housing situation was updated.' },
    HEALTH_RECORDED: { description: 'The CSAPA recorded health data.' },
    CASE_NOTE_EDITED: { description: "Its author's structure edited a case note." },
    ENROLLED_IN_ACTION: { description: 'The person was enrolled in an action.' },
    PARTICIPATION_RECORDED: { description: 'Attendance at an action was recorded.' },
    IMPORTED_FROM_CASE_SOFTWARE: { description: "The SPIP imported the person from its case software's export." },
  },
});

@ObjectType('TimelineEntry', { description: 'One thing that happened to the record, as the viewer may see it.' })
export class TimelineEntryView {
  @Field(() => ID, { description: "The entry's id (the event or audit entry it comes from)." })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: Date;

  @Field(() => TimelineEntryKind, { description: 'What happened to the record.' })
  kind!: string;

  @Field(() => [DataDomain], { description: 'The domains of the record it is about.' })
  domains!: DataDomain[];

  @Field(() => String, { nullable: true, description: 'The status it moved to, when it is a change of status.' })
  status!: string | null;

  /** The structure that did it; null when the policy withholds it. */
  actorId!: string | null;
}

@ObjectType('TimelineEdge', { simpleResolvers: true, description: 'One entry of a timeline page, with its position.' })
export class TimelineEdgeView {
  @Field(() => String, { description: "The entry's position in the timeline: give it as after to continue from there." })
  cursor!: string;

  @Field(() => TimelineEntryView, { description: 'The timeline entry.' })
  node!: TimelineEntryView;
}

@ObjectType('TimelineConnection', { simpleResolvers: true, description: "A page of the person's timeline, newest first." })
export class TimelineConnectionView {
  @Field(() => [TimelineEdgeView], { description: 'The timeline entries of this page, each with its cursor.' })
  edges!: TimelineEdgeView[];

  @Field(() => PageInfoView, { description: 'Where the page stands in the timeline, and how to ask for the next one.' })
  pageInfo!: PageInfoView;
}
