import type { Need } from '../shared/need';
import { DataDomain } from './data-domain';
import { InvolvedUnder, RecordKind, WhenItTellsOfCare, declareRecord } from './records';

/**
 * Every kind of record about a person, declared once (see records.ts). The shapes are
 * structural, so the policy does not depend on the modules that store the records.
 */
interface Ref {
  id: string;
}

const ARRAY = (...items: string[]) => `array[${items.join(', ')}]::uuid[]`;

export const REFERRAL_RECORD = declareRecord<{
  person: Ref;
  fromStructure: Ref;
  toStructure: Ref;
  needs: readonly Need[];
}>({
  kind: RecordKind.REFERRAL,
  description: 'A referral: its sender is the actor, its receiver a party. Social data, unless it tells of care.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.PARTY,
  ended: InvolvedUnder.PARTY,
  facts: (r) => ({
    personId: r.person.id,
    domains: [DataDomain.SOCIAL],
    actorId: r.fromStructure.id,
    partyIds: [r.toStructure.id],
    needs: r.needs,
  }),
  sql: {
    table: 'referral',
    orderBy: 'r.created_at desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['SOCIAL']`,
    actorId: 'r.from_structure_id',
    partyIds: ARRAY('r.to_structure_id'),
    needs: 'r.needs',
  },
});

