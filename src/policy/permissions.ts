import { Role } from '../accounts/role';

/**
 * Operations on data that is not person data, as a closed list of `resource:verb`
 * actions. Person data follows the data-domain policy, not this list.
 */
export enum Permission {
  ACCOUNT_READ_SELF = 'account:read-self',
  DIRECTORY_READ = 'directory:read',
  ACTION_READ = 'action:read',
  EVALUATION_READ = 'evaluation:read',
}

const EVERY_ROLE = Object.values(Role);

/** Which roles may perform each operation. Deny by default: an operation not listed is refused. */
export const PERMISSION_ROLES: Record<Permission, readonly Role[]> = {
  [Permission.ACCOUNT_READ_SELF]: EVERY_ROLE,
  // The directory of partners and their services holds no person data.
  [Permission.DIRECTORY_READ]: EVERY_ROLE,
  // Program-level records are readable by partners and evaluators alike.
  [Permission.ACTION_READ]: EVERY_ROLE,
  [Permission.EVALUATION_READ]: EVERY_ROLE,
};

export function roleMay(role: Role, permission: Permission): boolean {
  return PERMISSION_ROLES[permission]?.includes(role) ?? false;
}
