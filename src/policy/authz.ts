import { ForbiddenError } from '../shared/errors';
import type { Viewer } from '../auth/viewer';
import { Permission, viewerMay } from './permissions';

/** Asserted at the top of every service method: the viewer's role (or, for a partner system, its kind) may perform the operation. */
export function assertAllowed(viewer: Viewer, permission: Permission): void {
  if (!viewerMay(viewer, permission)) {
    throw new ForbiddenError(`Your role (${viewer.role}) may not perform ${permission}`);
  }
}
