import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ReadAudit } from '../audit/read-audit';
import type { Viewer } from '../auth/viewer';
import { PersonAccess } from '../policy/person-access';
import { createLoaders, type Loaders } from './loaders';

/** Everything a service method needs about one request; every service method takes it first. */
export interface RequestContext {
  requestId: string;
  /** This request's own EntityManager fork: identity map and transaction scope. */
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  /** The access policy applied to this viewer, with this request's mandates and consents. */
  access: PersonAccess;
  /** Person data this request read, written to the audit log before the response leaves. */
  readAudit: ReadAudit;
  /** The GraphQL operation name, when the client gave one (for the audit log). */
  operationName: string | null;
  log: Logger;
  /** Deployment settings that services need (not who asks: nothing here depends on the viewer). */
  settings: RequestSettings;
}

export interface RequestSettings {
  /** MM-DD of the year after a cohort's year on which its outcomes are published. */
  outcomePublicationDay: string;
}

export const DEFAULT_SETTINGS: RequestSettings = { outcomePublicationDay: '03-01' };

/** A request context for an authenticated viewer: nothing in it outlives the request. */
export function createRequestContext(
  requestId: string,
  em: EntityManager,
  viewer: Viewer,
  log: Logger,
  settings: RequestSettings = DEFAULT_SETTINGS,
): RequestContext {
  return { requestId, em, viewer, loaders: createLoaders(em), access: new PersonAccess(em, viewer), readAudit: new ReadAudit(), operationName: null, log, settings };
}
