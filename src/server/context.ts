import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { Loaders } from './loaders';

/** Everything a service method needs about one request; every service method takes it first. */
export interface RequestContext {
  requestId: string;
  /** This request's own EntityManager fork: identity map and transaction scope. */
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  /** The GraphQL operation name, when the client gave one (for the audit log). */
  operationName: string | null;
  log: Logger;
}
