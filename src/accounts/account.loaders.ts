import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderById } from '../shared/batch';
import { Account } from './account.entity';

export function createAccountLoaders(em: EntityManager) {
  return {
    accountById: loaderById(em, Account),
  };
}

/** This request's account loaders, made on first use. */
export const accountLoaders = (ctx: RequestContext) => loadersOf(ctx, createAccountLoaders);
