/**
 * One server of `npm run bench:peer`, in a process of its own so that its CPU time, its
 * memory and its profile are its own: `passerelle` (createServer, as main.ts serves it) or
 * `postgraphile` (PostGraphile v5, amber preset, over the same tables). Started by
 * scripts/bench-peer.ts with fork(); it answers that script's messages:
 *   { id, cmd: 'snap' }          CPU time (µs) and peak RSS since the previous snap
 *   { id, cmd: 'count-start' }   counts the SQL statements from now on
 *   { id, cmd: 'count-stop' }    ... and says how many
 *   { id, cmd: 'profile-start' } starts the V8 CPU profiler and the sampling heap profiler (inspector)
 *   { id, cmd: 'profile-stop', path } writes the CPU profile there, the allocations beside it (.heapprofile)
 *   { id, cmd: 'stop' }          closes everything and exits
 * Environment: BENCH_DATABASE_URL, BENCH_POOL, BENCH_JWT_SECRET, BENCH_LOG_LEVEL, BENCH_PEER_OUTPUT_AS_STRING (true: grafserv's outputDataAsString).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';

type Reply = Record<string, unknown>;
type Handler = (message: { cmd: string; path?: string }) => Promise<Reply>;

interface Running {
  port: number;
  countStart(): void;
  countStop(): number;
  stop(): Promise<void>;
}

/** PostGraphile v5 needs Promise.withResolvers, which Node 22 has and Node 20 lacks. */
function polyfillWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: unknown };
  if (typeof promise.withResolvers === 'function') return;
  promise.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const created = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}

async function startPasserelle(url: string, pool: number, secret: string, logLevel: string): Promise<Running> {
  const { initOrm } = await import('../../src/config/orm');
  const { loadConfig } = await import('../../src/config/env');
  const { createServer } = await import('../../src/server/app');
  const { createLogger } = await import('../../src/server/logger');
  let statements = 0;
  const orm = await initOrm(url, { poolMax: pool, onQuery: () => (statements += 1), onDriverWarning: () => undefined });
  // The query logger is switched on only while counting: it costs nothing the rest of the time.
  // Through the configuration: MikroORM re-applies its `debug` option to the logger on every
  // configuration change (a fork makes one), which undid a logger-only switch.
  orm.config.set('debug', false);
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: secret,
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    CURSOR_SECRET: 'bench-cursor-secret-0123456789-abcdefghij',
    // One account sends every request: its rate limit (one counter row) is off here.
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const server = await createServer({ config, orm, logger: createLogger(config.logLevel) });
  const port = await server.listen(0, '127.0.0.1');
  return {
    port,
    countStart: () => {
      statements = 0;
      orm.config.set('debug', ['query']);
    },
    countStop: () => {
      orm.config.set('debug', false);
      return statements;
    },
    stop: async () => {
      await server.stop();
      await orm.close();
    },
  };
}

async function startPostGraphile(url: string, poolSize: number): Promise<Running> {
  polyfillWithResolvers();
  const { Pool } = await import('pg');
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Subpath exports, which this project's "node" module resolution does not type: required.
  const { postgraphile } = require('postgraphile') as { postgraphile: (preset: unknown) => PostGraphileInstance };
  const { PostGraphileAmberPreset } = require('postgraphile/presets/amber') as { PostGraphileAmberPreset: unknown };
  const { makePgService } = require('postgraphile/adaptors/pg') as { makePgService: (options: unknown) => unknown };
  const { grafserv } = require('postgraphile/grafserv/node') as { grafserv: unknown };
  /* eslint-enable @typescript-eslint/no-require-imports */
  interface PostGraphileInstance {
    createServ(grafserv: unknown): { addTo(server: http.Server): Promise<void> };
    release(): Promise<void>;
  }
  const pool = new Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined);
  let statements = 0;
  let counting = false;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) statements += 1;
      return query(...args);
    };
  });
  // As PostGraphile runs in production (GRAPHILE_ENV and NODE_ENV are 'production' in this
  // process): the amber preset with every plugin, index behaviours included (orders and filters
  // on indexed columns only), no GraphiQL, no watch mode, no explain, no subscriptions.
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'], pubsub: false })],
    grafserv: {
      graphqlPath: '/graphql',
      graphiql: false,
      graphiqlOnGraphQLGET: false,
      watch: false,
      websockets: false,
      outputDataAsString: process.env.BENCH_PEER_OUTPUT_AS_STRING === 'true',
    },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  server.on('error', () => undefined);
  await serv.addTo(server);
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return {
    port,
    countStart: () => {
      statements = 0;
      counting = true;
    },
    countStop: () => {
      counting = false;
      return statements;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pgl.release();
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  const which = process.argv[2];
  const url = process.env.BENCH_DATABASE_URL!;
  const pool = Number(process.env.BENCH_POOL ?? 10);
  const running =
    which === 'passerelle'
      ? await startPasserelle(url, pool, process.env.BENCH_JWT_SECRET!, process.env.BENCH_LOG_LEVEL ?? 'info')
      : which === 'postgraphile'
        ? await startPostGraphile(url, pool)
        : null;
  if (!running) throw new Error(`unknown server ${which}`);

  let cpu = process.cpuUsage();
  // process.memoryUsage.rss() alone: the full memoryUsage() walks the heap spaces.
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  sampler.unref();
  let session: inspector.Session | null = null;
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

  const handle: Handler = async (message) => {
    switch (message.cmd) {
      case 'snap': {
        const used = process.cpuUsage(cpu);
        cpu = process.cpuUsage();
        const rss = Math.max(peakRss, process.memoryUsage.rss());
        peakRss = process.memoryUsage.rss();
        return { cpuUserUs: used.user, cpuSystemUs: used.system, peakRss: rss, heapUsed: process.memoryUsage().heapUsed };
      }
      case 'count-start':
        running.countStart();
        return {};
      case 'count-stop':
        return { statements: running.countStop() };
      case 'profile-start':
        session = new inspector.Session();
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
        await post('HeapProfiler.enable');
        // Every allocation sampled, garbage included: what the collector has to sweep.
        await post('HeapProfiler.startSampling', {
          samplingInterval: 32768,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        return {};
      case 'profile-stop': {
        const { profile } = await post<{ profile: unknown }>('Profiler.stop');
        fs.writeFileSync(message.path!, JSON.stringify(profile));
        const { profile: heap } = await post<{ profile: unknown }>('HeapProfiler.stopSampling');
        fs.writeFileSync(message.path!.replace(/\.cpuprofile$/, '.heapprofile'), JSON.stringify(heap));
        session?.disconnect();
        session = null;
        return { path: message.path };
      }
      case 'stop':
        await running.stop();
        setImmediate(() => process.exit(0));
        return {};
      default:
        throw new Error(`unknown command ${message.cmd}`);
    }
  };
  process.on('message', (message: { id: number; cmd: string; path?: string }) => {
    handle(message).then(
      (reply) => process.send!({ id: message.id, ok: true, ...reply }),
      (error: unknown) => process.send!({ id: message.id, ok: false, error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true, port: running.port, pid: process.pid });
}

main().catch((error: unknown) => {
  console.error(`bench-peer-server ${process.argv[2]}:`, error);
  process.exit(1);
});
