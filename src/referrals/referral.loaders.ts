import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderByParent } from '../shared/batch';
import { Referral } from './referral.entity';

export function createReferralLoaders(em: EntityManager) {
  return {
    referralsByPerson: loaderByParent(em, Referral, 'person', { createdAt: 'desc', id: 'desc' }),
  };
}

/** This request's referral loaders, made on first use. */
export const referralLoaders = (ctx: RequestContext) => loadersOf(ctx, createReferralLoaders);
