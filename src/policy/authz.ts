import { ForbiddenError } from '../shared/errors';
import type { Viewer } from '../auth/viewer';
import { Permission, roleMay } from './permissions';

/** Asserted at the top of every service method: the viewer's role may perform the operation. */
export function assertAllowed(viewer: Viewer, permission: Permission): void {
  if (!roleMay(viewer.role, permission)) {
    throw new ForbiddenError(`Your role (${viewer.role}) may not perform ${permission}`);
  }
}
