import type { EntityManager } from '@mikro-orm/postgresql';
import { logStatement } from './prepared';

/** The part of a `pg` client a pipelined transaction uses (a connection of MikroORM's pool). */
interface PgClient {
  query(text: string): Promise<PgResult | PgResult[]>;
  /** Set on a connection the pool must drop (knex's own mark). */
  __knex__disposed?: unknown;
}

interface PgResult {
  rows: Record<string, unknown>[];
}

interface ClientProvider {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

/**
 * A transaction driven on one connection of the ORM's pool in whole messages: each `send`
 * is one round trip that may hold several statements (`begin; select …; select …`), each
 * run by PostgreSQL with a snapshot of its own, as if sent one by one, and answers the rows
 * of each. Values are inlined by the ORM's platform, as MikroORM sends every statement.
 */
export class PipelinedTransaction {
  private open = false;

  private constructor(
    private readonly em: EntityManager,
    private readonly client: PgClient,
  ) {}

  /**
   * Runs `work` on a connection of its own, outside the EntityManager's unit of work; a
   * transaction it left open (an error on the way) is rolled back before the connection goes
   * back to the pool, or the connection is dropped when it cannot be.
   */
  static async run<T>(em: EntityManager, work: (transaction: PipelinedTransaction) => Promise<T>): Promise<T> {
    const provider = em.getConnection().getKnex().client as ClientProvider;
    const client = await provider.acquireConnection();
    const transaction = new PipelinedTransaction(em, client);
    try {
      return await work(transaction);
    } finally {
      if (transaction.open) await transaction.rollback();
      await provider.releaseConnection(client);
    }
  }

  /** The statements, in one message; `begin` opens the transaction, `commit` ends it. */
  async send(statements: readonly string[]): Promise<Record<string, unknown>[][]> {
    const text = statements.join(';\n');
    if (/^begin\b/i.test(statements[0])) this.open = true;
    const started = Date.now();
    try {
      const answer = await this.client.query(text);
      const results = Array.isArray(answer) ? answer : [answer];
      logStatement(this.em, text, [], started, results.reduce((count, result) => count + (result.rows?.length ?? 0), 0));
      if (/^commit\b/i.test(statements[statements.length - 1])) this.open = false;
      return results.map((result) => result.rows ?? []);
    } catch (error) {
      logStatement(this.em, text, [], started, undefined, 'error');
      // A connection lost under the query can reject with the socket's raw error object: made an Error, its code kept.
      if (error instanceof Error) throw error;
      const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
      throw Object.assign(new Error(typeof message === 'string' ? message : `database connection error ${String(code)}`), { code, cause: error });
    }
  }

  /** A statement with `?` placeholders, its values inlined as the ORM inlines them. */
  format(sql: string, params: readonly unknown[]): string {
    return this.em.getPlatform().formatQuery(sql, [...params]);
  }

  private async rollback(): Promise<void> {
    this.open = false;
    try {
      await this.send(['rollback']);
    } catch (error) {
      // A connection that cannot roll back is not given to another request.
      this.client.__knex__disposed = error;
    }
  }
}
