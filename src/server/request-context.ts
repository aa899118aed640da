import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import { createRequestContext, type RequestContext, type RequestSettings } from '../context/request-context';
import { PersonAccess } from '../policy/person-access';
import { PersonWriteGuard } from '../policy/person-write-guard';
import { RecordReader } from '../policy/record-reader';

/** The context of a request, with the access policy applied to its viewer. */
export function contextFor(requestId: string, em: EntityManager, viewer: Viewer, log: Logger, settings: RequestSettings): RequestContext {
  // Its writes about persons go through the policy's door (writeForPerson, writeRecord) or fail.
  PersonWriteGuard.guard(em);
  const ctx = createRequestContext(requestId, em, viewer, log, settings);
  const access = new PersonAccess(em, viewer, ctx.readAudit);
  return { ...ctx, access, records: new RecordReader(em, viewer, access) };
}
