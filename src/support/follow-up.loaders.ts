import type { EntityManager } from '@mikro-orm/postgresql';
import { loadersOf } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { countLoader } from '../shared/batch';

export function createFollowUpLoaders(em: EntityManager) {
  return {
    /** Open follow-ups in each service: its active file. */
    activeFilesByService: countLoader(
      em,
      `select service_id as id, count(*)::int as count from follow_up
       where service_id = any(?::uuid[]) and end_date is null group by service_id`,
    ),
    /** Open follow-ups of each structure. */
    activeFilesByStructure: countLoader(
      em,
      `select structure_id as id, count(*)::int as count from follow_up
       where structure_id = any(?::uuid[]) and end_date is null group by structure_id`,
    ),
  };
}

/** This request's follow-up loaders, made on first use. */
export const followUpLoaders = (ctx: RequestContext) => loadersOf(ctx, createFollowUpLoaders);
