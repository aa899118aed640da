import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { RequestLoaders } from './loaders';
import { ReadAudit } from './read-audit';

/** Everything a service method needs about one request; every service method takes it first. */
export interface RequestContext {
  requestId: string;
  /** This request's own EntityManager fork: identity map and transaction scope. */
  em: EntityManager;
  viewer: Viewer;
  /** This request's DataLoaders, by module (see `loadersOf`). */
  loaders: RequestLoaders;
  // `access`, the access policy applied to this viewer, is added by the policy (src/policy/person-access.ts):
  // the context sits below the policy and knows nothing of it.
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
  /** Production: webhook URLs must be https and public. */
  production: boolean;
}

export const DEFAULT_SETTINGS: RequestSettings = { outcomePublicationDay: '03-01', production: false };

/** A request context for an authenticated viewer, but for what the layers above add: nothing in it outlives the request. */
export function createRequestContext(
  requestId: string,
  em: EntityManager,
  viewer: Viewer,
  log: Logger,
  settings: RequestSettings = DEFAULT_SETTINGS,
): Omit<RequestContext, 'access' | 'records'> {
  return { requestId, em, viewer, loaders: new Map(), readAudit: new ReadAudit(), operationName: null, log, settings };
}
