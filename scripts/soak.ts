/**
 * `npm run soak [-- --duration 600 --connections 20 --interval 30 --persons 5000]`
 *
 * The API under a long, steady, mixed load, watched for what short benchmarks miss: memory that
 * grows, latency that drifts, errors that appear after a while, connections that leak.
 * Builds dist/, starts a scratch PostgreSQL, loads the demo data and a volume of persons, and runs
 * `node dist/src/main.js` as production does (NODE_ENV=production, its own secrets, the worker in
 * the process, logs at info to /dev/null, as the application's role). `connections` keep-alive
 * clients each send their next request as soon as the previous one answered, for `duration`
 * seconds, a mix as partners use it, from five accounts of different roles:
 *   persons pages with identities and referrals (SPIP), the caseload, one person with timeline
 *   and case notes, referrals received (association, CSAPA, SIAO), the outcome report
 *   (evaluator), and one write in ten (a case note, audited, with its outbox event).
 * Every `interval` seconds it prints: requests a second, p50/p99 latency, errors, the server's
 * RSS and heap, and the PostgreSQL sessions; at the end, the RSS trend (last minute against
 * the first after warm-up) and the totals. The per-account rate limit is off (RATE_LIMIT_PER_MINUTE=0):
 * five accounts send everything here. Exits 1 when any request failed.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { signDevToken } from '../src/auth/tokens';
import { applicationUrl, EMBEDDED_APP_LOGIN } from '../src/config/database';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { freePort } from '../src/config/free-port';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { seedVolume } from '../seeds/factories/bulk-volume';
import { postGraphql } from './support/http-post';
import { MIX as SHARED_MIX, MIX_PERSONS_LOGIN, PASSERELLE_MIX, passerelleVariables } from './support/mix';

const ROOT = path.resolve(__dirname, '..');

interface Options {
  duration: number;
  connections: number;
  interval: number;
  persons: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 600, connections: 20, interval: 30, persons: 5000 };
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index].replace(/^--/, '');
    const value = Number(argv[index + 1]);
    if (!(name in options) || !Number.isFinite(value) || value <= 0) throw new Error(`unknown option or bad value: ${argv[index]} ${argv[index + 1] ?? ''}`);
    (options as unknown as Record<string, number>)[name] = value;
  }
  return options;
}

interface Operation {
  name: string;
  login: string;
  body: (state: State) => string;
}

interface State {
  personIds: string[];
  sequence: number;
}

/** The mix (scripts/support/mix.ts): weights by repetition (ten entries: one write in ten). */
const MIX: Operation[] = SHARED_MIX.map(({ name, login }) => ({
  name,
  login,
  body: (s: State) => JSON.stringify({ query: PASSERELLE_MIX[name], variables: passerelleVariables(name, s.personIds, s.sequence) }),
}));

function post(agent: http.Agent, port: number, token: string, body: string): Promise<{ status: number; text: string }> {
  return postGraphql(agent, port, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body);
}

