import type { EntityManager } from '@mikro-orm/postgresql';
import { rawLoaderOne } from '../shared/raw-rows';
import type { Structure } from './structure.entity';

/** What the views and rules read of a structure (an entity is one too). */
export type StructureRecord = Pick<Structure, 'id' | 'name' | 'kind' | 'departement' | 'city' | 'region'>;

/** Structures by id, read without entities: every referral on a page names its receiver. */
export function structureRecordsById(em: EntityManager) {
  return rawLoaderOne<StructureRecord, StructureRecord>(
    em,
    (filter) => `select id, name, kind, departement, city, region from structure where id ${filter}`,
    (row) => row.id,
    (row) => row,
  );
}
