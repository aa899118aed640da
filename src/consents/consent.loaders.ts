import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderByParent } from '../shared/batch';
import { Consent } from './consent.entity';

export function createConsentLoaders(em: EntityManager) {
  return {
    consentsByPerson: loaderByParent(em, Consent, 'person', { givenAt: 'desc', id: 'desc' }),
  };
}
