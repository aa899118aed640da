import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderById } from '../shared/batch';
import { Action } from './action.entity';

export function createActionLoaders(em: EntityManager) {
  return {
    actionById: loaderById(em, Action),
  };
}

/** This request's action loaders, made on first use. */
export const actionLoaders = (ctx: RequestContext) => loadersOf(ctx, createActionLoaders);
