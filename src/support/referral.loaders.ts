import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { referralRecordsByPerson } from './referral.rows';

export function createReferralLoaders(em: EntityManager) {
  return {
    referralsByPerson: referralRecordsByPerson(em),
  };
}

/** This request's referral loaders, made on first use. */
export const referralLoaders = (ctx: RequestContext) => loadersOf(ctx, createReferralLoaders);