export const FOLLOW_UP_RECORD = declareRecord<{ person: Ref; structure: Ref }>({
  kind: RecordKind.FOLLOW_UP,
  description: 'A follow-up held by a structure (its actor).',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (f) => ({
    personId: f.person.id,
    domains: [DataDomain.SOCIAL],
    actorId: f.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'follow_up',
    orderBy: 'r.start_date desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['SOCIAL']`,
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const APPOINTMENT_RECORD = declareRecord<{
  person: Ref;
  structure: Ref;
  domain: DataDomain;
}>({
  kind: RecordKind.APPOINTMENT,
  description: 'An appointment at a structure (its actor), under the domain it was given.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (a) => ({
    personId: a.person.id,
    domains: [a.domain],
    actorId: a.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'appointment',
    orderBy: 'r.scheduled_at desc, r.id desc',
    personId: 'r.person_id',
    domains: 'array[r.domain]',
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const CASE_NOTE_RECORD = declareRecord<{
  person: Ref;
  authorStructure: Ref;
  domain: DataDomain;
}>({
  kind: RecordKind.CASE_NOTE,
  description: "A case note: its author's structure is the actor; the note carries its domain.",
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (n) => ({
    personId: n.person.id,
    domains: [n.domain],
    actorId: n.authorStructure.id,
    partyIds: [],
  }),
  sql: {
    table: 'case_note',
    orderBy: 'r.created_at desc, r.id desc',
    personId: 'r.person_id',
    domains: 'array[r.domain]',
    actorId: 'r.author_structure_id',
    partyIds: ARRAY(),
  },
});

export const PLACEMENT_RECORD = declareRecord<{ person: Ref; structure: Ref }>({
  kind: RecordKind.PLACEMENT,
  description: 'A placement in a housing service, by the structure running it (its actor). Housing data.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (p) => ({
    personId: p.person.id,
    domains: [DataDomain.HOUSING],
    actorId: p.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'placement',
    orderBy: 'r.start_date desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['HOUSING']`,
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const CONSENT_RECORD = declareRecord<{
  person: Ref;
  recordedByStructure: Ref;
  recipient: Ref | null;
  domain: DataDomain;
  revokedAt: Date | null;
  expiresAt: Date | null;
}>({
  kind: RecordKind.CONSENT,
  description:
    'A consent is data of its domain: shown to the structure that recorded it (the actor), to its recipient and to a structure reading that domain; once expired or revoked, to its recorder only.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (c) => ({
    personId: c.person.id,
    domains: [c.domain],
    actorId: c.recordedByStructure.id,
    partyIds: c.recipient ? [c.recipient.id] : [],
    lapsed: c.revokedAt !== null || (c.expiresAt !== null && c.expiresAt <= new Date()),
  }),
  sql: {
    table: 'consent',
    orderBy: 'r.given_at desc, r.id desc',
    personId: 'r.person_id',
    domains: 'array[r.domain]',
    actorId: 'r.recorded_by_structure_id',
    partyIds: `array_remove(array[r.recipient_id], null)::uuid[]`,
    lapsed: '(r.revoked_at is not null or (r.expires_at is not null and r.expires_at <= now()))',
  },
});

export const RIGHT_STEP_RECORD = declareRecord<{
  person: Ref;
  updatedByStructure: Ref | null;
}>({
  kind: RecordKind.RIGHT_STEP,
  description: 'Where a right stands (social data); the structure that last changed it is its actor, removed when it tells of care.',
  whenItTellsOfCare: WhenItTellsOfCare.REMOVE_ACTOR,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (s) => ({
    personId: s.person.id,
    domains: [DataDomain.SOCIAL],
    actorId: s.updatedByStructure?.id ?? null,
    partyIds: [],
  }),
  sql: {
    table: 'right_step',
    orderBy: 'r.kind asc',
    personId: 'r.person_id',
    domains: `array['SOCIAL']`,
    actorId: 'r.updated_by_structure_id',
    partyIds: ARRAY(),
  },
});

export const RIGHT_STEP_CHANGE_RECORD = declareRecord<{
  person: Ref;
  structure: Ref;
}>({
  kind: RecordKind.RIGHT_STEP_CHANGE,
  description: 'One change of a right step: the structure that made it is its actor, removed (with the note) when it tells of care.',
  whenItTellsOfCare: WhenItTellsOfCare.REMOVE_ACTOR,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (c) => ({
    personId: c.person.id,
    domains: [DataDomain.SOCIAL],
    actorId: c.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'right_step_change',
    orderBy: 'r.created_at desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['SOCIAL']`,
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const PARTICIPATION_RECORD = declareRecord<{
  person: Ref;
  structure: Ref;
}>({
  kind: RecordKind.PARTICIPATION,
  description: "A person's participation in a program of the structure that enrolled them (its actor).",
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (p) => ({
    personId: p.person.id,
    domains: [DataDomain.SOCIAL],
    actorId: p.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'action_participation',
    orderBy: 'r.enrolled_on desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['SOCIAL']`,
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const ACCESS_LOG_RECORD = declareRecord<{
  personId: string | null;
  structure: Ref;
  domains: readonly DataDomain[];
}>({
  kind: RecordKind.ACCESS_LOG_ENTRY,
  description:
    'An audited access: the structure that read or wrote is its actor; the domains it names tell of care when they are health domains.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.NOTHING,
  ended: InvolvedUnder.ACTOR,
  facts: (e) => ({
    personId: e.personId ?? '',
    domains: [],
    mentions: e.domains,
    actorId: e.structure.id,
    partyIds: [],
  }),
  sql: {
    table: 'access_log_entry',
    orderBy: 'r.at desc, r.id desc',
    personId: 'r.person_id',
    personIds: 'r.person_ids',
    domains: 'array[]::text[]',
    mentions: 'r.domains::text[]',
    actorId: 'r.structure_id',
    partyIds: ARRAY(),
  },
});

export const TRANSFER_RECORD = declareRecord<{
  person: Ref;
  fromSpip: Ref;
  toSpip: Ref;
}>({
  kind: RecordKind.TRANSFER,
  description:
    'The transfer of a file between SPIPs: the SPIP holding the file asks (the actor), the receiving SPIP decides (a party). Judicial data.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.PARTY,
  ended: InvolvedUnder.PARTY,
  facts: (t) => ({
    personId: t.person.id,
    domains: [DataDomain.JUDICIAL],
    actorId: t.fromSpip.id,
    partyIds: [t.toSpip.id],
  }),
  sql: {
    table: 'person_transfer',
    orderBy: 'r.created_at desc, r.id desc',
    personId: 'r.person_id',
    domains: `array['JUDICIAL']`,
    actorId: 'r.from_spip_id',
    partyIds: ARRAY('r.to_spip_id'),
  },
});

export const TIMELINE_ENTRY_RECORD = declareRecord<{
  personId: string;
  actorId: string;
  partyIds: readonly string[];
  needs: readonly Need[];
  domains: readonly DataDomain[];
  lapsed: boolean;
}>({
  kind: RecordKind.TIMELINE_ENTRY,
  description:
    'What happened to the record (an event of the outbox, or a write of the audit log that leaves no event): the structure that did it is its actor, the structures the event involves are parties; it carries the domain of its record and, for a referral, its needs; the events of a consent lapse with it.',
  whenItTellsOfCare: WhenItTellsOfCare.HEALTH_SUMMARY,
  pending: InvolvedUnder.PARTY,
  ended: InvolvedUnder.PARTY,
  facts: (e) => ({
    personId: e.personId,
    domains: e.domains,
    actorId: e.actorId,
    partyIds: e.partyIds,
    needs: e.needs,
    lapsed: e.lapsed,
  }),
  sql: {
    table: 'timeline_entry',
    orderBy: 'r.at desc, r.id desc',
    personId: 'r.person_id',
    domains: 'r.domains',
    actorId: 'r.actor_id',
    partyIds: 'r.party_ids',
    needs: 'r.needs',
    lapsed: 'r.lapsed',
  },
});
