import { Need } from '../shared/need';
import { StructureKind } from '../shared/structure-kind';
import { DataDomain } from './data-domain';

/**
 * Records about a person and their actors (access-policy.md, "Records and their actors").
 *
 * Every kind of record about a person is declared here, once: its domain, its actor (the
 * structure that wrote, sent, changed, decided or recorded it), the structures it involves,
 * what makes it tell of care, and what a pending or ended mandate shows of it. One decision
 * (`decideRecord`) answers for (viewer, record); PersonAccess applies it to lookups, lists,
 * nested fields, mutation answers, messages and the access log, and `recordPredicateSql`
 * compiles the same rule into SQL for lists and counts.
 */
export enum RecordKind {
  REFERRAL = 'REFERRAL',
  FOLLOW_UP = 'FOLLOW_UP',
  APPOINTMENT = 'APPOINTMENT',
  CASE_NOTE = 'CASE_NOTE',
  PLACEMENT = 'PLACEMENT',
  CONSENT = 'CONSENT',
  RIGHT_STEP = 'RIGHT_STEP',
  RIGHT_STEP_CHANGE = 'RIGHT_STEP_CHANGE',
  PARTICIPATION = 'PARTICIPATION',
  ACCESS_LOG_ENTRY = 'ACCESS_LOG_ENTRY',
  TRANSFER = 'TRANSFER',
  TIMELINE_ENTRY = 'TIMELINE_ENTRY',
}

/** What a record that tells of care becomes for a structure it does not involve. */
export enum WhenItTellsOfCare {
  /** The whole record belongs to HEALTH_SUMMARY: hidden from whoever does not read it. */
  HEALTH_SUMMARY = 'HEALTH_SUMMARY',
  /** The record stays (its status is data of its own domain) but loses its actor and free text. */
  REMOVE_ACTOR = 'REMOVE_ACTOR',
}

/** Which records of a kind a mandate that is not full still shows to a structure it involves. */
export enum InvolvedUnder {
  /** Only records the structure wrote itself (its actor). */
  ACTOR = 'ACTOR',
  /** Records the structure is a party to (sender or receiver of a referral). */
  PARTY = 'PARTY',
  NOTHING = 'NOTHING',
}

/** The facts of one record that the decision needs; structures are named by id. */
export interface RecordFacts {
  personId: string;
  /** The record's own domain(s): a viewer that does not read every one of them does not see it. */
  domains: readonly DataDomain[];
  /** The structure that wrote, sent, changed, decided or recorded it. */
  actorId: string | null;
  /** The other structures it names: receiver, holder, recipient. */
  partyIds: readonly string[];
  /** The needs it carries (a referral). */
  needs?: readonly Need[];
  /** Domains it mentions without carrying their data (an access-log entry): they tell of care, they are not required. */
  mentions?: readonly DataDomain[];
  /** No longer in force (an expired or revoked consent): shown to its actor only. */
  lapsed?: boolean;
}

/** The declaration of one kind of record. */
export interface RecordDeclaration<R = unknown> {
  kind: RecordKind;
  description: string;
  whenItTellsOfCare: WhenItTellsOfCare;
  /** Under a pending mandate (the receiver deciding on a referral). */
  pending: InvolvedUnder;
  /** Under an ended mandate (read-only, for the retention period). */
  ended: InvolvedUnder;
  facts(record: R): RecordFacts;
  /** The same facts as SQL over one row of the record's table (alias `r`), for lists and counts. */
  sql: RecordSql;
}

/** SQL expressions over one row `r` of a record's table. */
export interface RecordSql {
  table: string;
  /** The order in which a person's records of this kind are listed. */
  orderBy: string;
  personId: string;
  /** A text[] expression of the record's domains. */
  domains: string;
  actorId: string;
  /** A uuid[] expression of its other structures. */
  partyIds: string;
  /** A text[] expression of its needs. */
  needs?: string;
  /** A text[] expression of the domains it mentions. */
  mentions?: string;
  lapsed?: string;
  /**
   * A uuid[] column that also holds the person's id, with an index of its own (GIN): a person's
   * records are filtered by it too, so that the index serves (the access log's audit_read rows).
   */
  personIds?: string;
}

/** The needs that tell a health problem. */
export const CARE_NEEDS: readonly Need[] = [Need.ADDICTION_CARE, Need.HEALTH];

/** The domains that tell of care by themselves. */
export const CARE_DOMAINS: readonly DataDomain[] = [DataDomain.HEALTH, DataDomain.HEALTH_SUMMARY];

/** What the viewer gets of one record. */
export interface RecordDecision {
  visible: boolean;
  /** Whether its actor (and the free text that could name it) may be shown. */
  actorShown: boolean;
}

export const HIDDEN: RecordDecision = { visible: false, actorShown: false };

