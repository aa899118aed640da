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
  @Field(() => ID)
  id!: string;

  personId!: string;
  fromSpipId!: string;
  toSpipId!: string;

  @Field(() => TransferStatus)
  status!: TransferStatus;

  @Field(() => String, { nullable: true, description: 'Why the file moves; shown to the two SPIPs only.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the receiving SPIP refused; shown to the two SPIPs only.' })
  refusalReason!: string | null;

  @Field(() => DateTimeScalar)
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Int)
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

  @Field(() => PersonFileStatus)
  status!: PersonFileStatus;

  @Field(() => DateTimeScalar, { nullable: true })
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
  @Field(() => DateTimeScalar)
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
});

@ObjectType('TimelineEntry', { description: 'One thing that happened to the record, as the viewer may see it.' })
export class TimelineEntryView {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => TimelineEntryKind)
  kind!: string;

  @Field(() => [DataDomain], { description: 'The domains of the record it is about.' })
  domains!: DataDomain[];

  @Field(() => String, { nullable: true, description: 'The status it moved to, when it is a change of status.' })
  status!: string | null;

  /** The structure that did it; null when the policy withholds it. */
  actorId!: string | null;
}

@ObjectType('TimelineEdge', { simpleResolvers: true })
export class TimelineEdgeView {
  @Field(() => String)
  cursor!: string;

  @Field(() => TimelineEntryView)
  node!: TimelineEntryView;
}

@ObjectType('TimelineConnection', { simpleResolvers: true })
export class TimelineConnectionView {
  @Field(() => [TimelineEdgeView])
  edges!: TimelineEdgeView[];

  @Field(() => PageInfoView)
  pageInfo!: PageInfoView;
}
