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

/**
 * A timestamptz column as MikroORM returns it (its driver leaves them as text): a Date, or
 * null. PostgreSQL writes microseconds, which Date's parser only reads on its slow path: UTC
 * values (the server's sessions), `2026-11-22 21:12:59.123456+00` as text or
 * `2026-11-22T21:12:59.123456+00:00` in JSON, are read here digit by digit; anything else by Date.
 */
export function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return utcTimestamp(text) ?? new Date(text);
}

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let result = 0;
  for (let index = from; index < from + count; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

function utcTimestamp(text: string): Date | null {
  if (text.length < 20 || text[4] !== '-' || text[7] !== '-' || (text[10] !== ' ' && text[10] !== 'T') || text[13] !== ':' || text[16] !== ':') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  let index = 19;
  let milliseconds = 0;
  if (text[index] === '.') {
    index += 1;
    let scale = 100;
    while (index < text.length) {
      const digit = text.charCodeAt(index) - ZERO;
      if (digit < 0 || digit > 9) break;
      milliseconds += digit * scale;
      scale /= 10;
      index += 1;
    }
    milliseconds = Math.floor(milliseconds);
  }
  const zone = text.slice(index);
  if (zone !== '+00' && zone !== '+00:00' && zone !== 'Z') return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds));
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
    const rows = await em.getConnection().execute<Row[]>(sql('= any(?::uuid[])'), [uuidArray(parentIds)], 'all', em.getTransactionContext());
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
    const rows = await em.getConnection().execute<Row[]>(sql('= any(?::uuid[])'), [uuidArray(keys)], 'all', em.getTransactionContext());
    const byKey = new Map(rows.map((row) => [keyOf(row), map(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** The names in a comma-separated column list (`'id, person_id'` → `['id', 'person_id']`). */
export function columnNames(list: string): string[] {
  return list.split(',').map((name) => name.trim());
}