/** What the decision needs to know about the viewer and the person, loaded by PersonAccess. */
export interface RecordViewer {
  structureId: string;
  mandate: 'FULL' | 'PENDING' | 'ENDED' | 'NONE';
  /** Whether the viewer reads a domain of this person now under its full mandate (policy and consent). */
  reads(domain: DataDomain): boolean;
  kindOf(structureId: string): StructureKind | undefined;
}

/** Whether a record tells of care: a CSAPA is involved, or it carries a health need or domain. */
export function tellsOfCare(facts: RecordFacts, kindOf: (id: string) => StructureKind | undefined): boolean {
  const structures = facts.actorId ? [facts.actorId, ...facts.partyIds] : facts.partyIds;
  return (
    structures.some((id) => kindOf(id) === StructureKind.CSAPA) ||
    (facts.needs ?? []).some((need) => CARE_NEEDS.includes(need)) ||
    [...facts.domains, ...(facts.mentions ?? [])].some((domain) => CARE_DOMAINS.includes(domain))
  );
}

function involvedAs(facts: RecordFacts, structureId: string, under: InvolvedUnder): boolean {
  switch (under) {
    case InvolvedUnder.ACTOR:
      return facts.actorId === structureId;
    case InvolvedUnder.PARTY:
      return facts.actorId === structureId || facts.partyIds.includes(structureId);
    case InvolvedUnder.NOTHING:
      return false;
  }
}

/**
 * The one decision for (viewer, record): access-policy.md, "Records and their actors".
 * - No mandate: nothing. A lapsed record: its actor only.
 * - Pending or ended mandate: what the declaration keeps for a structure it involves.
 * - Full mandate: a record the viewer is party to; another, when the viewer reads each of its
 *   domains and, if it tells of care, HEALTH_SUMMARY (or, for a record that must stay, the
 *   record without its actor).
 */
export function decideRecord(declaration: RecordDeclaration, facts: RecordFacts, viewer: RecordViewer): RecordDecision {
  const self = viewer.structureId;
  if (viewer.mandate === 'NONE') return HIDDEN;
  if (facts.lapsed) return facts.actorId === self ? { visible: true, actorShown: true } : HIDDEN;
  if (viewer.mandate === 'PENDING') return involvedAs(facts, self, declaration.pending) ? { visible: true, actorShown: true } : HIDDEN;
  if (viewer.mandate === 'ENDED') return involvedAs(facts, self, declaration.ended) ? { visible: true, actorShown: true } : HIDDEN;
  if (involvedAs(facts, self, InvolvedUnder.PARTY)) return { visible: true, actorShown: true };
  if (!facts.domains.every((domain) => viewer.reads(domain))) return HIDDEN;
  if (!tellsOfCare(facts, viewer.kindOf) || viewer.reads(DataDomain.HEALTH_SUMMARY)) return { visible: true, actorShown: true };
  return declaration.whenItTellsOfCare === WhenItTellsOfCare.REMOVE_ACTOR ? { visible: true, actorShown: false } : HIDDEN;
}

const declarations = new Map<RecordKind, RecordDeclaration<never>>();

/** Declares a kind of record; each kind once. */
export function declareRecord<R>(declaration: RecordDeclaration<R>): RecordDeclaration<R> {
  if (declarations.has(declaration.kind)) throw new Error(`Record kind ${declaration.kind} is declared twice`);
  declarations.set(declaration.kind, declaration as RecordDeclaration<never>);
  return declaration;
}

export function recordDeclarations(): RecordDeclaration<never>[] {
  return [...declarations.values()];
}

/**
 * Tables that hold a person's id but are not records of this list, each with the reason.
 * A test fails when a table with a person column is neither declared nor listed here.
 */
export const NOT_RECORDS: Readonly<Record<string, string>> = {
  person_identity: 'A domain row (IDENTITY): scoped field by field by the domain guard.',
  person_judicial: 'A domain row (JUDICIAL): scoped by the domain guard, narrowed to its core under a pending mandate.',
  person_judicial_detail: 'A domain row (JUDICIAL_DETAIL): scoped by the domain guard.',
  person_social: 'A domain row (SOCIAL): scoped by the domain guard.',
  person_housing: 'A domain row (HOUSING): scoped by the domain guard.',
  person_health_summary: 'A domain row (HEALTH_SUMMARY): scoped by the domain guard.',
  person_health_record: 'A domain row (HEALTH): scoped by the domain guard.',
  outcome_fact: 'Evaluation facts: never read per person, only as protected aggregates (outcomes).',
  outcome_fact_stale: 'A queue of persons whose evaluation facts must be recomputed: no person data, never served.',
  outbox_event: 'Events carry ids and statuses only; their delivery to partners (next issue) asks the record decision.',
  mandate: "The policy's own input: which structures hold a mandate on a person.",
  audit_entry: 'Audit rows: read through the view access_log_entry, declared as ACCESS_LOG_ENTRY.',
  audit_read: 'Audit rows (the reads of a request): read through the view access_log_entry, declared as ACCESS_LOG_ENTRY.',
};
