import { timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { BEARER_CHALLENGE } from '../shared/errors';
import type { Logger } from 'pino';

/** The knex pool (tarn) behind MikroORM, as far as the gauges read it. */
interface PoolCounts {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * Prometheus metrics (prom-client): GraphQL requests by operation type, root field and error code,
 * their latency, HTTP requests by route and status, the database pool, the outbox's lag and the
 * webhook deliveries by status, and Node's own (memory, event loop, GC). Labels come from the
 * schema and the routes only, never from what a client names (operation names are free text).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly graphqlRequests: Counter<'type' | 'field' | 'code'>;
  private readonly graphqlDuration: Histogram<'type' | 'field'>;
  private readonly httpRequests: Counter<'route' | 'method' | 'status'>;

  constructor(orm: MikroORM, log: Logger) {
    collectDefaultMetrics({ register: this.registry, prefix: 'passerelle_' });
    this.graphqlRequests = new Counter({
      name: 'passerelle_graphql_requests_total',
      help: 'GraphQL requests by operation type, first root field and first error code (OK without error).',
      labelNames: ['type', 'field', 'code'],
      registers: [this.registry],
    });
    this.graphqlDuration = new Histogram({
      name: 'passerelle_graphql_request_duration_seconds',
      help: 'Time from the request to the response, by operation type and first root field.',
      labelNames: ['type', 'field'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpRequests = new Counter({
      name: 'passerelle_http_requests_total',
      help: 'HTTP requests by route, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers: [this.registry],
    });
    const pool = () => (orm.em.getConnection().getKnex().client as { pool?: PoolCounts }).pool;
    new Gauge({
      name: 'passerelle_db_pool_connections',
      help: 'Database connections of the pool, by state (used, free, pending acquisitions).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const counts = pool();
        if (!counts) return;
        this.set({ state: 'used' }, counts.numUsed());
        this.set({ state: 'free' }, counts.numFree());
        this.set({ state: 'pending' }, counts.numPendingAcquires());
      },
    });
    // Read from the database every node shares, at most every 15 s whatever the scrapes.
    const cached = <T>(read: () => Promise<T>) => {
      let at = 0;
      let value: Promise<T> | null = null;
      return () => {
        if (!value || Date.now() - at > 15_000) {
          at = Date.now();
          value = read();
        }
        return value;
      };
    };
    const outboxLag = cached(async () => {
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<{ lag: number | null }[]>(`select extract(epoch from now() - min(occurred_at))::float8 as lag from outbox_event where published_at is null`);
      return row?.lag ?? 0;
    });
    const deliveries = cached(() =>
      orm.em.fork().getConnection().execute<{ status: string; count: number }[]>(`select status, count(*)::int as count from webhook_delivery group by status`),
    );
    new Gauge({
      name: 'passerelle_outbox_lag_seconds',
      help: 'Age of the oldest event not yet handed to the webhook relay (0 when none waits).',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await outboxLag());
        } catch (error) {
          log.warn({ err: error }, 'metrics: outbox lag unavailable');
        }
      },
    });
    new Gauge({
      name: 'passerelle_webhook_deliveries',
      help: 'Webhook deliveries by status (PENDING waits or retries, FAILED gave up).',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        try {
          const rows = await deliveries();
          this.reset();
          for (const row of rows) this.set({ status: row.status }, row.count);
        } catch (error) {
          log.warn({ err: error }, 'metrics: webhook deliveries unavailable');
        }
      },
    });
  }

  /** One GraphQL request answered. */
  graphqlRequest(type: string, field: string, code: string, seconds: number): void {
    this.graphqlRequests.inc({ type, field, code });
    this.graphqlDuration.observe({ type, field }, seconds);
  }

  /** Counts every HTTP request when it ends, by the route that matched (never the raw path). */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      res.on('finish', () => {
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || 'unmatched';
        this.httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** GET /metrics: the Prometheus text format; with a token configured, only to its bearer. */
  handler(token: string | null) {
    const expected = token ? Buffer.from(`Bearer ${token}`) : null;
    return async (req: Request, res: Response): Promise<void> => {
      if (expected) {
        const given = Buffer.from(req.header('authorization') ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.setHeader('www-authenticate', BEARER_CHALLENGE);
          res.status(401).json({ errors: [{ message: 'The metrics need their bearer token', extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
      }
      res.setHeader('content-type', this.registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(await this.registry.metrics());
    };
  }
}
