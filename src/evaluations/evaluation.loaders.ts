import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderByParent } from '../shared/batch';
import { IndicatorPart } from './indicator-part.entity';
import { Indicator } from './indicator.entity';

export function createEvaluationLoaders(em: EntityManager) {
  return {
    indicatorsByEvaluation: loaderByParent(em, Indicator, 'evaluation', { position: 'asc' }),
    partsByIndicator: loaderByParent(em, IndicatorPart, 'indicator', { departement: 'asc' }),
  };
}
