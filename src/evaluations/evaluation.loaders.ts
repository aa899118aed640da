import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderByParent } from '../shared/batch';
import { Evaluation } from './evaluation.entity';
import { IndicatorPart } from './indicator-part.entity';
import { Indicator } from './indicator.entity';

export function createEvaluationLoaders(em: EntityManager) {
  return {
    evaluationsByAction: loaderByParent(em, Evaluation, 'action', { periodStart: 'asc', id: 'asc' }),
    indicatorsByEvaluation: loaderByParent(em, Indicator, 'evaluation', { position: 'asc' }),
    partsByIndicator: loaderByParent(em, IndicatorPart, 'indicator', { departement: 'asc' }),
  };
}

/** This request's evaluation loaders, made on first use. */
export const evaluationLoaders = (ctx: RequestContext) => loadersOf(ctx, createEvaluationLoaders);
