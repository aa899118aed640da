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

/** `2026-11-22 21:12:59.123456+00` (text) or `2026-11-22T21:12:59.123456+00:00` (JSON), in UTC. */
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:\+00(?::00)?|Z)$/;

/**
 * A timestamptz column as MikroORM returns it (its driver leaves them as text): a Date, or
 * null. PostgreSQL writes microseconds, which Date's parser only reads on its slow path: UTC
 * values (the server's sessions) are read here, anything else by Date.
 */
export function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  const utc = UTC_TIMESTAMP.exec(text);
  if (!utc) return new Date(text);
  const milliseconds = utc[7] ? Number(utc[7].padEnd(3, '0').slice(0, 3)) : 0;
  return new Date(Date.UTC(Number(utc[1]), Number(utc[2]) - 1, Number(utc[3]), Number(utc[4]), Number(utc[5]), Number(utc[6]), milliseconds));
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
