/**
 * Benchmark of small writes: case notes written by concurrent clients over HTTP.
 *   npm run bench:writes [-- --clients 50 --duration 10 --persons 5000 --spread 500 --pool 20 --client-thread
 *                           --pg commit_delay=100 --profile writes.cpuprofile --sql]
 * Starts a scratch PostgreSQL with the demo data and a volume of `persons` persons, serves the
 * API in this process (one Node thread) as production does (NODE_ENV=production, its own
 * secrets, request logs at info to /dev/null), and has N clients each write case notes as fast
 * as answers come back, on the persons the association ts.relais38 follows with a full mandate:
 * at least `spread` of them (the script refuses fewer), taken in turn, so that no person's lock
 * (a write holds its person FOR SHARE) is what limits the rate. Every write runs the policy,
 * writes the note, its outbox event and its audit entry in one transaction. Prints writes a
 * second, p50/p99 latency, errors and the round trips to PostgreSQL per write, each a message that
 * may hold several statements (`--sql` prints those of one write). Figures depend on the machine: run it alone (`flock /tmp/passerelle-cpu.lock npm run bench:writes`).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import pino from 'pino';
import { Account } from '../src/accounts/account.entity';
import { signDevToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { mandateSubquery } from '../src/policy/mandate.repository';
import { createServer } from '../src/server/app';
import { seedVolume } from '../seeds/factories/bulk-volume';

const MUTATION = `mutation Note($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id } }`;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

interface WriteRequest {
  url: string;
  token: string;
  persons: string[];
  query: string;
}

/** One client request: a case note on one of the persons (self-contained: the client thread runs its source). */
async function writeNote(request: WriteRequest, index: number): Promise<{ errors?: unknown }> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
    body: JSON.stringify({
      query: request.query,
      variables: { input: { personId: request.persons[index % request.persons.length], domain: 'SOCIAL', text: `Entretien de suivi n° ${index}` } },
    }),
  });
  return (await response.json()) as { errors?: unknown };
}

/**
 * The clients in a worker thread (--client-thread), so that the server thread runs the server
 * only and its CPU per write is the server's: the clients are not on the server's core in
 * production. Says it is ready, waits for 'start', answers with the latencies.
 */
