import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderById, loaderByParent } from '../shared/batch';
import { Convention } from './convention.entity';
import { Service } from './service.entity';
import { structureRecordsById } from './structure.rows';

export function createStructureLoaders(em: EntityManager) {
  return {
    structureById: structureRecordsById(em),
    serviceById: loaderById(em, Service),
    servicesByStructure: loaderByParent(em, Service, 'structure', { name: 'asc' }),
    conventionsByStructure: loaderByParent(em, Convention, 'structure', { validFrom: 'desc', id: 'asc' }),
  };
}
