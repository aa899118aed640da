import path from 'node:path';
import type { PlatformKeyConfig } from '../auth/platform-key';
import type { JwtConfig } from '../auth/tokens';
import type { WebhookSettings } from '../exchange/webhook-relay';
import { DEV_CURSOR_SECRET } from '../shared/cursor-secret';

/** The development signing secret; production refuses to start with it. */
export const DEV_JWT_SECRET = 'passerelle-development-secret-do-not-use-in-production';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** When set, the server uses this PostgreSQL; otherwise an embedded one. */
  /** The schema owner's connection, for migrations (DATABASE_OWNER_URL; DATABASE_URL when unset). */
  databaseOwnerUrl?: string;
  databaseUrl?: string;
  embeddedDb: {
    dataDir: string;
    port: number;
  };
  jwt: JwtConfig;
  /** `machines`: machine clients may run only the SDK's persisted operations (the allow-list). */
  /** The secret cursors are sealed with (CURSOR_SECRET; a development default outside production). */
  cursorSecret: string;
  /** Bearer token of GET /metrics (METRICS_TOKEN); null: open (protect it at the proxy). */
  metricsToken: string | null;
  /** Requests a minute per account (RATE_LIMIT_PER_MINUTE) and token requests a minute per address (RATE_LIMIT_TOKEN_PER_MINUTE); 0: off. */
  rateLimits: { perAccountPerMinute: number; tokenRequestsPerMinute: number };
  /** Express's `trust proxy` (TRUST_PROXY: a hop count, or addresses/CIDRs); false: the socket's address. */
  trustProxy: false | number | string;
  /** Whether the schema answers introspection queries (INTROSPECTION; off by default in production). */
  introspection: boolean;
  /** Serve the GraphQL IDE (ruru, a devDependency) at /ide and to browsers at GET /graphql (IDE; never in production). */
  ide: boolean;
  persistedOperations: 'off' | 'machines';
  /** Origins of partner frontends allowed to call the API from a browser (CORS). */
  corsOrigins: string[];
  /** The URL partners reach the API at (the issuer of the platform's tokens). */
  publicUrl: string;
  /**
   * The platform's key for machine clients' tokens; null in production without
   * PLATFORM_SIGNING_KEY (then the OAuth endpoints are off).
   */
  platformKey: PlatformKeyConfig | null;
  logLevel: string;
  /** Load the demo data set when the database is empty. */
  seedDemoData: boolean;
  /** Apply migrations (as the owner) when the API or the worker starts (MIGRATE_ON_START); otherwise a release step runs `migrate`. */
  migrateOnStart: boolean;
  outcomes: {
    /** MM-DD of the following year on which a year's outcomes are published. */
    publicationDay: string;
  };
  /** Run the background job worker (publication of outcomes, webhook deliveries) in this process. */
  jobs: boolean;
  /** Jobs one worker runs at once. */
  workerConcurrency: number;
  /** Connections of the application's pool in this process (DATABASE_POOL_MAX). */
  databasePoolMax: number;
  /** After SIGTERM, how long /readyz answers 503 before the server stops accepting (SHUTDOWN_DELAY_MS). */
  shutdownDelayMs: number;
  webhooks: WebhookSettings;
  /** How operations execute: compiled by graphql-jit (the default), or by graphql-js (a fallback switch). */
  executor: 'compiled' | 'graphql-js';
  /** Whether queries whose every field has a plan are answered by one statement building their JSON (context/planned-read.ts). */
  plannedReads: boolean;
  limits: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
  };
  /** OpenTelemetry traces over OTLP/HTTP; null: off (no OTEL_EXPORTER_OTLP_*ENDPOINT, or OTEL_SDK_DISABLED). */
  tracing: TracingConfig | null;
}

/** The standard OpenTelemetry variables the tracing reads (src/observability/tracing.ts). */
export interface TracingConfig {
  /** Where spans are posted (OTLP/HTTP JSON): OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; when unset, the process's own (passerelle, passerelle-worker). */
  serviceName: string | null;
  /** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (default parentbased_always_on). */
  sampler: { root: 'always_on' | 'always_off' | 'traceidratio'; parentBased: boolean; ratio: number };
}

export class ConfigError extends Error {}

const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

function otlpUrlFrom(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return url.toString();
}

/**
 * The tracing's settings, from the standard OpenTelemetry variables: on only when an OTLP
 * endpoint is given and OTEL_SDK_DISABLED is not true. Read before anything else is loaded
 * (the instrumentations must come first), and again by loadConfig.
 */
