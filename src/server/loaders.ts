import type { EntityManager } from '@mikro-orm/postgresql';
import { createActionLoaders } from '../actions/action.loaders';
import { createConsentLoaders } from '../consents/consent.loaders';
import { createEvaluationLoaders } from '../evaluations/evaluation.loaders';
import { createFollowUpLoaders } from '../followups/follow-up.loaders';
import { createHousingLoaders } from '../housing/housing.loaders';
import { createPersonLoaders } from '../persons/person.loaders';
import { createReferralLoaders } from '../referrals/referral.loaders';
import { createStructureLoaders } from '../structures/structure.loaders';

/** Fresh DataLoaders for one request, bound to that request's EntityManager fork. */
export function createLoaders(em: EntityManager) {
  return {
    ...createStructureLoaders(em),
    ...createActionLoaders(em),
    ...createEvaluationLoaders(em),
    ...createPersonLoaders(em),
    ...createReferralLoaders(em),
    ...createConsentLoaders(em),
    ...createFollowUpLoaders(em),
    ...createHousingLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
