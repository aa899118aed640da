import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';

type WithId = { id: string };

/** Id of a to-one relation, whether loaded or a bare reference. */
function refId(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value) return String((value as WithId).id);
  return String(value);
}

/** One query per batch of ids; missing ids resolve to null. */
export function loaderById<T extends WithId>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** One query per batch of parent ids, rows grouped by the parent they point to. */
export function loaderByParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parentProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = await em.find(entity, { [parentProperty]: { $in: [...parentIds] } } as FilterQuery<T>, {
      orderBy: orderBy as never,
    });
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(refId(row[parentProperty]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/** One query per batch of parent ids, for rows of which a parent has at most one. */
export function loaderOneByParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  parentProperty: keyof T & string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (parentIds) => {
    const rows = await em.find(entity, { [parentProperty]: { $in: [...parentIds] } } as FilterQuery<T>);
    const byParent = new Map(rows.map((row) => [refId(row[parentProperty]), row]));
    return parentIds.map((id) => byParent.get(id) ?? null);
  });
}

/** Counts per id in one grouped query: `sql` selects (id, count) for the ids in its one parameter. */
export function countLoader(em: EntityManager, sql: string): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await em.execute<{ id: string; count: number }[]>(sql, [`{${ids.join(',')}}`]);
    const counts = new Map(rows.map((row) => [row.id, row.count]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
