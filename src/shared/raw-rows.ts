import { PeekableLoader } from './peekable-loader';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Read paths that need no entity: plain rows straight from SQL, no hydration, no identity
 * map, no unit of work. Writes keep MikroORM entities. Rows are the shapes the views read
 * (a to-one relation as `{ id }`), so that entities and rows go through the same `from`.
 */

/** A to-one relation as the views read it: its id, or null. */
export type Ref = { id: string } | null;

export function refOf(id: unknown): Ref {
  return id === null || id === undefined ? null : { id: String(id) };
}

/** A timestamptz column as MikroORM returns it (its driver leaves them as text): a Date, or null. */
export function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** `{a,b}`: a PostgreSQL array literal of ids, for `= any(?::uuid[])`. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * One statement per batch of parent ids (`= any(?::uuid[])` on `parentColumn`), rows mapped
 * and grouped by parent in the order the SQL gives.
 */
export function rawLoaderByParent<Row, T>(
  em: EntityManager,
  sql: (parentFilter: string) => string,
  parentOf: (row: Row) => string,
  map: (row: Row) => T,
): PeekableLoader<string, T[]> {
  return new PeekableLoader<string, T[]>(async (parentIds) => {
    const rows = await em.getConnection().execute<Row[]>(sql('= any(?::uuid[])'), [uuidArray(parentIds)]);
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(parentOf(row))?.push(map(row));
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/** As rawLoaderByParent, for rows of which a parent (or an id) has at most one. */
export function rawLoaderOne<Row, T>(
  em: EntityManager,
  sql: (keyFilter: string) => string,
  keyOf: (row: Row) => string,
  map: (row: Row) => T,
): PeekableLoader<string, T | null> {
  return new PeekableLoader<string, T | null>(async (keys) => {
    const rows = await em.getConnection().execute<Row[]>(sql('= any(?::uuid[])'), [uuidArray(keys)]);
    const byKey = new Map(rows.map((row) => [keyOf(row), map(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** The names in a comma-separated column list (`'id, person_id'` → `['id', 'person_id']`). */
export function columnNames(list: string): string[] {
  return list.split(',').map((name) => name.trim());
}