const CLIENT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { request, clients, duration, counts } = workerData;
const writeNote = eval('(' + workerData.writeNote + ')');
const times = [];
parentPort.once('message', async () => {
  const started = Date.now();
  let counter = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() - started < duration * 1000) {
      const t0 = process.hrtime.bigint();
      const body = await writeNote(request, counter++);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      Atomics.add(counts, body.errors ? 1 : 0, 1);
    }
  }));
  parentPort.postMessage(times);
});
parentPort.postMessage('ready');
`;

/** CPU time (ms) of this process's main thread (the server's), from Linux /proc; NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return ((utime + stime) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time (ms) of a PostgreSQL cluster so far: the postmaster, its reaped children and its live ones (Linux /proc). */
function clusterCpuMs(postmasterPid: number): number {
  const ticks = (pid: string, withChildren: boolean): { ppid: number; ticks: number } => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return { ppid: Number(fields[1]), ticks: utime + stime + (withChildren ? cutime + cstime : 0) };
  };
  let total = ticks(String(postmasterPid), true).ticks;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const child = ticks(pid, false);
      if (child.ppid === postmasterPid) total += child.ticks;
    } catch {
      // The process ended meanwhile.
    }
  }
  return (total * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The postmaster of the cluster behind `em`, or null when its CPU cannot be read here. */
async function postmasterPid(execute: (sql: string) => Promise<{ data_directory: string }[]>): Promise<number | null> {
  try {
    const [{ data_directory }] = await execute('show data_directory');
    const pid = Number(fs.readFileSync(`${data_directory}/postmaster.pid`, 'utf8').split('\n')[0]);
    clusterCpuMs(pid);
    return pid;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const clients = option('clients', 50);
  const duration = option('duration', 10);
  const volume = option('persons', 5000);
  const spread = option('spread', 500);
  const db = await startScratchDatabase('bench_writes');
  let roundTrips = 0;
  let shown: string[] | null = null;
  const orm = await initOrm(db.url, { onDriverWarning: () => undefined, poolMax: option('pool', 20) });
  // Round trips are counted where every message leaves, the `pg` client (knex's statements, the
  // prepared ones, the write door's pipelined messages), rather than with MikroORM's query
  // logging (`onQuery`), which formats every statement and costs the server what production does not pay.
  const send = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    roundTrips += 1;
    const [query] = args as [string | { text: string }];
    shown?.push(typeof query === 'string' ? query : query.text);
    return send.apply(this, args);
  } as typeof pg.Client.prototype.query;
  // Production settings; one account sends every write, so its rate limit (one counter row) is off.
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CURSOR_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  // The request log at info, written asynchronously as production writes it, to /dev/null (a collector would take it).
  const logger = pino({ level: config.logLevel, base: { service: 'passerelle' } }, pino.destination({ dest: '/dev/null', sync: false }));
  try {
    await migrate(orm);
    await loadDemoData(orm);
    // The volume gives the association its persons under a full mandate (the demo data set holds a dozen).
    await seedVolume(db.url, { persons: volume, referralsPerPerson: 3 });
    // --pg name=value (repeatable): a server setting of the scratch cluster, to compare settings.
    for (const [index, arg] of process.argv.entries()) {
      if (arg !== '--pg') continue;
      const [name, value] = process.argv[index + 1].split('=');
      await orm.em.getConnection().execute(`alter system set ${name} = '${value.replaceAll("'", "''")}'`);
      await orm.em.getConnection().execute('select pg_reload_conf()');
      console.log(`PostgreSQL ${name} = ${value}`);
    }
    const em = orm.em.fork();
    const account = await em.findOneOrFail(Account, { login: 'ts.relais38' }, { populate: ['structure'] });
    const mandates = mandateSubquery(account.structure.id);
    const persons = (
      await em.getConnection().execute<{ person_id: string }[]>(`select person_id from (${mandates.sql}) m where state = 'FULL'`, mandates.params)
    ).map((row) => row.person_id);
    if (persons.length < spread) {
      throw new Error(`the association follows ${persons.length} persons with a full mandate, fewer than --spread ${spread}: raise --persons`);
    }
    const server = await createServer({ config, orm, logger });
    const port = await server.listen(0, '127.0.0.1');
    const token = await signDevToken(config.jwt, account);
    const url = `http://127.0.0.1:${port}/graphql`;
    // Writes and errors so far, shared with the client thread when there is one.
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const done = () => Atomics.load(counts, 0) + Atomics.load(counts, 1);
    let times: number[] = [];
    const request = { url, token, persons, query: MUTATION };
    const write = async (index: number) => {
      const t0 = process.hrtime.bigint();
      const body = await writeNote(request, index);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      Atomics.add(counts, body.errors ? 1 : 0, 1);
    };
    // Warm-up, then the measured window.
    await Promise.all(Array.from({ length: clients }, (_, i) => write(i)));
    if (process.argv.includes('--sql')) {
      shown = [];
      await write(0);
      console.log(`The round trips of one write:\n${shown.join('\n--\n')}`);
      shown = null;
    }
    counts.fill(0);
    times.length = 0;
    const clientThread = process.argv.includes('--client-thread');
    const worker = clientThread
      ? new Worker(CLIENT_THREAD, { eval: true, workerData: { request, clients, duration, counts, writeNote: writeNote.toString() } })
      : null;
    if (worker) await new Promise((resolve) => worker.once('message', resolve));
    const profileTo = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : null;
    const session = profileTo ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const postmaster = await postmasterPid((sql) => em.getConnection().execute(sql));
    const walSyncs = async () =>
      Number((await em.getConnection().execute<{ wal_sync: string }[]>('select wal_sync from pg_stat_wal'))[0]?.wal_sync ?? NaN);
    const walSyncsBefore = await walSyncs();
    const roundTripsBefore = roundTrips;
    const pgCpuBefore = postmaster ? clusterCpuMs(postmaster) : NaN;
    const threadCpuBefore = mainThreadCpuMs();
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    // One-second windows: on a shared machine the best ones show what the code does when
    // the other tenants leave it the CPU, the median what it does among them.
    const windows: { writes: number; cpuMs: number }[] = [];
    let windowStart = { done: 0, cpu: process.cpuUsage(), thread: mainThreadCpuMs() };
    const windowTimer = setInterval(() => {
      const cpu = process.cpuUsage(windowStart.cpu);
      const thread = mainThreadCpuMs();
      const now = done();
      windows.push({ writes: now - windowStart.done, cpuMs: clientThread ? thread - windowStart.thread : (cpu.user + cpu.system) / 1000 });
      windowStart = { done: now, cpu: process.cpuUsage(), thread };
    }, 1000);
    if (worker) {
      worker.postMessage('start');
      times = await new Promise<number[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      await worker.terminate();
    } else {
      let counter = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() - started < duration * 1000) await write(counter++);
        }),
      );
    }
    clearInterval(windowTimer);
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const threadCpu = mainThreadCpuMs() - threadCpuBefore;
    const written = Atomics.load(counts, 0);
    const errors = Atomics.load(counts, 1);
    const pgCpu = postmaster ? clusterCpuMs(postmaster) - pgCpuBefore : NaN;
    const walSynced = (await walSyncs()) - walSyncsBefore;
    if (session && profileTo) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(profileTo, JSON.stringify(profile));
      session.disconnect();
    }
    times.sort((a, b) => a - b);
    console.log(
      `writeCaseNote over HTTP, ${clients} concurrent clients ${clientThread ? 'in a thread of their own' : 'in the server thread'} over ${persons.length} persons, ` +
        `${duration} s (node ${process.version}, ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`,
    );
    console.log(
      'writes/s   p50 ms   p99 ms   errors  round trips/write   node CPU ms/write (of which system)   server thread CPU ms/write   postgres CPU ms/write',
    );
    console.log(
      [
        (written / seconds).toFixed(1).padStart(8),
        percentile(times, 50).toFixed(1).padStart(8),
        percentile(times, 99).toFixed(1).padStart(8),
        String(errors).padStart(8),
        ((roundTrips - roundTripsBefore) / Math.max(1, written + errors)).toFixed(1).padStart(18),
        ((cpu.user + cpu.system) / 1000 / Math.max(1, written + errors)).toFixed(2).padStart(19),
        `(${(cpu.system / 1000 / Math.max(1, written + errors)).toFixed(2)})`.padStart(17),
        (threadCpu / Math.max(1, written + errors)).toFixed(2).padStart(28),
        (pgCpu / Math.max(1, written + errors)).toFixed(2).padStart(23),
      ].join(' '),
    );
    console.log(`WAL flushes (fsync) per write: ${(walSynced / Math.max(1, written)).toFixed(2)}`);
    const rates = windows.map((w) => w.writes).sort((a, b) => b - a);
    const costs = windows.filter((w) => w.writes > 0).map((w) => w.cpuMs / w.writes).sort((a, b) => a - b);
    console.log(
      `1-s windows (${windows.length}): writes/s best ${rates[0] ?? NaN}, median ${percentile(rates, 50)}; ` +
        `${clientThread ? 'server thread' : 'node'} CPU ms/write best ${costs[0]?.toFixed(2)}, median ${percentile(costs, 50)?.toFixed(2)}`,
    );
    await server.stop();
  } finally {
    await orm.close();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