export function tracingFrom(env: NodeJS.ProcessEnv = process.env): TracingConfig | null {
  if (boolFrom(env, 'OTEL_SDK_DISABLED', false)) return null;
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  let tracesUrl: string;
  // As the specification says: the signal's own endpoint is used as given, the generic one gets the signal's path.
  if (tracesEndpoint) tracesUrl = otlpUrlFrom('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesEndpoint);
  else if (endpoint) tracesUrl = `${otlpUrlFrom('OTEL_EXPORTER_OTLP_ENDPOINT', endpoint).replace(/\/+$/, '')}/v1/traces`;
  else return null;
  const samplerRaw = (env.OTEL_TRACES_SAMPLER || 'parentbased_always_on').trim().toLowerCase();
  if (!(SAMPLERS as readonly string[]).includes(samplerRaw)) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${env.OTEL_TRACES_SAMPLER}"`);
  }
  const argRaw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  const ratio = argRaw ? Number(argRaw) : 1;
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1, got "${argRaw}"`);
  const parentBased = samplerRaw.startsWith('parentbased_');
  const root = samplerRaw.replace(/^parentbased_/, '') as TracingConfig['sampler']['root'];
  const serviceName = env.OTEL_SERVICE_NAME?.trim() || null;
  return { tracesUrl, serviceName, sampler: { root, parentBased, ratio } };
}

function plannedReadsFrom(env: NodeJS.ProcessEnv): boolean {
  const raw = env.PLANNED_READS || 'on';
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`PLANNED_READS must be on or off, got "${raw}"`);
  return raw === 'on';
}

function executorFrom(env: NodeJS.ProcessEnv): AppConfig['executor'] {
  const raw = env.GRAPHQL_EXECUTOR || 'compiled';
  if (raw !== 'compiled' && raw !== 'graphql-js') throw new ConfigError(`GRAPHQL_EXECUTOR must be compiled or graphql-js, got "${raw}"`);
  return raw;
}

function trustProxyFrom(raw: string | undefined): false | number | string {
  if (!raw || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') throw new ConfigError('TRUST_PROXY must be a hop count or addresses, not true (any client could then choose its address)');
  return raw;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function monthDayFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d{2})-(\d{2})$/.exec(raw);
  // A day every year has: 29 February is refused.
  const valid = match !== null && new Date(`2001-${raw}T00:00:00Z`).getUTCMonth() + 1 === Number(match[1]);
  if (!valid) throw new ConfigError(`${name} must be a day of the year as MM-DD (e.g. 03-01), got "${raw}"`);
  return raw;
}

/** IDE=on|off (true/false too); on by default outside production, refused in production (ruru is a devDependency). */
function ideFrom(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const raw = (env.IDE ?? '').toLowerCase();
  if (raw === '') return !production;
  const on = ['on', 'true', '1', 'yes'].includes(raw);
  if (!on && !['off', 'false', '0', 'no'].includes(raw)) throw new ConfigError(`IDE must be on or off, got "${env.IDE}"`);
  if (on && production) throw new ConfigError('IDE=on is refused in production: the GraphQL IDE is a development tool (its package is not installed there)');
  return on;
}

function persistedOperationsFrom(env: NodeJS.ProcessEnv): 'off' | 'machines' {
  const raw = env.PERSISTED_OPERATIONS || 'off';
  if (raw !== 'off' && raw !== 'machines') throw new ConfigError(`PERSISTED_OPERATIONS must be off or machines, got "${raw}"`);
  return raw;
}

/** Reads the configuration from the environment and refuses unsafe production settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    throw new ConfigError(`NODE_ENV must be development, test or production, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const production = nodeEnv === 'production';

  const publicKey = env.JWT_PUBLIC_KEY || undefined;
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  let secret = env.JWT_SECRET || undefined;
  if (production) {
    if (secret === DEV_JWT_SECRET) {
      throw new ConfigError('JWT_SECRET is the development default; production refuses it');
    }
    if (!publicKey && !jwksUrl && !secret) {
      throw new ConfigError('production needs JWT_PUBLIC_KEY or JWT_JWKS_URL (or a JWT_SECRET of its own)');
    }
    if (secret && secret.length < 32) {
      throw new ConfigError('JWT_SECRET must be at least 32 characters in production');
    }
  } else if (!publicKey && !jwksUrl && !secret) {
    secret = DEV_JWT_SECRET;
  }

  const port = intFrom(env, 'PORT', 4000);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an origin such as https://api.example.fr, got "${publicUrl}"`);
  const platformPem = env.PLATFORM_SIGNING_KEY ? env.PLATFORM_SIGNING_KEY.replace(/\\n/g, '\n') : undefined;
  if (production && platformPem && !env.PUBLIC_URL) {
    throw new ConfigError('PLATFORM_SIGNING_KEY needs PUBLIC_URL in production: it is the issuer of the tokens');
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/*]+$/.test(origin)) throw new ConfigError(`CORS_ORIGINS lists origins such as https://app.example.fr (no path, no wildcard), got "${origin}"`);
    if (production && !origin.startsWith('https://')) throw new ConfigError(`CORS_ORIGINS must be https origins in production, got "${origin}"`);
  }
  const retryWindowHours = intFrom(env, 'WEBHOOK_RETRY_WINDOW_HOURS', 24);
  if (production && retryWindowHours < 24) throw new ConfigError('WEBHOOK_RETRY_WINDOW_HOURS must be at least 24 in production');
  const webhooks: WebhookSettings = {
    production,
    timeoutMs: intFrom(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    retryBaseMs: intFrom(env, 'WEBHOOK_RETRY_BASE_MS', 5_000),
    maxBackoffMs: 60 * 60 * 1000,
    // Tests shorten the window below an hour with WEBHOOK_RETRY_WINDOW_MS; elsewhere it is counted in hours.
    retryWindowMs: env.WEBHOOK_RETRY_WINDOW_MS && !production ? intFrom(env, 'WEBHOOK_RETRY_WINDOW_MS', 0) : retryWindowHours * 60 * 60 * 1000,
  };
  const cursorSecret = env.CURSOR_SECRET || (production ? '' : DEV_CURSOR_SECRET);
  if (production && (cursorSecret.length < 32 || cursorSecret === DEV_CURSOR_SECRET)) {
    throw new ConfigError('production needs CURSOR_SECRET, at least 32 characters of its own (it seals the pagination cursors)');
  }
  const maxLifetimeSeconds = intFrom(env, 'JWT_MAX_LIFETIME', 12 * 3600);
  if (maxLifetimeSeconds < 300 || maxLifetimeSeconds > 7 * 86400) throw new ConfigError('JWT_MAX_LIFETIME must be 300 seconds to 7 days');
  const tokenTtlSeconds = intFrom(env, 'MACHINE_TOKEN_TTL', 600);
  if (tokenTtlSeconds > maxLifetimeSeconds) throw new ConfigError('MACHINE_TOKEN_TTL must not exceed JWT_MAX_LIFETIME');
  if (tokenTtlSeconds < 60 || tokenTtlSeconds > 900) throw new ConfigError('MACHINE_TOKEN_TTL must be 60 to 900 seconds');

  return {
    nodeEnv,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    embeddedDb: {
      dataDir: path.resolve(env.EMBEDDED_PG_DIR || path.join(process.cwd(), '.data', 'pg')),
      port: intFrom(env, 'EMBEDDED_PG_PORT', 54329),
    },
    jwt: {
      issuer: env.JWT_ISSUER || 'passerelle',
      audience: env.JWT_AUDIENCE || 'passerelle-api',
      secret,
      publicKey,
      jwksUrl,
      algorithm: env.JWT_ALGORITHM || 'RS256',
      devTokenTtl: env.DEV_TOKEN_TTL || '12h',
      maxLifetimeSeconds,
    },
    corsOrigins,
    persistedOperations: persistedOperationsFrom(env),
    introspection: boolFrom(env, 'INTROSPECTION', !production),
    ide: ideFrom(env, production),
    cursorSecret,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    rateLimits: {
      perAccountPerMinute: intFrom(env, 'RATE_LIMIT_PER_MINUTE', 1200),
      tokenRequestsPerMinute: intFrom(env, 'RATE_LIMIT_TOKEN_PER_MINUTE', 30),
    },
    metricsToken: env.METRICS_TOKEN || null,
    publicUrl,
    platformKey:
      platformPem || !production
        ? {
            pem: platformPem,
            // Development keeps the key it generated across restarts; tests hold theirs in memory.
            file: nodeEnv === 'development' ? path.resolve(env.PLATFORM_SIGNING_KEY_FILE || path.join(process.cwd(), '.data', 'platform-signing-key.pem')) : undefined,
            issuer: publicUrl,
            audience: env.JWT_AUDIENCE || 'passerelle-api',
            tokenTtlSeconds,
          }
        : null,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemoData: boolFrom(env, 'SEED_DEMO_DATA', !production),
    migrateOnStart: boolFrom(env, 'MIGRATE_ON_START', true),
    outcomes: { publicationDay: monthDayFrom(env, 'OUTCOMES_PUBLICATION_DAY', '03-01') },
    jobs: boolFrom(env, 'JOBS_ENABLED', true),
    workerConcurrency: intFrom(env, 'WORKER_CONCURRENCY', 4),
    databasePoolMax: Math.max(1, intFrom(env, 'DATABASE_POOL_MAX', 10)),
    shutdownDelayMs: intFrom(env, 'SHUTDOWN_DELAY_MS', 0),
    webhooks,
    executor: executorFrom(env),
    plannedReads: plannedReadsFrom(env),
    limits: {
      maxDepth: intFrom(env, 'GRAPHQL_MAX_DEPTH', 10),
      maxCost: intFrom(env, 'GRAPHQL_MAX_COST', 5000),
      maxAliases: intFrom(env, 'GRAPHQL_MAX_ALIASES', 15),
      maxTokens: intFrom(env, 'GRAPHQL_MAX_TOKENS', 2000),
    },
    tracing: tracingFrom(env),
  };
}
