import { registerEnumType } from 'type-graphql';
import { Role } from '../auth/role';
import type { Need } from '../shared/need';
import { StructureKind } from '../shared/structure-kind';
import { DataDomain } from './data-domain';
import { CARE_NEEDS } from './records';

/**
 * The access policy of shared/spec/access-policy.md, declared once, as data.
 * Enforcement (the domain guard, the services), docs/access-matrix.md and the
 * exhaustive matrix test all read ACCESS_POLICY; nothing else decides who sees what.
 */

/** A structure's mandate on a person, from the strongest to none. */
export enum MandateState {
  /** Holding SPIP of an open file, accepted or in-progress referral, or open follow-up. */
  FULL = 'FULL',
  /** A referral to the structure awaits its decision. */
  PENDING = 'PENDING',
  /** A mandate ended (declined, completed, cancelled, closed, transferred) within the retention period. */
  ENDED = 'ENDED',
  NONE = 'NONE',
}

registerEnumType(MandateState, {
  name: 'MandateState',
  description: "The viewer's structure's mandate on a person.",
  valuesConfig: {
    FULL: { description: 'Holding SPIP of an open file, accepted or in-progress referral, or open follow-up.' },
    PENDING: { description: 'A referral to the structure awaits its decision: identity and judicial core only.' },
    ENDED: { description: 'The mandate ended: only what the structure itself wrote, for the retention period.' },
    NONE: { description: 'No mandate: the person is invisible.' },
  },
});

/** How a cell of the policy grants access. */
export enum Grant {
  NEVER = 'NEVER',
  ALWAYS = 'ALWAYS',
  /** Only while the person's consent for the domain to the structure (or to all) is given, unexpired, unrevoked. */
  WITH_CONSENT = 'WITH_CONSENT',
  /** Only what the structure itself wrote (the domain as it last wrote it). */
  OWN_WRITINGS = 'OWN_WRITINGS',
  /** The judicial core only: establishment, expected release date, measure (not the care obligation). */
  CORE_ONLY = 'CORE_ONLY',
}

export type Action = 'read' | 'write';

export interface Cell {
  read: Grant;
  write: Grant;
}

/** The roles that ever see person data; the others (evaluators, administrators) never do. */
export const PERSON_DATA_ROLES: readonly Role[] = [
  Role.PROBATION_OFFICER,
  Role.CARE_WORKER,
  Role.HOUSING_COORDINATOR,
  Role.SOCIAL_WORKER,
];

/** Under a full mandate, who reads each domain (access-policy.md, "Data domains"). Absent: never. */
export const FULL_MANDATE_READ: Record<DataDomain, Partial<Record<Role, Grant.ALWAYS | Grant.WITH_CONSENT>>> = {
  [DataDomain.IDENTITY]: {
    [Role.PROBATION_OFFICER]: Grant.ALWAYS,
    [Role.CARE_WORKER]: Grant.ALWAYS,
    [Role.HOUSING_COORDINATOR]: Grant.ALWAYS,
    [Role.SOCIAL_WORKER]: Grant.ALWAYS,
  },
  [DataDomain.JUDICIAL]: {
    [Role.PROBATION_OFFICER]: Grant.ALWAYS,
    [Role.CARE_WORKER]: Grant.ALWAYS,
    [Role.HOUSING_COORDINATOR]: Grant.ALWAYS,
    [Role.SOCIAL_WORKER]: Grant.ALWAYS,
  },
  [DataDomain.JUDICIAL_DETAIL]: {
    [Role.PROBATION_OFFICER]: Grant.ALWAYS,
  },
  [DataDomain.SOCIAL]: {
    [Role.PROBATION_OFFICER]: Grant.ALWAYS,
    [Role.CARE_WORKER]: Grant.WITH_CONSENT,
    [Role.HOUSING_COORDINATOR]: Grant.ALWAYS,
    [Role.SOCIAL_WORKER]: Grant.ALWAYS,
  },
  [DataDomain.HOUSING]: {
    [Role.PROBATION_OFFICER]: Grant.ALWAYS,
    [Role.CARE_WORKER]: Grant.WITH_CONSENT,
    [Role.HOUSING_COORDINATOR]: Grant.ALWAYS,
    [Role.SOCIAL_WORKER]: Grant.ALWAYS,
  },
  [DataDomain.HEALTH_SUMMARY]: {
    [Role.PROBATION_OFFICER]: Grant.WITH_CONSENT,
    [Role.CARE_WORKER]: Grant.ALWAYS,
    [Role.SOCIAL_WORKER]: Grant.WITH_CONSENT,
  },
  [DataDomain.HEALTH]: {
    [Role.CARE_WORKER]: Grant.ALWAYS,
  },
};

