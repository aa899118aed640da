import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { print } from 'graphql';
import { Account } from '../../src/accounts/account.entity';
import { signDevToken } from '../../src/auth/tokens';
import { applicationUrl, withAdminClient } from '../../src/config/database';
import { loadConfig, type AppConfig } from '../../src/config/env';
import { initOrm } from '../../src/config/orm';
import { createServer, type PasserelleServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** Every SQL statement the ORM sends, to count them around a request. */
export class SqlLog {
  statements: string[] = [];

  record = (message: string): void => {
    if (message.startsWith('[query]')) this.statements.push(message);
  };

  /** Runs fn and returns how many SQL statements it caused. */
  async count<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }> {
    const start = this.statements.length;
    const result = await fn();
    const sql = this.statements.slice(start);
    return { result, statements: sql.length, sql };
  }
}

function templateUrl(): string {
  const url = process.env.PASSERELLE_TEST_TEMPLATE_URL;
  if (!url) throw new Error('PASSERELLE_TEST_TEMPLATE_URL is not set: run the tests with jest (global setup)');
  return url;
}

/** A database of its own for a test file, cloned from the migrated and seeded template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = new URL(templateUrl());
  const templateName = decodeURIComponent(template.pathname.slice(1));
  const name = `passerelle_test_${randomBytes(5).toString('hex')}`;
  await withAdminClient(template.toString(), (client) =>
    client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(templateName)}`),
  );
  const url = new URL(template.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient(template.toString(), (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      ).then(() => undefined),
  };
}

/** MikroORM on a test database of its own, for tests that talk SQL rather than HTTP. */
export async function openTestOrm(): Promise<{ orm: MikroORM; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const orm = await initOrm(database.url, { onDriverWarning: () => undefined });
  return {
    orm,
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
}

/** A client acting as one account: `app.as('cpip.grenoble').query(MeDocument)`. */
export class Actor {
  constructor(
    private readonly app: TestApp,
    readonly login: string,
  ) {}

  async query<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphQLResult<T>> {
    return this.app.request(document, variables, await this.app.tokenFor(this.login));
  }
}

/** The real HTTP server on a free port, over a real PostgreSQL database of its own. */
export class TestApp {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly url: string,
    readonly orm: MikroORM,
    readonly config: AppConfig,
    private readonly server: PasserelleServer,
    private readonly database: { url: string; drop(): Promise<void> },
    readonly sql: SqlLog,
  ) {}

  /**
   * @param options.env configuration variables, as the server reads them
   * @param options.connectThrough rewrites the database URL, e.g. to go through a TcpProxy
   */
  static async start(
    options: { env?: Record<string, string>; connectThrough?: (url: URL) => Promise<URL> } = {},
  ): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...options.env });
    const sql = new SqlLog();
    // The server runs as the application's role, as in production (src/config/database-roles.ts).
    const appUrl = applicationUrl(database.url);
    const url = options.connectThrough ? (await options.connectThrough(new URL(appUrl))).toString() : appUrl;
    const orm = await initOrm(url, { onQuery: sql.record, onDriverWarning: () => undefined });
    const server = await createServer({ config, orm, logger: createLogger(config.logLevel) });
    const port = await server.listen(0, '127.0.0.1');
    return new TestApp(`http://127.0.0.1:${port}`, orm, config, server, database, sql);
  }

  /** The URL of this test's own database (for bulk loads that need their own connection). */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** A fresh EntityManager to arrange data or read it back. */
  em(): EntityManager {
    return this.orm.em.fork();
  }

  as(login: string): Actor {
    return new Actor(this, login);
  }

  async tokenFor(login: string): Promise<string> {
    const cached = this.tokens.get(login);
    if (cached) return cached;
    const account = await this.em().findOneOrFail(Account, { login });
    const token = await signDevToken(this.config.jwt, account);
    this.tokens.set(login, token);
    return token;
  }

  async request<T, V>(document: TypedDocumentNode<T, V>, variables?: V, token?: string): Promise<GraphQLResult<T>> {
    const response = await this.post({ query: print(document), variables }, token);
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, ...body };
  }

  /** A query as a demo account, its answer as the client reads it. */
  async call(login: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const response = await this.post({ query, variables }, await this.tokenFor(login));
    return (await response.json()) as Answer;
  }

  /** A query as a demo account that must answer without error: its data. */
  async ok(login: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const answer = await this.call(login, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  /** A raw POST /graphql, for requests a typed document cannot express. */
  post(body: unknown, token?: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  get(path: string): Promise<Response> {
    return fetch(`${this.url}${path}`);
  }

  async close(): Promise<void> {
    await this.server.stop();
    await this.orm.close();
    await this.database.drop();
  }
}

/** An answer as a client reads it (untyped: for queries written in the test). */
export interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The codes of a response's errors, for exact assertions. */
export function errorCodes(result: { errors?: GraphQLErrorBody[] }): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
