import type { EntityManager } from '@mikro-orm/postgresql';
import { Evaluation } from '../evaluations/evaluation.entity';
import { loaderById, loaderByParent } from '../shared/batch';
import { Action } from './action.entity';
import { ActionParticipation } from './participation.entity';

export function createActionLoaders(em: EntityManager) {
  return {
    actionById: loaderById(em, Action),
    evaluationsByAction: loaderByParent(em, Evaluation, 'action', { periodStart: 'asc', id: 'asc' }),
    participationsByPerson: loaderByParent(em, ActionParticipation, 'person', { enrolledOn: 'desc', id: 'desc' }),
  };
}
