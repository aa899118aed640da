import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { countLoader } from '../shared/batch';

export function createHousingLoaders(em: EntityManager) {
  return {
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
