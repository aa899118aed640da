import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderOneByParent } from '../shared/batch';
import { PersonHealthRecord } from './health-record.entity';
import { PersonHealthSummary } from './health-summary.entity';

/** One batched query per health domain, whatever the number of persons on the page. */
export function createHealthLoaders(em: EntityManager) {
  return {
    healthSummaryByPerson: loaderOneByParent(em, PersonHealthSummary, 'person'),
    healthRecordByPerson: loaderOneByParent(em, PersonHealthRecord, 'person'),
  };
}

/** This request's health loaders, made on first use. */
export const healthLoaders = (ctx: RequestContext) => loadersOf(ctx, createHealthLoaders);
