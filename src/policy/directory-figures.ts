import { registerEnumType } from 'type-graphql';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { StructureKind } from '../shared/structure-kind';

/**
 * Directory figures about persons (active files, occupancy, referrals this year), as
 * access-policy.md ("Records and their actors", last rule) declares them. Every service
 * that shows such a figure asks discloseFigure; docs/access-matrix.md and the unit test
 * read the same tables.
 */

/** What a viewer learns of a count of persons in the directory. */
export enum FigureDisclosure {
  EXACT = 'EXACT',
  /** Only whether a place is free (`Service.hasFreePlaces`), never the count. */
  AVAILABILITY = 'AVAILABILITY',
  HIDDEN = 'HIDDEN',
}

/** Why a figure is not shown: said to the client, so that null does not read as "none". */
export enum FigureWithheldReason {
  /** The figure is about a CSAPA: health data, shown to that CSAPA only. */
  HEALTH_DATA = 'HEALTH_DATA',
  /** The figure counts 1 to 10 persons: partners learn at most whether a place is free, evaluators nothing. */
  SMALL_COUNT = 'SMALL_COUNT',
}

registerEnumType(FigureWithheldReason, {
  name: 'FigureWithheldReason',
  description: 'Why a directory figure about persons is null for the viewer.',
  valuesConfig: {
    HEALTH_DATA: { description: "The figure is about a CSAPA: health data, shown only to that CSAPA." },
    SMALL_COUNT: { description: 'The figure counts 1 to 10 persons: partners learn only whether a place is free, evaluators nothing.' },
  },
});

/** Counts of persons that another structure never reads as such. */
export const SMALL_COUNT = { min: 1, max: 10 } as const;

/** Structure kinds whose figures are health data: shown to the structure itself only. */
export const HEALTH_FIGURE_KINDS: readonly StructureKind[] = [StructureKind.CSAPA];

/**
 * What another structure's small count (1 to 10 persons) shows to each role: availability to
 * the partners who orient persons, nothing to evaluators; administrators orient nobody.
 */
export const SMALL_COUNT_DISCLOSURE: Record<Role, FigureDisclosure.AVAILABILITY | FigureDisclosure.HIDDEN> = {
  [Role.PROBATION_OFFICER]: FigureDisclosure.AVAILABILITY,
  [Role.CARE_WORKER]: FigureDisclosure.AVAILABILITY,
  [Role.HOUSING_COORDINATOR]: FigureDisclosure.AVAILABILITY,
  [Role.SOCIAL_WORKER]: FigureDisclosure.AVAILABILITY,
  [Role.EVALUATOR]: FigureDisclosure.HIDDEN,
  [Role.STRUCTURE_ADMIN]: FigureDisclosure.HIDDEN,
  [Role.PLATFORM_ADMIN]: FigureDisclosure.HIDDEN,
};

export type FigureViewer = Pick<Viewer, 'structureId' | 'role'>;

export interface FigureParty {
  structureId: string;
  kind: StructureKind;
}

/** Whom a figure is about: the structure it counts for, and any other party (a convention's partner). */
export interface FigureSubject {
  owner: FigureParty;
  others?: readonly FigureParty[];
}

export interface FigureDecision {
  disclosure: FigureDisclosure;
  /** Null when the figure is exact. */
  reason: FigureWithheldReason | null;
}

const EXACT: FigureDecision = { disclosure: FigureDisclosure.EXACT, reason: null };

export function isSmallCount(count: number): boolean {
  return count >= SMALL_COUNT.min && count <= SMALL_COUNT.max;
}

/**
 * The one rule for directory figures: exact for the structure itself; hidden from anyone else
 * when a party is a CSAPA (whatever the value, so that the refusal says nothing of it); a
 * count of 1 to 10 shown to others only as the role's SMALL_COUNT_DISCLOSURE; otherwise exact.
 */
export function discloseFigure(viewer: FigureViewer, subject: FigureSubject, count: number): FigureDecision {
  if (subject.owner.structureId === viewer.structureId) return EXACT;
  const parties = [subject.owner, ...(subject.others ?? [])];
  if (parties.some((party) => HEALTH_FIGURE_KINDS.includes(party.kind) && party.structureId !== viewer.structureId)) {
    return { disclosure: FigureDisclosure.HIDDEN, reason: FigureWithheldReason.HEALTH_DATA };
  }
  if (isSmallCount(count)) return { disclosure: SMALL_COUNT_DISCLOSURE[viewer.role], reason: FigureWithheldReason.SMALL_COUNT };
  return EXACT;
}

/** A count of persons with what the viewer may learn of it. */
export interface Figure {
  count: number;
  decision: FigureDecision;
}

/** The count when the decision shows it, else null. */
export function shownCount(figure: Figure): number | null {
  return figure.decision.disclosure === FigureDisclosure.EXACT ? figure.count : null;
}

/** A count and its decision, for services that show it and say why they do not. */
export function figureFor(viewer: FigureViewer, subject: FigureSubject, count: number): Figure {
  return { count, decision: discloseFigure(viewer, subject, count) };
}

const STRICTNESS: Record<FigureDisclosure, number> = {
  [FigureDisclosure.EXACT]: 0,
  [FigureDisclosure.AVAILABILITY]: 1,
  [FigureDisclosure.HIDDEN]: 2,
};

/** A value computed from several figures (free places from occupancy and active file) shows no more than the least shown of them. */
export function leastDisclosed(decisions: readonly FigureDecision[]): FigureDecision {
  return decisions.reduce((least, decision) => (STRICTNESS[decision.disclosure] > STRICTNESS[least.disclosure] ? decision : least), EXACT);
}
