import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderByParent } from '../shared/batch';
import { Placement } from './placement.entity';

/** Counts per id in one grouped query. */
function countLoader(em: EntityManager, sql: string): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await em.getConnection().execute<{ id: string; count: number }[]>(sql, [`{${ids.join(',')}}`]);
    const counts = new Map(rows.map((row) => [row.id, row.count]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function createHousingLoaders(em: EntityManager) {
  return {
    placementsByPerson: loaderByParent(em, Placement, 'person', { startDate: 'desc', id: 'desc' }),
    /** Places taken now in each service. */
    occupancyByService: countLoader(
      em,
      `select service_id as id, count(*)::int as count from placement
       where service_id = any(?::uuid[]) and end_date is null group by service_id`,
    ),
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
