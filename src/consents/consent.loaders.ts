import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderByParent } from '../shared/batch';
import { Consent } from './consent.entity';

export function createConsentLoaders(em: EntityManager) {
  return {
    consentsByPerson: loaderByParent(em, Consent, 'person', { givenAt: 'desc', id: 'desc' }),
  };
}

/** This request's consent loaders, made on first use. */
export const consentLoaders = (ctx: RequestContext) => loadersOf(ctx, createConsentLoaders);
