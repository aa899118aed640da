import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { loaderById, loaderByParent } from '../shared/batch';
import { Service } from './service.entity';
import { structureRecordsById } from './structure.rows';

export function createStructureLoaders(em: EntityManager) {
  return {
    structureById: structureRecordsById(em),
    serviceById: loaderById(em, Service),
    servicesByStructure: loaderByParent(em, Service, 'structure', { name: 'asc' }),
  };
}

/** This request's structure loaders, made on first use. */
export const structureLoaders = (ctx: RequestContext) => loadersOf(ctx, createStructureLoaders);
