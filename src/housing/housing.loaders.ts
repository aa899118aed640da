import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { countLoader, loaderOneByParent } from '../shared/batch';
import { PersonHousing } from './person-housing.entity';

export function createHousingLoaders(em: EntityManager) {
  return {
    /** The housing situation of each person (one row a person). */
    situationByPerson: loaderOneByParent(em, PersonHousing, 'person'),
    /** Places taken now in each service. */
    occupancyByService: countLoader(
      em,
      `select service_id as id, count(*)::int as count from placement
       where service_id = any(?::uuid[]) and end_date is null group by service_id`,
    ),
  };
}

/** This request's housing loaders, made on first use. */
export const housingLoaders = (ctx: RequestContext) => loadersOf(ctx, createHousingLoaders);
