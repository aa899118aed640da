import type { EntityManager } from '@mikro-orm/postgresql';
import { Evaluation } from '../evaluations/evaluation.entity';
import { loaderById, loaderByParent } from '../shared/batch';
import { Action } from './action.entity';

export function createActionLoaders(em: EntityManager) {
  return {
    actionById: loaderById(em, Action),
    evaluationsByAction: loaderByParent(em, Evaluation, 'action', { periodStart: 'asc', id: 'asc' }),
  };
}
