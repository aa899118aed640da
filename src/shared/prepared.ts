import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The part of a `pg` client this module uses (a connection of MikroORM's pool). */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  query(text: string): Promise<unknown>;
  connection: { parsedStatements: Record<string, string> };
}

interface ClientProvider {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

/**
 * How many prepared statements a pooled connection keeps. Statement texts vary with the
 * viewer's structure and role (the record rules are compiled with them) and with the parts a
 * page asks for: bounded, the least recently used one is deallocated.
 */
export const PREPARED_PER_CONNECTION = 200;

const prepared = new WeakMap<PgClient, Map<string, true>>();

type Scalar = string | number | boolean | null | Date;

/** `?` placeholders (outside quoted literals) to `$1`, `$2`…; refuses `??`, MikroORM's identifier placeholder. */
export function numberedPlaceholders(sql: string): { text: string; count: number } {
  let count = 0;
  let text = '';
  let quoted = false;
  for (let index = 0; index < sql.length; index++) {
    const char = sql[index];
    if (char === "'") quoted = !quoted;
    if (char === '?' && !quoted) {
      if (sql[index + 1] === '?') throw new Error('prepared statements take value placeholders only (no ??)');
      text += `$${++count}`;
    } else {
      text += char;
    }
  }
  return { text, count };
}

/** Statement texts already converted, by MikroORM-style text (bounded: texts vary with viewer and page). */
const converted = new Map<string, { text: string; count: number; name: string }>();
const CONVERTED_KEPT = 1000;

function statementOf(sql: string): { text: string; count: number; name: string } {
  let statement = converted.get(sql);
  if (!statement) {
    const { text, count } = numberedPlaceholders(sql);
    statement = { text, count, name: `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` };
    if (converted.size >= CONVERTED_KEPT) converted.delete(converted.keys().next().value as string);
    converted.set(sql, statement);
  }
  return statement;
}

/**
 * Runs a statement as a named prepared statement on the EntityManager's connection (its
 * transaction's when it is in one): PostgreSQL parses and plans the statement once per
 * connection, then only executes it (MikroORM inlines parameters into the text, which costs a
 * full plan every time: a millisecond for the persons page). Parameters are bound, never
 * inlined. The statement goes through the ORM's query log like any other, so statement
 * counts and debug logs see it.
 */
export async function executePrepared<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const { text, count, name } = statementOf(sql);
  if (count !== params.length) throw new Error(`prepared statement: ${count} placeholders for ${params.length} parameters`);
  for (const value of params) {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) throw new Error('prepared statement: parameters are scalars');
  }
  const transaction = em.getTransactionContext<{ client: ClientProvider }>();
  const provider: ClientProvider = transaction ? transaction.client : (em.getConnection().getKnex().client as ClientProvider);
  const started = Date.now();
  const client = await provider.acquireConnection();
  try {
    await keepPrepared(client, name);
    const result = await client.query({ name, text, values: params as Scalar[] });
    logStatement(em, `${text} -- prepared`, params, started, result.rows.length);
    return result.rows as T[];
  } catch (error) {
    logStatement(em, `${text} -- prepared`, params, started, undefined, 'error');
    throw error;
  } finally {
    await provider.releaseConnection(client);
  }
}

/** Marks the statement as the connection's most recent; deallocates the oldest beyond the bound. */
async function keepPrepared(client: PgClient, name: string): Promise<void> {
  let names = prepared.get(client);
  if (!names) prepared.set(client, (names = new Map()));
  names.delete(name);
  names.set(name, true);
  if (names.size <= PREPARED_PER_CONNECTION) return;
  const oldest = names.keys().next().value as string;
  names.delete(oldest);
  if (client.connection.parsedStatements[oldest] === undefined) return;
  delete client.connection.parsedStatements[oldest];
  await client.query(`deallocate "${oldest}"`);
}

/** Tells the ORM's query log of a statement sent past the ORM (statement counts and debug logs see it). */
export function logStatement(
  em: EntityManager,
  query: string,
  params: readonly unknown[],
  started: number,
  results: number | undefined,
  level: 'info' | 'error' = 'info',
): void {
  const logger = em.config.getLogger();
  const context = em.getLoggerContext();
  if (!logger.isEnabled('query', context)) return;
  logger.logQuery({
    ...context,
    level,
    query,
    params: [...params],
    took: Date.now() - started,
    results,
    connection: { type: 'write', name: 'default' },
  });
}