/** What a pending mandate shows to the receiving structure: enough to decide on the referral. */
export const PENDING_MANDATE_READ: Partial<Record<DataDomain, Grant.ALWAYS | Grant.CORE_ONLY>> = {
  [DataDomain.IDENTITY]: Grant.ALWAYS,
  [DataDomain.JUDICIAL]: Grant.CORE_ONLY,
};

/** Domains only some roles write, whatever they read. */
export const RESTRICTED_WRITERS: Partial<Record<DataDomain, readonly Role[]>> = {
  [DataDomain.HEALTH]: [Role.CARE_WORKER],
  [DataDomain.HEALTH_SUMMARY]: [Role.CARE_WORKER],
  [DataDomain.JUDICIAL]: [Role.PROBATION_OFFICER],
  [DataDomain.JUDICIAL_DETAIL]: [Role.PROBATION_OFFICER],
};

/** How long a structure keeps reading what it wrote once its mandate has ended. */
export const RETENTION_YEARS = 2;

/** Structure kinds that receive referrals. */
export const RECEIVING_KINDS: readonly StructureKind[] = [StructureKind.CSAPA, StructureKind.SIAO, StructureKind.ASSOCIATION];

function cell(domain: DataDomain, role: Role, mandate: MandateState): Cell {
  const full = FULL_MANDATE_READ[domain][role] ?? Grant.NEVER;
  if (!PERSON_DATA_ROLES.includes(role)) return { read: Grant.NEVER, write: Grant.NEVER };
  switch (mandate) {
    case MandateState.FULL: {
      const writers = RESTRICTED_WRITERS[domain];
      return { read: full, write: writers && !writers.includes(role) ? Grant.NEVER : full };
    }
    case MandateState.PENDING:
      return { read: PENDING_MANDATE_READ[domain] ?? Grant.NEVER, write: Grant.NEVER };
    case MandateState.ENDED:
      // Nothing new once a mandate ends: only what the structure itself wrote, read-only.
      return { read: full === Grant.NEVER ? Grant.NEVER : Grant.OWN_WRITINGS, write: Grant.NEVER };
    case MandateState.NONE:
      return { read: Grant.NEVER, write: Grant.NEVER };
  }
}

function buildPolicy(): Record<DataDomain, Record<Role, Record<MandateState, Cell>>> {
  const table = {} as Record<DataDomain, Record<Role, Record<MandateState, Cell>>>;
  for (const domain of Object.values(DataDomain)) {
    table[domain] = {} as Record<Role, Record<MandateState, Cell>>;
    for (const role of Object.values(Role)) {
      table[domain][role] = {} as Record<MandateState, Cell>;
      for (const mandate of Object.values(MandateState)) table[domain][role][mandate] = cell(domain, role, mandate);
    }
  }
  return table;
}

/** Every cell: domain × role × mandate → read and write grants. */
export const ACCESS_POLICY = buildPolicy();

/** What a grant means for one person, once mandate and consent are known. */
export enum Decision {
  DENY = 'DENY',
  ALLOW = 'ALLOW',
  /** Allowed for what the viewer's structure wrote; the value must be checked. */
  OWN = 'OWN',
  /** Allowed for the judicial core only. */
  CORE = 'CORE',
}

/** Applies a cell to a person: the one place where a grant becomes a decision. */
export function decide(role: Role, domain: DataDomain, mandate: MandateState, consented: boolean, action: Action): Decision {
  const grant = ACCESS_POLICY[domain][role][mandate][action];
  switch (grant) {
    case Grant.ALWAYS:
      return Decision.ALLOW;
    case Grant.WITH_CONSENT:
      return consented ? Decision.ALLOW : Decision.DENY;
    case Grant.OWN_WRITINGS:
      return Decision.OWN;
    case Grant.CORE_ONLY:
      return Decision.CORE;
    case Grant.NEVER:
      return Decision.DENY;
  }
}

/** A structure "holds" a domain when its role reads it under a full mandate without consent. */
export function roleHoldsDomain(role: Role, domain: DataDomain): boolean {
  return FULL_MANDATE_READ[domain][role] === Grant.ALWAYS;
}

/** Consent can widen a domain to a role only where the policy says "with consent". */
export function consentCanWiden(role: Role, domain: DataDomain): boolean {
  return FULL_MANDATE_READ[domain][role] === Grant.WITH_CONSENT;
}

/**
 * A referral, follow-up, appointment or placement that tells the person has a health
 * problem: at a CSAPA, or for addiction care or health. Beyond the structures it concerns
 * it belongs to HEALTH_SUMMARY; any other belongs to SOCIAL.
 */
export function recordDomain(toKind: StructureKind, needs: readonly Need[] = [], otherwise: DataDomain = DataDomain.SOCIAL): DataDomain {
  const revealsHealth = toKind === StructureKind.CSAPA || needs.some((need) => CARE_NEEDS.includes(need));
  return revealsHealth ? DataDomain.HEALTH_SUMMARY : otherwise;
}