/** Resident set and heap of a process, from /proc (MB). */
function memoryOf(pid: number): { rss: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { rss: kb / 1024 };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  const database = await startScratchDatabase('soak');
  let server: ChildProcess | null = null;
  try {
    const owner = await initOrm(database.url);
    const accounts = new Map<string, { id: string; login: string }>();
    let personIds: string[];
    try {
      await migrate(owner, { ...EMBEDDED_APP_LOGIN });
      await loadDemoData(owner);
      const volume = await seedVolume(database.url, { persons: options.persons, referralsPerPerson: 3 });
      console.log(`data: demo set + ${JSON.stringify(volume)}`);
      const connection = owner.em.getConnection();
      for (const row of await connection.execute<{ id: string; login: string }[]>(`select id, login from account where login in (${[...new Set(MIX.map((op) => op.login))].map(() => '?').join(', ')})`, [...new Set(MIX.map((op) => op.login))])) {
        accounts.set(row.login, row);
      }
      personIds = (
        await connection.execute<{ id: string }[]>(
          `select m.person_id as id from mandate m join account a on a.structure_id = m.structure_id where a.login = ? and m.state = 'FULL'`,
          [MIX_PERSONS_LOGIN],
        )
      ).map((row) => row.id);
    } finally {
      await owner.close();
    }
    if (personIds.length === 0) throw new Error(`${MIX_PERSONS_LOGIN} holds no person: the demo data set changed`);

    const secret = randomBytes(32).toString('hex');
    const jwt = loadConfig({ NODE_ENV: 'development', JWT_SECRET: secret }).jwt;
    const tokens = new Map<string, string>();
    for (const [login, account] of accounts) tokens.set(login, await signDevToken(jwt, account, '2h'));

    const port = await freePort();
    server = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: applicationUrl(database.url),
        DATABASE_OWNER_URL: database.url,
        JWT_SECRET: secret,
        CURSOR_SECRET: randomBytes(32).toString('hex'),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        RATE_LIMIT_PER_MINUTE: '0',
        SEED_DEMO_DATA: 'false',
      },
      // Logs are read until the server listens, then drained (as a collector would take them).
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await waitForLine(server, /Passerelle listening/, 120_000);
    const pid = server.pid!;
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    console.log(
      `soak: ${options.connections} connections for ${options.duration} s, report every ${options.interval} s; server pid ${pid}, ` +
        `${personIds.length} persons of cpip.grenoble; ready after ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    console.log('   t(s)   req/s    p50(ms)  p99(ms)  errors  rss(MB)  pg sessions  by operation (req)');

    const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
    const state: State = { personIds, sequence: 0 };
    let window: number[] = [];
    let windowErrors = 0;
    let windowCounts: Record<string, number> = {};
    const totals = { requests: 0, errors: 0, firstError: '' };
    const byOperation = new Map<string, number[]>();
    const rssSeries: { t: number; rss: number }[] = [];
    const t0 = performance.now();
    const deadline = t0 + options.duration * 1000;
    let lastReport = t0;

    const report = async () => {
      const now = performance.now();
      const sorted = window.sort((a, b) => a - b);
      const { rss } = memoryOf(pid);
      const sessions = (await pg.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = 'soak' and pid <> pg_backend_pid()`)).rows[0].n;
      const t = (now - t0) / 1000;
      rssSeries.push({ t, rss });
      console.log(
        `${t.toFixed(0).padStart(7)} ${(sorted.length / ((now - lastReport) / 1000)).toFixed(1).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(10)} ` +
          `${percentile(sorted, 99).toFixed(1).padStart(8)} ${String(windowErrors).padStart(7)} ${rss.toFixed(0).padStart(8)} ${String(sessions).padStart(12)}  ` +
          Object.entries(windowCounts).map(([name, count]) => `${name} ${count}`).join(', '),
      );
      window = [];
      windowErrors = 0;
      windowCounts = {};
      lastReport = now;
    };
    const ticker = setInterval(() => void report(), options.interval * 1000);

    const client = async () => {
      while (performance.now() < deadline) {
        const sequence = state.sequence++;
        const operation = MIX[sequence % MIX.length];
        const started_ = performance.now();
        try {
          const { status, text } = await post(agent, port, tokens.get(operation.login)!, operation.body({ ...state, sequence }));
          if (status !== 200 || text.includes('"errors"')) {
            windowErrors += 1;
            totals.errors += 1;
            totals.firstError ||= `${operation.name}: ${status} ${text.slice(0, 300)}`;
          } else {
            const latency = performance.now() - started_;
            window.push(latency);
            if (!byOperation.has(operation.name)) byOperation.set(operation.name, []);
            byOperation.get(operation.name)!.push(latency);
            windowCounts[operation.name] = (windowCounts[operation.name] ?? 0) + 1;
            totals.requests += 1;
          }
        } catch (error) {
          windowErrors += 1;
          totals.errors += 1;
          totals.firstError ||= `${operation.name}: ${String(error)}`;
        }
      }
    };
    await Promise.all(Array.from({ length: options.connections }, client));
    clearInterval(ticker);
    if (performance.now() - lastReport > 1000) await report();
    agent.destroy();
    await pg.end();

    // The trend: the first minute after warm-up against the last minute.
    const warm = rssSeries.filter((point) => point.t >= Math.min(60, options.duration / 4));
    const first = warm.slice(0, Math.max(1, Math.round(60 / options.interval)));
    const last = warm.slice(-Math.max(1, Math.round(60 / options.interval)));
    const mean = (points: { rss: number }[]) => points.reduce((sum, point) => sum + point.rss, 0) / Math.max(1, points.length);
    const elapsed = (performance.now() - t0) / 1000;
    console.log(
      `\ntotal: ${totals.requests} requests in ${elapsed.toFixed(0)} s (${(totals.requests / elapsed).toFixed(1)} req/s), ${totals.errors} errors; ` +
        `RSS after warm-up ${mean(first).toFixed(0)} MB, at the end ${mean(last).toFixed(0)} MB (${(mean(last) - mean(first) >= 0 ? '+' : '')}${(mean(last) - mean(first)).toFixed(0)} MB), ` +
        `peak ${Math.max(...rssSeries.map((point) => point.rss)).toFixed(0)} MB`,
    );
    for (const [name, latencies] of byOperation) {
      const sorted = latencies.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(10)} ${String(sorted.length).padStart(7)} requests  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms`);
    }
    if (totals.errors > 0) {
      console.log(`first error: ${totals.firstError}`);
      process.exitCode = 1;
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
