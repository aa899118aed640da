import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import { createRequestContext, type RequestContext, type RequestSettings } from '../context/request-context';
import { PersonAccess } from '../policy/person-access';

/** The context of a request, with the access policy applied to its viewer. */
export function contextFor(requestId: string, em: EntityManager, viewer: Viewer, log: Logger, settings: RequestSettings): RequestContext {
  const ctx = createRequestContext(requestId, em, viewer, log, settings);
  return { ...ctx, access: new PersonAccess(em, viewer, ctx.readAudit) };
}
