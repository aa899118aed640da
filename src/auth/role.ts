import { registerEnumType } from 'type-graphql';
import { StructureKind } from '../shared/structure-kind';

export enum Role {
  PROBATION_OFFICER = 'PROBATION_OFFICER',
  CARE_WORKER = 'CARE_WORKER',
  HOUSING_COORDINATOR = 'HOUSING_COORDINATOR',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  EVALUATOR = 'EVALUATOR',
  STRUCTURE_ADMIN = 'STRUCTURE_ADMIN',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}

/** Whether the account is a person at a screen or a partner system. */
export enum ClientKind {
  USER = 'USER',
  MACHINE = 'MACHINE',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do in its structure; an account has one role in one structure.',
  valuesConfig: {
    PROBATION_OFFICER: { description: "A SPIP's probation officer (CPIP): registers persons, writes JUDICIAL, refers." },
    CARE_WORKER: { description: "A CSAPA's care worker: the only role that writes HEALTH and HEALTH_SUMMARY." },
    HOUSING_COORDINATOR: { description: "A SIAO's coordinator: receives shelter requests and orients to places." },
    SOCIAL_WORKER: { description: "An association's social worker: receives referrals, houses and follows." },
    EVALUATOR: { description: "A funder's or observatory's evaluator: actions and suppressed aggregates only, never a person." },
    STRUCTURE_ADMIN: { description: "Manages its own structure's accounts, services, machine clients and webhooks; no person data." },
    PLATFORM_ADMIN: { description: "Manages the directory (structures, conventions) and every structure's accounts; no person data." },
  },
});
registerEnumType(ClientKind, {
  name: 'ClientKind',
  description: 'A person using a partner frontend (USER) or a partner system (MACHINE).',
  valuesConfig: {
    USER: { description: 'A person, through a partner frontend.' },
    MACHINE: { description: 'A partner system, with OAuth 2.0 client credentials.' },
  },
});

/** The structure kinds in which an account may hold each role. */
export const ROLE_STRUCTURE_KINDS: Record<Role, readonly StructureKind[]> = {
  [Role.PROBATION_OFFICER]: [StructureKind.SPIP],
  [Role.CARE_WORKER]: [StructureKind.CSAPA],
  [Role.HOUSING_COORDINATOR]: [StructureKind.SIAO],
  [Role.SOCIAL_WORKER]: [StructureKind.ASSOCIATION],
  [Role.EVALUATOR]: [StructureKind.EVALUATOR],
  [Role.STRUCTURE_ADMIN]: Object.values(StructureKind),
  [Role.PLATFORM_ADMIN]: [StructureKind.PLATFORM],
};

/** An account has one role in one structure, and the role must fit the structure's kind. */
export function roleFitsStructure(role: Role, kind: StructureKind): boolean {
  return ROLE_STRUCTURE_KINDS[role].includes(kind);
}

/** The worker role of a kind of structure (the role its people hold); null for the platform and evaluators' bodies. */
export function workerRoleOf(kind: StructureKind): Role | null {
  const worker = [Role.PROBATION_OFFICER, Role.CARE_WORKER, Role.HOUSING_COORDINATOR, Role.SOCIAL_WORKER].find((role) => roleFitsStructure(role, kind));
  return worker ?? null;
}
