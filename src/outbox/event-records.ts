import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../auth/role';
import type { OutboxEvent } from './outbox-event.entity';
import { OutboxEventType } from './outbox-event.entity';
import { recordAccessFor } from '../policy/record-access';
import {
  APPOINTMENT_RECORD,
  CASE_NOTE_RECORD,
  CONSENT_RECORD,
  FOLLOW_UP_RECORD,
  PLACEMENT_RECORD,
  REFERRAL_RECORD,
  RIGHT_STEP_RECORD,
  TIMELINE_ENTRY_RECORD,
  TRANSFER_RECORD,
} from '../policy/record-kinds';
import type { RecordDeclaration } from '../policy/records';

/** The record an event is about, and the key of its id in the event's payload; a registration is about the person. */
type EventRecord = { declaration: RecordDeclaration<never>; idKey: string } | 'PERSON';

const of = (declaration: RecordDeclaration<never>, idKey: string): EventRecord => ({ declaration, idKey });
const REFERRAL = of(REFERRAL_RECORD as RecordDeclaration<never>, 'referralId');
const FOLLOW_UP = of(FOLLOW_UP_RECORD as RecordDeclaration<never>, 'followUpId');
const APPOINTMENT = of(APPOINTMENT_RECORD as RecordDeclaration<never>, 'appointmentId');
const PLACEMENT = of(PLACEMENT_RECORD as RecordDeclaration<never>, 'placementId');
const CONSENT = of(CONSENT_RECORD as RecordDeclaration<never>, 'consentId');
const RIGHT_STEP = of(RIGHT_STEP_RECORD as RecordDeclaration<never>, 'rightStepId');
const TRANSFER = of(TRANSFER_RECORD as RecordDeclaration<never>, 'transferId');

/** Every event type, with the record whose visibility decides who is told. */
export const EVENT_RECORDS: Record<OutboxEventType, EventRecord> = {
  [OutboxEventType.PERSON_REGISTERED]: 'PERSON',
  [OutboxEventType.REFERRAL_CREATED]: REFERRAL,
  [OutboxEventType.REFERRAL_ACCEPTED]: REFERRAL,
  [OutboxEventType.REFERRAL_DECLINED]: REFERRAL,
  [OutboxEventType.REFERRAL_STARTED]: REFERRAL,
  [OutboxEventType.REFERRAL_COMPLETED]: REFERRAL,
  [OutboxEventType.REFERRAL_CANCELLED]: REFERRAL,
  [OutboxEventType.FOLLOW_UP_OPENED]: FOLLOW_UP,
  [OutboxEventType.FOLLOW_UP_CLOSED]: FOLLOW_UP,
  [OutboxEventType.RIGHT_STEP_CHANGED]: RIGHT_STEP,
  [OutboxEventType.RIGHT_OBTAINED]: RIGHT_STEP,
  [OutboxEventType.PLACEMENT_MADE]: PLACEMENT,
  [OutboxEventType.PLACEMENT_ENDED]: PLACEMENT,
  [OutboxEventType.APPOINTMENT_SCHEDULED]: APPOINTMENT,
  [OutboxEventType.APPOINTMENT_OUTCOME_RECORDED]: APPOINTMENT,
  [OutboxEventType.CASE_NOTE_WRITTEN]: of(CASE_NOTE_RECORD as RecordDeclaration<never>, 'caseNoteId'),
  [OutboxEventType.CONSENT_RECORDED]: CONSENT,
  [OutboxEventType.CONSENT_REVOKED]: CONSENT,
  [OutboxEventType.TRANSFER_REQUESTED]: TRANSFER,
  [OutboxEventType.TRANSFER_ACCEPTED]: TRANSFER,
  [OutboxEventType.TRANSFER_REFUSED]: TRANSFER,
  [OutboxEventType.FILE_CLOSED]: 'PERSON',
};

/**
 * Whether a structure, acting as `role`, may be told of the event now: it may see the event's
 * record (the policy engine's decision outside a request, recordAccessFor) and the event itself
 * as a timeline entry (the structure that caused it, the structures it involves, its domain:
 * TIMELINE_ENTRY, keyed by the event's id). An event about the person alone (a registration, a
 * file's closing) is decided as a timeline entry only. Anything unknown is refused.
 */
export async function mayBeTold(em: EntityManager, subscriber: { structureId: string; role: Role }, event: OutboxEvent): Promise<boolean> {
  const about = EVENT_RECORDS[event.type];
  if (!about) return false;
  if (!(await recordAccessFor(em, subscriber, TIMELINE_ENTRY_RECORD as RecordDeclaration<never>, event.id)).visible) return false;
  if (about === 'PERSON') return true;
  const recordId = event.payload[about.idKey];
  if (typeof recordId !== 'string') return false;
  return (await recordAccessFor(em, subscriber, about.declaration, recordId)).visible;
}

/**
 * What a delivery says of an event: its type and time, and in `data` ids, a status and the
 * domain only (access-policy.md, "Machine clients and events"): never person data, never the
 * structures involved (the receiver reads what it may with its own token).
 */
export function eventMessage(event: OutboxEvent): { type: string; timestamp: string; data: Record<string, unknown> } {
  const about = EVENT_RECORDS[event.type];
  const data: Record<string, unknown> = { eventId: event.id, personId: event.personId, domain: event.domain };
  if (about !== 'PERSON' && about) data[about.idKey] = event.payload[about.idKey];
  const status = event.payload.status ?? event.payload.toStatus;
  if (typeof status === 'string') data.status = status;
  return { type: event.type, timestamp: event.occurredAt.toISOString(), data };
}
