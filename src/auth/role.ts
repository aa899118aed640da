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

registerEnumType(Role, { name: 'Role' });
registerEnumType(ClientKind, {
  name: 'ClientKind',
  description: 'A person using a partner frontend (USER) or a partner system (MACHINE).',
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
