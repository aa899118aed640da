import { ClientKind, Role } from '../auth/role';
import { PERSON_DATA_ROLES } from './access-policy';

/**
 * Operations, as a closed list of `resource:verb` actions, asserted at the top of
 * every service method. Which persons and which domains an allowed operation then
 * reaches is the data-domain policy's business (access-policy.ts), not this list's.
 */
export enum Permission {
  ACCOUNT_READ_SELF = 'account:read-self',
  DIRECTORY_READ = 'directory:read',
  ACTION_READ = 'action:read',
  EVALUATION_READ = 'evaluation:read',
  PERSON_READ = 'person:read',
  PERSON_REGISTER = 'person:register',
  PERSON_WRITE = 'person:write',
  PERSON_IMPORT = 'person:import',
  /** Transfer, close and restrict a file: the holding SPIP's. */
  FILE_MANAGE = 'file:manage',
  /** A person's subject-access export: what the asking structure reads, and who accessed the record. */
  PERSON_EXPORT = 'person:export',
  REFERRAL_READ = 'referral:read',
  REFERRAL_CREATE = 'referral:create',
  REFERRAL_CANCEL = 'referral:cancel',
  REFERRAL_DECIDE = 'referral:decide',
  CONSENT_RECORD = 'consent:record',
  CONSENT_REVOKE = 'consent:revoke',
  ACCESS_LOG_READ = 'access-log:read',
  FOLLOW_UP_MANAGE = 'follow-up:manage',
  APPOINTMENT_MANAGE = 'appointment:manage',
  CASE_NOTE_WRITE = 'case-note:write',
  PLACEMENT_MANAGE = 'placement:manage',
  SHELTER_REQUEST = 'shelter:request',
  CASELOAD_READ = 'caseload:read',
  OUTCOMES_READ = 'outcomes:read',
  ACTION_WRITE = 'action:write',
  EVALUATION_WRITE = 'evaluation:write',
  EVALUATION_WRITE_ANY_ACTION = 'evaluation:write-any-action',
  PARTICIPATION_MANAGE = 'participation:manage',
  MACHINE_CLIENT_MANAGE = 'machine-client:manage',
  WEBHOOK_MANAGE = 'webhook:manage',
  STRUCTURE_MANAGE = 'structure:manage',
  CONVENTION_MANAGE = 'convention:manage',
  SERVICE_MANAGE = 'service:manage',
  ACCOUNT_MANAGE = 'account:manage',
}

const EVERY_ROLE = Object.values(Role);
const RECEIVING_ROLES = [Role.CARE_WORKER, Role.HOUSING_COORDINATOR, Role.SOCIAL_WORKER];

