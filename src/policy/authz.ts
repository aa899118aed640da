import { BadUserInputError, ForbiddenError } from '../shared/errors';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { Permission, viewerMay } from './permissions';

/** Asserted at the top of every service method: the viewer's role (or, for a partner system, its kind) may perform the operation. */
export function assertAllowed(viewer: Viewer, permission: Permission): void {
  if (!viewerMay(viewer, permission)) {
    throw new ForbiddenError(`Your role (${viewer.role}) may not perform ${permission}`);
  }
}

/**
 * The structure an administration operation works on: a platform administrator names any
 * structure; a structure administrator works on its own only (named or not).
 */
export function managedStructureId(viewer: Viewer, given: string | null | undefined): string {
  if (viewer.role === Role.PLATFORM_ADMIN) {
    if (!given) throw new BadUserInputError('structureId is required: name the structure to work on', 'structureId');
    return given;
  }
  if (given && given !== viewer.structureId) throw new ForbiddenError('A structure administrator manages its own structure only');
  return viewer.structureId;
}

/** Whether the viewer administers the structure: the platform's administrators every one, a structure's its own. */
export function managesStructure(viewer: Viewer, structureId: string): boolean {
  return viewer.role === Role.PLATFORM_ADMIN || (viewer.role === Role.STRUCTURE_ADMIN && viewer.structureId === structureId);
}

/** Whether the viewer may give an account this role: the platform's administrators only are named by the platform. */
export function mayGrantRole(viewer: Viewer, role: Role): boolean {
  return role !== Role.PLATFORM_ADMIN || viewer.role === Role.PLATFORM_ADMIN;
}