/** Which roles may perform each operation. Deny by default: an operation not listed is refused. */
export const PERMISSION_ROLES: Record<Permission, readonly Role[]> = {
  [Permission.ACCOUNT_READ_SELF]: EVERY_ROLE,
  // The directory of partners and their services holds no person data.
  [Permission.DIRECTORY_READ]: EVERY_ROLE,
  // Program-level records are readable by partners and evaluators alike.
  [Permission.ACTION_READ]: EVERY_ROLE,
  [Permission.EVALUATION_READ]: EVERY_ROLE,
  // Evaluators and administrators never see a person.
  [Permission.PERSON_READ]: PERSON_DATA_ROLES,
  [Permission.PERSON_WRITE]: PERSON_DATA_ROLES,
  [Permission.PERSON_REGISTER]: [Role.PROBATION_OFFICER],
  // A SPIP registers persons from its case software's export.
  [Permission.PERSON_IMPORT]: [Role.PROBATION_OFFICER],
  // The SPIP holding the file transfers, closes and restricts it; the receiving SPIP decides on a transfer.
  [Permission.FILE_MANAGE]: [Role.PROBATION_OFFICER],
  // Any partner answers a person's access request with what it reads.
  [Permission.PERSON_EXPORT]: PERSON_DATA_ROLES,
  [Permission.REFERRAL_READ]: PERSON_DATA_ROLES,
  [Permission.REFERRAL_CREATE]: [Role.PROBATION_OFFICER],
  // The structure that sent it: the SPIP's referrals, a partner's shelter request.
  [Permission.REFERRAL_CANCEL]: [Role.PROBATION_OFFICER, Role.CARE_WORKER, Role.SOCIAL_WORKER],
  // Accept, decline, start and complete: the receiving structure's workers.
  [Permission.REFERRAL_DECIDE]: RECEIVING_ROLES,
  [Permission.CONSENT_RECORD]: PERSON_DATA_ROLES,
  [Permission.CONSENT_REVOKE]: PERSON_DATA_ROLES,
  [Permission.ACCESS_LOG_READ]: PERSON_DATA_ROLES,
  // Follow-ups are held by receiving structures; the SPIP's own follow-up is the file it holds.
  [Permission.FOLLOW_UP_MANAGE]: RECEIVING_ROLES,
  [Permission.APPOINTMENT_MANAGE]: PERSON_DATA_ROLES,
  [Permission.CASE_NOTE_WRITE]: PERSON_DATA_ROLES,
  // Places are given by the structure that runs the housing service (association, SIAO, CSAPA).
  [Permission.PLACEMENT_MANAGE]: RECEIVING_ROLES,
  // Any partner following the person asks the SIAO for shelter, the SIAO itself excepted.
  [Permission.SHELTER_REQUEST]: [Role.PROBATION_OFFICER, Role.CARE_WORKER, Role.SOCIAL_WORKER],
  [Permission.CASELOAD_READ]: PERSON_DATA_ROLES,
  // Aggregates over persons are for evaluators, who see no person; partners, who see their
  // persons, could difference them.
  [Permission.OUTCOMES_READ]: [Role.EVALUATOR],
  // The carrier structure edits its actions (its workers and its administrator).
  [Permission.ACTION_WRITE]: [...PERSON_DATA_ROLES, Role.STRUCTURE_ADMIN],
  // An evaluator, or the carrier, records an evaluation.
  [Permission.EVALUATION_WRITE]: [...PERSON_DATA_ROLES, Role.STRUCTURE_ADMIN, Role.EVALUATOR],
  // Evaluators evaluate any action; the others only the actions their structure carries.
  [Permission.EVALUATION_WRITE_ANY_ACTION]: [Role.EVALUATOR],
  [Permission.PARTICIPATION_MANAGE]: PERSON_DATA_ROLES,
  // A structure's administrator manages the partner systems that act for the structure.
  [Permission.MACHINE_CLIENT_MANAGE]: [Role.STRUCTURE_ADMIN],
  // Subscriptions to events: the administrator, and the structure's partner systems (below).
  [Permission.WEBHOOK_MANAGE]: [Role.STRUCTURE_ADMIN],
  // The directory itself: the platform's administrators.
  [Permission.STRUCTURE_MANAGE]: [Role.PLATFORM_ADMIN],
  [Permission.CONVENTION_MANAGE]: [Role.PLATFORM_ADMIN],
  // A structure's services and accounts: its administrator, or the platform's (any structure: assertManagesStructure).
  [Permission.SERVICE_MANAGE]: [Role.STRUCTURE_ADMIN, Role.PLATFORM_ADMIN],
  [Permission.ACCOUNT_MANAGE]: [Role.STRUCTURE_ADMIN, Role.PLATFORM_ADMIN],
};

/** Operations a machine client may perform whatever its role: a partner system manages its own webhooks. */
export const MACHINE_CLIENT_PERMISSIONS: readonly Permission[] = [Permission.WEBHOOK_MANAGE];

export function roleMay(role: Role, permission: Permission): boolean {
  return PERMISSION_ROLES[permission]?.includes(role) ?? false;
}

/** What a viewer may do: its role's operations, and a machine client's own. */
export function viewerMay(viewer: { role: Role; clientKind: ClientKind }, permission: Permission): boolean {
  return roleMay(viewer.role, permission) || (viewer.clientKind === ClientKind.MACHINE && MACHINE_CLIENT_PERMISSIONS.includes(permission));
}
