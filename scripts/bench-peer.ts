/**
 * Passerelle against PostGraphile v5 over one database, each at its best:
 *   npm run bench:peer [-- --persons 20000 --duration 10 --connections 20 --rounds 3 --warmup 5 --pool 10
 *                          --mix --peer-order index|pk --peer-output-as-string --profile DIR --pg-stats
 *                          --node-options "--max-semi-space-size=64" --log-level info]
 * Builds dist/ (as `npm start` does), starts a scratch PostgreSQL, loads the demo data and the
 * volume data set, creates what the peer's plans need (scripts/peer/documents.ts: two indexes
 * and a SQL function, named peer_*), and serves the same tables twice, each server compiled, in a
 * child process of its own, with a pool of the same size, NODE_ENV=production:
 * - PostGraphile: the amber preset over the public schema as it is, index behaviours on (it
 *   orders and filters by indexed columns only), GRAPHILE_ENV=production, no GraphiQL, no
 *   watch, no explain, no subscriptions; no policy.
 * - Passerelle: createServer as main.ts serves it, with its token check, mandates, field and
 *   record policy and read audit, logging at info to /dev/null as in production.
 *
 * Without --mix, the persons page: 50 persons of the volume SPIP holding most persons, with
 * their names, their referrals and the receiving structures' names, in registration order on
 * both (the peer through peer_person_spip_page_index; `--peer-order pk`: by its primary key).
 * Both answers are checked equal once. With --mix, the six operations of `npm run soak`
 * (scripts/support/mix.ts) and the peer's documents for them: each operation alone, then the
 * mix, with the same weights (one write in ten) and the same accounts as soak.
 *
 * The protocol: the servers that answered the checks are stopped, both are started afresh and
 * each takes the load at once for `duration` seconds (the first seconds after a start, against
 * the steady state measured later); then a warm-up of `warmup` seconds each, and `rounds`
 * alternations of `duration` seconds per server (Passerelle first in odd rounds, PostGraphile
 * first in even ones), `connections` keep-alive connections each sending its next request as
 * soon as the previous answer came. Figures are the median of the rounds; a goal holds when it
 * is reached in two rounds out of three. Prints requests a second, p50 and p99 latencies, errors,
 * the Node CPU time and the PostgreSQL CPU time per request, the peak RSS of each server, SQL
 * statements per request, and the ratios. With --profile DIR, the V8 CPU profile and a sampling
 * heap profile of each server over the measured rounds are written to DIR and summed up. Figures
 * depend on the machine: run it alone (`flock /tmp/passerelle-cpu.lock npm run bench:peer`).
 */
import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/auth/role';
import { signDevToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { groupingOf } from '../src/outcomes/outcome-publication.service';
import { seedVolume } from '../seeds/factories/bulk-volume';
import { PEER_MIX, PEER_PAGE, PEER_PAGE_BY_PRIMARY_KEY, PEER_SETUP_SQL } from './peer/documents';
import { postGraphql } from './support/http-post';
import { MIX, MIX_OPERATIONS, MIX_PERSONS_LOGIN, type MixOperation, PASSERELLE_MIX, noteText, passerelleVariables, pick } from './support/mix';

interface Options {
  persons: number;
  duration: number;
  connections: number;
  rounds: number;
  warmup: number;
  pool: number;
  page: number;
  /** The six operations of soak, alone and mixed, instead of the persons page. */
  mix: boolean;
  /** The peer's page order: registration order through an index created for it, or its primary key. */
  peerOrder: 'index' | 'pk';
  /** Grafserv's outputDataAsString (answers partly stringified by Grafast): off by default, as in PostGraphile. */
  peerOutputAsString: boolean;
  profile: string | null;
  /** Prints, per server, where PostgreSQL spent its time (pg_stat_statements). */
  pgStats: boolean;
  logLevel: string;
  /** V8/Node flags for both servers (e.g. --max-semi-space-size=64). */
  nodeOptions: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    persons: 20000,
    duration: 10,
    connections: 20,
    rounds: 3,
    warmup: 5,
    pool: 10,
    page: 50,
    mix: false,
    peerOrder: 'index',
    peerOutputAsString: false,
    profile: null,
    pgStats: false,
    logLevel: 'info',
    nodeOptions: [],
  };
  const flags: Record<string, keyof Options> = { 'pg-stats': 'pgStats', mix: 'mix', 'peer-output-as-string': 'peerOutputAsString' };
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index].replace(/^--/, '');
    if (name in flags) {
      (options as unknown as Record<string, boolean>)[flags[name]] = true;
      continue;
    }
    const value = argv[index + 1];
    index += 1;
    if (name === 'profile') options.profile = path.resolve(value);
    else if (name === 'log-level') options.logLevel = value;
    else if (name === 'node-options') options.nodeOptions = value.split(/\s+/).filter(Boolean);
    else if (name === 'peer-order' && (value === 'index' || value === 'pk')) options.peerOrder = value;
    else if (name in options && typeof (options as unknown as Record<string, unknown>)[name] === 'number' && Number.isFinite(Number(value)) && Number(value) > 0) {
      (options as unknown as Record<string, number>)[name] = Number(value);
    } else {
      throw new Error(`unknown option or bad value: --${name} ${value ?? ''}`.trim());
    }
  }
  return options;
}

const PASSERELLE_PAGE = `query PersonsPage($first: Int) { persons(first: $first) { edges { node {
  id pseudonym identity { firstName lastName } referrals { id status toStructure { name } } } } } }`;

const PASSERELLE = 'Passerelle';
const POSTGRAPHILE = 'PostGraphile';
type ServerName = typeof PASSERELLE | typeof POSTGRAPHILE;

interface Server {
  name: ServerName;
  child: ChildProcess;
  port: number;
  call(cmd: string, extra?: object): Promise<Record<string, number | string>>;
}

/** One request of a load: the operation it belongs to, its headers and its body. */
interface Request {
  op: string;
  headers: Record<string, string>;
  body: string;
}

/** What a server is sent: request after request (the sequence numbers every request of a run). */
type Workload = (sequence: number) => Request;

const ROOT = path.resolve(__dirname, '..');
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Compiles to dist/ as `npm start` does: the servers run compiled, without ts-node in their memory. */
function build(): void {
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  console.log(`(built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Forks one server (compiled), in production mode, and waits for its port. */
function startServer(name: ServerName, env: Record<string, string>, execArgv: string[]): Promise<Server> {
  const child = fork(path.join(ROOT, 'dist', 'scripts', 'support', 'bench-peer-server.js'), [name.toLowerCase()], {
    execArgv,
    env: { ...process.env, ...env, NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
    // Logs go to /dev/null, as a collector would take them; errors show.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let next = 0;
  const pending = new Map<number, { resolve: (reply: Record<string, number | string>) => void; reject: (error: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    child.on('message', (message: { ready?: boolean; port?: number; id?: number; ok?: boolean; error?: string }) => {
      if (message.ready) {
        resolve({
          name,
          child,
          port: message.port!,
          call: (cmd, extra = {}) =>
            new Promise((res, rej) => {
              const id = ++next;
              pending.set(id, { resolve: res, reject: rej });
              child.send({ id, cmd, ...extra });
            }),
        });
        return;
      }
      const waiting = pending.get(message.id!);
      pending.delete(message.id!);
      if (message.ok) waiting?.resolve(message as unknown as Record<string, number | string>);
      else waiting?.reject(new Error(`${name}: ${message.error}`));
    });
  });
}

async function stopServers(servers: Server[]): Promise<void> {
  await Promise.all(servers.map((server) => server.call('stop').catch(() => undefined)));
  await Promise.all(servers.map((server) => (server.child.exitCode === null ? new Promise((resolve) => server.child.once('exit', resolve)) : undefined)));
}

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** Latencies of the answered requests, by operation. */
  byOp: Map<string, number[]>;
  /** Requests answered in each second of the run. */
  perSecond: number[];
  firstError?: string;
}

/** Numbers the requests of every run, so that writes and persons keep turning over from run to run. */
let sequence = 0;

/** `connections` keep-alive connections, each sending its next request when the previous answer came. */
async function load(server: Server, workload: Workload, connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const byOp = new Map<string, number[]>();
  const perSecond: number[] = Array.from({ length: Math.ceil(seconds) }, () => 0);
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = workload(sequence++);
      const t0 = performance.now();
      try {
        const { status, text } = await postGraphql(agent, server.port, request.headers, request.body);
        if (status !== 200 || text.includes('"errors"')) {
          errors += 1;
          firstError ??= `${request.op}: ${status} ${text.slice(0, 300)}`;
        } else {
          const now = performance.now();
          latencies.push(now - t0);
          if (!byOp.has(request.op)) byOp.set(request.op, []);
          byOp.get(request.op)!.push(now - t0);
          const second = Math.floor((now - started) / 1000);
          if (second < perSecond.length) perSecond[second] += 1;
        }
      } catch (error) {
        errors += 1;
        firstError ??= `${request.op}: ${String(error)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, seconds: elapsed, latencies, byOp, perSecond, firstError };
}

interface Measured extends LoadResult {
  cpuUs: number;
  /** Of which in the kernel (system calls: sockets, mostly). */
  systemUs: number;
  pgTicks: number;
  peakRss: number;
}

const rateOf = (result: { requests: number; seconds: number }) => result.requests / result.seconds;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const sorted = sortedCopy(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

interface PersonRow {
  id: string;
  pseudonym: string;
  name: string | null;
  referrals: string[];
}

/** Both answers of the page as the same plain rows, to compare them. */
function rowsOf(name: ServerName, text: string): PersonRow[] {
  const body = JSON.parse(text) as { data?: Record<string, { edges: { node: Record<string, unknown> }[] }>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${name} answered with errors: ${text.slice(0, 500)}`);
  if (name === PASSERELLE) {
    return body.data.persons.edges.map(({ node }) => {
      const n = node as unknown as { id: string; pseudonym: string; identity: { firstName: string; lastName: string } | null; referrals: { id: string; status: string; toStructure: { name: string } }[] };
      return {
        id: n.id,
        pseudonym: n.pseudonym,
        name: n.identity ? `${n.identity.firstName} ${n.identity.lastName}` : null,
        referrals: n.referrals.map((r) => `${r.id} ${r.status} ${r.toStructure.name}`),
      };
    });
  }
  return body.data.allPeople.edges.map(({ node }) => {
    const n = node as unknown as {
      rowId: string;
      pseudonym: string;
      personIdentityByPersonId: { firstName: string; lastName: string } | null;
      referralsByPersonId: { nodes: { rowId: string; status: string; structureByToStructureId: { name: string } }[] };
    };
    const identity = n.personIdentityByPersonId;
    return {
      id: n.rowId,
      pseudonym: n.pseudonym,
      name: identity ? `${identity.firstName} ${identity.lastName}` : null,
      referrals: n.referralsByPersonId.nodes.map((r) => `${r.rowId} ${r.status} ${r.structureByToStructureId.name}`),
    };
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

/** What one answer of an operation of the mix holds, to set both servers' answers side by side. */
function contentsOf(op: MixOperation, name: ServerName, answer: Answer): { rows: number; detail: string; key?: string } {
  const data = answer.data;
  if (name === PASSERELLE) {
    switch (op) {
      case 'persons':
        return { rows: data.persons.edges.length, detail: `of ${data.persons.totalCount}` };
      case 'caseload':
        return {
          rows: data.myCaseload.edges.length,
          detail: '',
          key: JSON.stringify(data.myCaseload.edges.map((e: Answer) => [e.node.person.id, [...e.node.flags].sort()])),
        };
      case 'person':
        return { rows: 1 + data.person.caseNotes.length + data.person.timeline.edges.length, detail: `${data.person.caseNotes.length} notes, ${data.person.timeline.edges.length} timeline entries` };
      case 'referrals':
        return { rows: data.referrals.length, detail: '' };
      case 'outcomes':
        return { rows: data.programOutcomes.rows.length, detail: '' };
      case 'write':
        return { rows: 1, detail: '' };
    }
  }
  switch (op) {
    case 'persons':
      return { rows: data.allPeople.edges.length, detail: `of ${data.allPeople.totalCount}` };
    case 'caseload':
      return {
        rows: data.peerCaseload.nodes.length,
        detail: '',
        key: JSON.stringify(data.peerCaseload.nodes.map((n: Answer) => [n.personId, [...n.flags].sort()])),
      };
    case 'person': {
      const notes = data.personByRowId.caseNotesByPersonId.nodes.length;
      const timeline = data.allTimelineEntries.edges.length;
      return { rows: 1 + notes + timeline, detail: `${notes} notes, ${timeline} timeline entries` };
    }
    case 'referrals':
      return { rows: data.received.nodes.length + data.sent.nodes.length, detail: `${data.received.nodes.length} received, ${data.sent.nodes.length} sent` };
    case 'outcomes':
      return { rows: data.allOutcomePublishedCells.nodes.length, detail: `${data.allOutcomePublications.nodes.length} published years` };
    case 'write':
      return { rows: 1, detail: '' };
  }
}

/** The same page for either server, every request alike. */
function pageWorkload(body: string, headers: Record<string, string>): Workload {
  const request = { op: 'page', headers, body };
  return () => request;
}

/** The accounts the mix sends its requests as, with their structures. */
interface MixAccount {
  id: string;
  login: string;
  structureId: string;
  token: string;
}

interface MixSetup {
  accounts: Map<string, MixAccount>;
  /** The persons of MIX_PERSONS_LOGIN under a full mandate (person and write). */
  personIds: string[];
  /** Referrals the peer lists for each account: as many received and sent as Passerelle shows it. */
  referralCounts: Map<string, { received: number; sent: number }>;
  grouping: number;
}

/** The mix for one server, or one operation of it (`only`), as soak sends it. */
function mixWorkload(name: ServerName, setup: MixSetup, only?: MixOperation): Workload {
  const entries = only ? MIX.filter((entry) => entry.name === only) : MIX;
  return (n) => {
    const entry = entries[n % entries.length];
    const account = setup.accounts.get(entry.login)!;
    if (name === PASSERELLE) {
      return {
        op: entry.name,
        headers: { ...JSON_HEADERS, authorization: `Bearer ${account.token}` },
        body: JSON.stringify({ query: PASSERELLE_MIX[entry.name], variables: passerelleVariables(entry.name, setup.personIds, n) }),
      };
    }
    return { op: entry.name, headers: JSON_HEADERS, body: JSON.stringify({ query: PEER_MIX[entry.name], variables: peerVariables(entry.name, account, setup, n) }) };
  };
}

/** The peer's variables of one request of the mix: what Passerelle takes from the token, given. */
function peerVariables(op: MixOperation, account: MixAccount, setup: MixSetup, n: number): Record<string, unknown> {
  switch (op) {
    case 'persons':
      return { spip: account.structureId };
    case 'caseload':
      return { structure: account.structureId };
    case 'person':
      return { id: pick(setup.personIds, n) };
    case 'referrals':
      return { structure: account.structureId, ...setup.referralCounts.get(account.login)! };
    case 'outcomes':
      return { grouping: setup.grouping };
    case 'write':
      return {
        input: {
          caseNote: { personId: pick(setup.personIds, n), domain: 'JUDICIAL', authorStructureId: account.structureId, authorAccountId: account.id, text: noteText(n) },
        },
      };
  }
}

/** CPU ticks (1/100 s) of a PostgreSQL cluster: the postmaster, its live children, its reaped ones. */
function clusterCpuTicks(postmasterPid: number): number {
  const fields = (pid: string) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  // After the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
  const own = fields(String(postmasterPid));
  let ticks = own ? Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]) : 0;
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const stat = fields(pid);
    if (stat && Number(stat[1]) === postmasterPid) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return ticks;
}

interface Summary {
  /** Median of the rounds' requests a second. */
  rate: number;
  rates: number[];
  p50: number;
  p99: number;
  p99s: number[];
  errors: number;
  cpuMsPerRequest: number;
  systemMsPerRequest: number;
  pgMsPerRequest: number;
  peakRssMb: number;
  /** By operation: the median of the rounds' requests a second, and latencies over all rounds. */
  byOp: Map<string, { rate: number; p50: number; p99: number }>;
  firstError?: string;
}

function summarise(runs: Measured[]): Summary {
  const latencies = sortedCopy(runs.flatMap((run) => run.latencies));
  const served = Math.max(1, runs.reduce((sum, run) => sum + run.requests + run.errors, 0));
  const ops = new Set(runs.flatMap((run) => [...run.byOp.keys()]));
  const byOp = new Map<string, { rate: number; p50: number; p99: number }>();
  for (const op of ops) {
    const opLatencies = sortedCopy(runs.flatMap((run) => run.byOp.get(op) ?? []));
    byOp.set(op, { rate: median(runs.map((run) => (run.byOp.get(op)?.length ?? 0) / run.seconds)), p50: percentile(opLatencies, 50), p99: percentile(opLatencies, 99) });
  }
  return {
    rate: median(runs.map(rateOf)),
    rates: runs.map(rateOf),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    p99s: runs.map((run) => percentile(sortedCopy(run.latencies), 99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    cpuMsPerRequest: runs.reduce((sum, run) => sum + run.cpuUs, 0) / 1000 / served,
    systemMsPerRequest: runs.reduce((sum, run) => sum + run.systemUs, 0) / 1000 / served,
    pgMsPerRequest: (runs.reduce((sum, run) => sum + run.pgTicks, 0) * 10) / served,
    peakRssMb: Math.max(...runs.map((run) => run.peakRss)) / 1048576,
    byOp,
    firstError: runs.find((run) => run.firstError)?.firstError,
  };
}

/** The ratio of each round (Passerelle's rate over PostGraphile's in the same round). */
const roundRatios = (runs: Map<ServerName, Measured[]>) => runs.get(PASSERELLE)!.map((run, round) => rateOf(run) / rateOf(runs.get(POSTGRAPHILE)![round]));

/** "held" when at least two rounds in three (a majority of the rounds) reach the goal. */
function goal(reached: boolean[]): string {
  const count = reached.filter(Boolean).length;
  return `${count} of ${reached.length} rounds: ${count * 3 >= reached.length * 2 ? 'HELD' : 'NOT HELD'}`;
}

function serverTable(title: string, summaries: Map<ServerName, Summary>, statements: Map<ServerName, number>, statementsLabel: string): void {
  console.log('');
  console.log(title);
  console.log(`server          req/s   p50 ms   p99 ms  errors  node CPU ms/req  PG CPU ms/req  peak RSS MB${statementsLabel ? `  ${statementsLabel}` : ''}`);
  for (const [name, sum] of summaries) {
    console.log(
      [
        name.padEnd(12),
        fixed(sum.rate).padStart(8),
        fixed(sum.p50).padStart(8),
        fixed(sum.p99).padStart(8),
        String(sum.errors).padStart(7),
        fixed(sum.cpuMsPerRequest, 2).padStart(16),
        fixed(sum.pgMsPerRequest, 2).padStart(14),
        fixed(sum.peakRssMb, 0).padStart(12),
        statementsLabel ? String(statements.get(name) ?? '-').padStart(statementsLabel.length + 1) : '',
      ]
        .join(' ')
        .trimEnd(),
    );
    if (sum.firstError) console.log(`  first error of ${name}: ${sum.firstError}`);
  }
  console.log(
    `node CPU in the kernel (system calls) ms/req: ${[...summaries].map(([name, sum]) => `${name} ${fixed(sum.systemMsPerRequest, 2)}`).join(', ')}; ` +
      `req/s is the median of the rounds (by round: ${[...summaries].map(([name, sum]) => `${name} ${sum.rates.map((rate) => fixed(rate)).join(', ')}`).join('; ')}), latencies over all rounds`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  build();
  const db = await startScratchDatabase(
    'bench_peer',
    options.pgStats ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : {},
  );
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, LOG_LEVEL: 'silent', CURSOR_SECRET: 'bench-cursor-secret-0123456789-abcdefghij', RATE_LIMIT_PER_MINUTE: '0' });
  let servers: Server[] = [];
  const admin = new Client({ connectionString: db.url });
  try {
    const orm = await initOrm(db.url, { onDriverWarning: () => undefined });
    let spip: { id: string; name: string; persons: number; registrations: number };
    let account: { id: string; login: string };
    const mixAccounts: Omit<MixAccount, 'token'>[] = [];
    let personIds: string[] = [];
    try {
      const started = Date.now();
      await migrate(orm);
      await loadDemoData(orm);
      await seedVolume(db.url, { persons: options.persons, referralsPerPerson: 3 });
      const connection = orm.em.getConnection();
      // What the peer's plans need (its indexes, its caseload function), before it introspects the schema.
      for (const sql of PEER_SETUP_SQL) await connection.execute(sql);
      await connection.execute('analyze');
      [spip] = await connection.execute<{ id: string; name: string; persons: number; registrations: number }[]>(
        `select s.id, s.name, count(*)::int as persons, count(distinct p.created_at)::int as registrations
         from person p join structure s on s.id = p.spip_id
         where s.name like 'SPIP (volume) %'
         group by s.id, s.name order by count(*) desc, s.name limit 1`,
      );
      const officers = await connection.execute<{ id: string; login: string }[]>(
        `select id, login from account where structure_id = ? and role = ? and not disabled order by login limit 1`,
        [spip.id, Role.PROBATION_OFFICER],
      );
      account =
        officers[0] ??
        (
          await connection.execute<{ id: string; login: string }[]>(
            `insert into account (login, display_name, structure_id, role) values ('bench.cpip', 'Bench CPIP', ?, ?) returning id, login`,
            [spip.id, Role.PROBATION_OFFICER],
          )
        )[0];
      if (options.mix) {
        const logins = [...new Set(MIX.map((entry) => entry.login))];
        mixAccounts.push(
          ...(await connection.execute<{ id: string; login: string; structureId: string }[]>(
            `select id, login, structure_id as "structureId" from account where login = any(?::text[]) order by login`,
            [`{${logins.join(',')}}`],
          )),
        );
        if (mixAccounts.length !== logins.length) throw new Error(`the demo data set lacks an account of the mix (${logins.join(', ')})`);
        personIds = (
          await connection.execute<{ id: string }[]>(
            `select m.person_id as id from mandate m join account a on a.structure_id = m.structure_id
             where a.login = ? and m.state = 'FULL' order by m.person_id`,
            [MIX_PERSONS_LOGIN],
          )
        ).map((row) => row.id);
        if (personIds.length === 0) throw new Error(`${MIX_PERSONS_LOGIN} holds no person: the demo data set changed`);
      }
      const [counts] = await connection.execute<{ persons: number; referrals: number }[]>(
        `select (select count(*)::int from person) as persons, (select count(*)::int from referral) as referrals`,
      );
      console.log(
        `Database: demo data + volume of ${options.persons} persons (${counts.persons} persons, ${counts.referrals} referrals in all), loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await orm.close();
    }
    await admin.connect();
    const [{ data_directory: dataDirectory }] = (await admin.query<{ data_directory: string }>('show data_directory')).rows;
    const postmasterPid = Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const peerVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string }).version;
    console.log(
      `PostGraphile ${peerVersion}: amber preset, index behaviours on, GRAPHILE_ENV=NODE_ENV=production, no GraphiQL, watch, explain or subscriptions` +
        `${options.peerOutputAsString ? ', outputDataAsString' : ''}, no policy; Passerelle: createServer with its policy and read audit, logs at ${options.logLevel} to /dev/null. ` +
        `Both NODE_ENV=production, a pool of ${options.pool} each.`,
    );

    const env = {
      BENCH_DATABASE_URL: db.url,
      BENCH_POOL: String(options.pool),
      BENCH_JWT_SECRET: secret,
      BENCH_LOG_LEVEL: options.logLevel,
      BENCH_PEER_OUTPUT_AS_STRING: String(options.peerOutputAsString),
    };
    const start = async () => [await startServer(PASSERELLE, env, options.nodeOptions), await startServer(POSTGRAPHILE, env, options.nodeOptions)];
    const agent = new http.Agent({ keepAlive: false });
    const send = async (server: Server, request: Request) => {
      const { status, text } = await postGraphql(agent, server.port, request.headers, request.body);
      const answer = JSON.parse(text) as Answer;
      if (status !== 200 || answer.errors || !answer.data) throw new Error(`${server.name} answered ${request.op} with ${status}: ${text.slice(0, 500)}`);
      return { text, answer };
    };

    // The checks, on servers stopped afterwards: the measured ones start afresh.
    servers = await start();
    /** What each server is sent: the page, or the mix; and in mix mode each operation alone. */
    const workloads = new Map<ServerName, Workload>();
    const operationWorkloads = new Map<MixOperation, Map<ServerName, Workload>>();
    /** Rows and bytes of each operation's answers (mix mode). */
    const answered = new Map<MixOperation, Map<ServerName, { rows: number; bytes: number; detail: string }>>();
    let setup: MixSetup | null = null;
    if (!options.mix) {
      const token = await signDevToken(config.jwt, account, '2h');
      const pageOrder =
        options.peerOrder === 'index'
          ? 'registration order on both (PostGraphile: CREATED_AT_ASC, ROW_ID_ASC through peer_person_spip_page_index)'
          : 'Passerelle in registration order, PostGraphile by its primary key (ROW_ID_ASC)';
      console.log(`Page: ${options.page} persons of ${spip.name} (${spip.persons} persons, ${spip.registrations} distinct created_at), as ${account.login} (PROBATION_OFFICER); ${pageOrder}`);
      workloads.set(
        PASSERELLE,
        pageWorkload(JSON.stringify({ query: PASSERELLE_PAGE, variables: { first: options.page } }), { ...JSON_HEADERS, authorization: `Bearer ${token}` }),
      );
      workloads.set(
        POSTGRAPHILE,
        pageWorkload(
          JSON.stringify({ query: options.peerOrder === 'index' ? PEER_PAGE : PEER_PAGE_BY_PRIMARY_KEY, variables: { first: options.page, spip: spip.id } }),
          JSON_HEADERS,
        ),
      );
      // The same persons, names, referrals and receiving structures on both, once.
      const texts = await Promise.all(servers.map(async (server) => (await send(server, workloads.get(server.name)!(0))).text));
      const answers = servers.map((server, index) => rowsOf(server.name, texts[index]));
      const same = JSON.stringify(answers[0]) === JSON.stringify(answers[1]);
      const referrals = (rows: PersonRow[]) => rows.reduce((sum, row) => sum + row.referrals.length, 0);
      const shape = (rows: PersonRow[]) => `${rows.length} persons (${rows.filter((row) => row.name).length} named) and ${referrals(rows)} referrals`;
      console.log(
        `check: ${same ? `same ${shape(answers[0])} on both servers` : `DIFFERENT pages: Passerelle ${shape(answers[0])}, PostGraphile ${shape(answers[1])}`}` +
          `; answer bytes: ${servers.map((server, index) => `${server.name} ${Buffer.byteLength(texts[index])}`).join(', ')}`,
      );
      if (answers[0].length !== options.page || answers[1].length !== options.page) throw new Error('a server does not answer a full page');
      if (!same) {
        // In primary-key order the peer's page holds other persons unless registration order and key order agree.
        if (options.peerOrder === 'index') throw new Error('the two servers do not answer the same page');
        console.log('  (primary-key order: other persons than registration order; the pages are compared by their size only)');
      }
    } else {
      const accounts = new Map<string, MixAccount>();
      for (const row of mixAccounts) accounts.set(row.login, { ...row, token: await signDevToken(config.jwt, row, '2h') });
      setup = { accounts, personIds, referralCounts: new Map(), grouping: groupingOf([0]) };
      // Passerelle's referrals first: the peer lists as many received and sent as Passerelle shows each account.
      const [passerelleCheck, postgraphileCheck] = servers;
      const referralAnswers = new Map<string, { text: string; answer: Answer }>();
      for (const entry of MIX.filter((e) => e.name === 'referrals')) {
        const structureId = accounts.get(entry.login)!.structureId;
        const reply = await send(passerelleCheck, {
          op: 'referrals',
          headers: { ...JSON_HEADERS, authorization: `Bearer ${accounts.get(entry.login)!.token}` },
          body: JSON.stringify({ query: PASSERELLE_MIX.referrals }),
        });
        referralAnswers.set(entry.login, reply);
        const ids = (reply.answer.data.referrals as { id: string }[]).map((referral) => referral.id);
        const { rows } = await admin.query<{ received: number; sent: number; all: number }>(
          `select count(*) filter (where to_structure_id = $2)::int as received, count(*) filter (where to_structure_id <> $2)::int as sent,
                  (select count(*)::int from referral where to_structure_id = $2 or from_structure_id = $2) as all
           from referral where id = any($1::uuid[])`,
          [ids, structureId],
        );
        setup.referralCounts.set(entry.login, { received: rows[0].received, sent: rows[0].sent });
        console.log(
          `referrals of ${entry.login}: Passerelle shows ${ids.length} (${rows[0].received} received, ${rows[0].sent} sent) of the ${rows[0].all} its structure is a party to; ` +
            'PostGraphile lists as many, newest first',
        );
      }
      for (const op of MIX_OPERATIONS) {
        const perServer = new Map<ServerName, Workload>();
        for (const server of servers) perServer.set(server.name, mixWorkload(server.name, setup, op));
        operationWorkloads.set(op, perServer);
      }
      for (const server of servers) workloads.set(server.name, mixWorkload(server.name, setup));
      console.log(`Mix: the operations of npm run soak, weights by repetition (${MIX.map((entry) => entry.name).join(', ')}); ${personIds.length} persons of ${MIX_PERSONS_LOGIN} under a full mandate for person and write`);
      // Each operation once on each server (the first account of the operation; every account for referrals).
      for (const op of MIX_OPERATIONS) {
        const sides = new Map<ServerName, { rows: number; bytes: number; detail: string; key?: string }>();
        for (const server of [passerelleCheck, postgraphileCheck]) {
          const logins = [...new Set(MIX.filter((entry) => entry.name === op).map((entry) => entry.login))];
          let rows = 0;
          let bytes = 0;
          const details: string[] = [];
          let key: string | undefined;
          for (const [index, login] of logins.entries()) {
            // The request of that account in the operation's own workload.
            const request = operationWorkloads.get(op)!.get(server.name)!(index);
            if (MIX.filter((entry) => entry.name === op)[index].login !== login) throw new Error(`mix entries of ${op} out of order`);
            const reply = server.name === PASSERELLE && op === 'referrals' ? referralAnswers.get(login)! : await send(server, request);
            const contents = contentsOf(op, server.name, reply.answer);
            rows += contents.rows;
            bytes += Buffer.byteLength(reply.text);
            if (contents.detail) details.push(contents.detail);
            key ??= contents.key;
          }
          sides.set(server.name, { rows, bytes, detail: details.join('; '), key });
        }
        answered.set(op, sides);
        const p = sides.get(PASSERELLE)!;
        const g = sides.get(POSTGRAPHILE)!;
        const same = p.key !== undefined ? (p.key === g.key ? ' (same persons and flags)' : ' (DIFFERENT persons or flags)') : '';
        console.log(
          `check ${op.padEnd(9)} Passerelle ${p.rows} rows${p.detail ? ` (${p.detail})` : ''}, ${p.bytes} bytes; PostGraphile ${g.rows} rows${g.detail ? ` (${g.detail})` : ''}, ${g.bytes} bytes${same}`,
        );
      }
    }
    await stopServers(servers);
    servers = [];

    // Measured servers, started afresh: the first seconds, at once.
    servers = await start();
    const [passerelle, postgraphile] = servers;
    const label = options.mix ? 'the mix' : 'the page';
    console.log(`\nfirst ${options.duration} s of ${label} after a fresh start (no warm-up), one server after the other:`);
    const cold = new Map<ServerName, LoadResult>();
    for (const server of servers) {
      const result = await load(server, workloads.get(server.name)!, options.connections, options.duration);
      cold.set(server.name, result);
      const sorted = sortedCopy(result.latencies);
      console.log(
        `  ${server.name.padEnd(12)} ${fixed(rateOf(result)).padStart(7)} req/s  p50 ${fixed(percentile(sorted, 50))} ms  p99 ${fixed(percentile(sorted, 99))} ms  errors ${result.errors}; ` +
          `answers by second: ${result.perSecond.join(' ')}`,
      );
      if (result.firstError) console.log(`    first error: ${result.firstError}`);
    }

    console.log(`warm-up: ${options.warmup} s each`);
    for (const server of servers) await load(server, workloads.get(server.name)!, options.connections, options.warmup);
    const statementStats = new Map<string, Map<string, StatementStat>>();
    if (options.pgStats) await admin.query('create extension if not exists pg_stat_statements');

    // SQL statements of one request (of each operation in mix mode), on each server.
    const countStatements = async (server: Server, request: Request) => {
      await server.call('count-start');
      await send(server, request);
      return Number((await server.call('count-stop')).statements);
    };
    const statements = new Map<ServerName, number>();
    const statementsByOp = new Map<MixOperation, Map<ServerName, number>>();
    if (!options.mix) {
      for (const server of servers) statements.set(server.name, await countStatements(server, workloads.get(server.name)!(0)));
    } else {
      for (const op of MIX_OPERATIONS) {
        const perServer = new Map<ServerName, number>();
        for (const server of servers) perServer.set(server.name, await countStatements(server, operationWorkloads.get(op)!.get(server.name)!(0)));
        statementsByOp.set(op, perServer);
      }
    }
    if (options.profile) {
      fs.mkdirSync(options.profile, { recursive: true });
      for (const server of servers) await server.call('profile-start');
    }

    const measure = async (server: Server, workload: Workload, stats: string | null): Promise<Measured> => {
      await server.call('snap');
      if (options.pgStats && stats) await admin.query('select pg_stat_statements_reset()');
      const pgBefore = clusterCpuTicks(postmasterPid);
      const result = await load(server, workload, options.connections, options.duration);
      const pgTicks = clusterCpuTicks(postmasterPid) - pgBefore;
      const snap = await server.call('snap');
      if (options.pgStats && stats) addStatementStats(statementStats, stats, await readStatementStats(admin));
      return { ...result, cpuUs: Number(snap.cpuUserUs) + Number(snap.cpuSystemUs), systemUs: Number(snap.cpuSystemUs), pgTicks, peakRss: Number(snap.peakRss) };
    };
    /** `rounds` alternations of the two servers on one workload. */
    const alternate = async (name: string, perServer: Map<ServerName, Workload>, stats: boolean) => {
      const runs = new Map<ServerName, Measured[]>([
        [PASSERELLE, []],
        [POSTGRAPHILE, []],
      ]);
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? [passerelle, postgraphile] : [postgraphile, passerelle];
        for (const server of order) {
          const run = await measure(server, perServer.get(server.name)!, stats ? server.name : null);
          runs.get(server.name)!.push(run);
          const sorted = sortedCopy(run.latencies);
          console.log(
            `  ${name} round ${round + 1} ${server.name.padEnd(12)} ${fixed(rateOf(run)).padStart(7)} req/s  p50 ${fixed(percentile(sorted, 50))} ms  p99 ${fixed(percentile(sorted, 99))} ms  errors ${run.errors}`,
          );
        }
      }
      return runs;
    };

    console.log(
      `${options.rounds} rounds of ${options.duration} s per server, alternating, ${options.connections} keep-alive connections, pool of ${options.pool} (node ${process.version}${options.nodeOptions.length ? ` ${options.nodeOptions.join(' ')}` : ''}, ${options.profile ? 'PROFILED: ' : ''}${os.cpus().length} cores shared by load, servers and PostgreSQL; load average ${fixed(os.loadavg()[0], 2)})`,
    );
    let main: Map<ServerName, Measured[]>;
    if (!options.mix) {
      main = await alternate('page', workloads, true);
    } else {
      const alone = new Map<MixOperation, Map<ServerName, Measured[]>>();
      for (const op of MIX_OPERATIONS) alone.set(op, await alternate(op.padEnd(9), operationWorkloads.get(op)!, false));
      main = await alternate('mix      ', workloads, true);

      console.log('\neach operation alone (req/s: median of the rounds; latencies over all rounds; SQL: statements of one request; rows and bytes: of the checks)');
      console.log(
        'operation     Passerelle: req/s   p50   p99  SQL   rows    bytes   PostGraphile: req/s   p50   p99  SQL   rows    bytes   ratio by round     median',
      );
      for (const op of MIX_OPERATIONS) {
        const runs = alone.get(op)!;
        const sides = [PASSERELLE, POSTGRAPHILE].map((name) => {
          const sum = summarise(runs.get(name as ServerName)!);
          const rows = answered.get(op)!.get(name as ServerName)!;
          return [
            fixed(sum.rate).padStart(18),
            fixed(sum.p50).padStart(5),
            fixed(sum.p99).padStart(5),
            String(statementsByOp.get(op)!.get(name as ServerName)).padStart(4),
            String(rows.rows).padStart(6),
            String(rows.bytes).padStart(8),
          ].join(' ');
        });
        const ratios = roundRatios(runs);
        const errors = [PASSERELLE, POSTGRAPHILE].map((name) => summarise(runs.get(name as ServerName)!).errors);
        console.log(
          `${op.padEnd(10)} ${sides[0]}  ${sides[1]}   ${ratios.map((ratio) => `${fixed(ratio, 2)}x`).join(' ').padEnd(16)} ${fixed(median(ratios), 2)}x` +
            (errors.some((count) => count > 0) ? `  errors: Passerelle ${errors[0]}, PostGraphile ${errors[1]}` : ''),
        );
        for (const name of [PASSERELLE, POSTGRAPHILE]) {
          const firstError = summarise(runs.get(name as ServerName)!).firstError;
          if (firstError) console.log(`  first error of ${name}: ${firstError}`);
        }
      }
    }

    const summaries = new Map<ServerName, Summary>([
      [PASSERELLE, summarise(main.get(PASSERELLE)!)],
      [POSTGRAPHILE, summarise(main.get(POSTGRAPHILE)!)],
    ]);
    serverTable(options.mix ? 'the mix' : 'the persons page', summaries, statements, options.mix ? '' : 'SQL/page');
    if (options.mix) {
      console.log(
        'the mix by operation (answers of the operation a second within the mix, which follow the weights of the mix: median of the rounds; latencies over all rounds)',
      );
      for (const op of MIX_OPERATIONS) {
        const [p, g] = [PASSERELLE, POSTGRAPHILE].map((name) => summaries.get(name as ServerName)!.byOp.get(op) ?? { rate: NaN, p50: NaN, p99: NaN });
        console.log(
          `  ${op.padEnd(10)} Passerelle ${fixed(p.rate).padStart(7)} req/s  p50 ${fixed(p.p50).padStart(6)}  p99 ${fixed(p.p99).padStart(6)} ms   ` +
            `PostGraphile ${fixed(g.rate).padStart(7)} req/s  p50 ${fixed(g.p50).padStart(6)}  p99 ${fixed(g.p99).padStart(6)} ms`,
        );
      }
    }
    const ratios = roundRatios(main);
    console.log(`ratio Passerelle/PostGraphile by round: ${ratios.map((ratio) => `${fixed(ratio, 2)}x`).join(', ')}; median ${fixed(median(ratios), 2)}x`);

    console.log(`load average (1, 5, 15 min) at the end: ${os.loadavg().map((load) => fixed(load, 2)).join(', ')}`);
    console.log('\ngoals (a goal holds when two rounds out of three reach it):');
    console.log(`  ${options.mix ? 'the mix' : 'persons page'} >= 1.0x PostGraphile: ${goal(ratios.map((ratio) => ratio >= 1))}`);
    if (!options.mix) {
      for (const [name, sum] of summaries) {
        console.log(`  p99 of the page under 100 ms at ${options.connections} connections, ${name}: ${sum.p99s.map((p99) => `${fixed(p99)} ms`).join(', ')}: ${goal(sum.p99s.map((p99) => p99 < 100))}`);
      }
    }
    for (const [name, sum] of summaries) {
      const first = rateOf(cold.get(name)!);
      console.log(
        `  first ${options.duration} s after a fresh start within 2x of the steady state, ${name}: ${fixed(first)} req/s against ${fixed(sum.rate)} ` +
          `(steady/first ${fixed(sum.rate / first, 2)}x): ${sum.rate <= 2 * first ? 'HELD' : 'NOT HELD'} (one fresh start)`,
      );
    }

    if (options.pgStats) {
      for (const name of summaries.keys()) {
        const served = Math.max(1, main.get(name)!.reduce((total, run) => total + run.requests + run.errors, 0));
        console.log(`\n${name}:`);
        for (const line of summariseStatements(statementStats.get(name) ?? new Map(), served)) console.log(line);
      }
    }
    if (options.profile) {
      for (const server of servers) {
        const file = path.join(options.profile, `${server.name.toLowerCase()}.cpuprofile`);
        await server.call('profile-stop', { path: file });
        console.log(`\nCPU profile of ${server.name} over the rounds: ${file}`);
        for (const line of summariseProfile(file)) console.log(line);
        const heap = file.replace(/\.cpuprofile$/, '.heapprofile');
        if (fs.existsSync(heap)) for (const line of summariseAllocations(heap)) console.log(line);
      }
    }
  } finally {
    await stopServers(servers);
    await admin.end().catch(() => undefined);
    await db.stop();
  }
}

/** Self time of a V8 CPU profile, by package (or src/, node, GC) and by function. */
function summariseProfile(file: string, top = 20): string[] {
  interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
    const pkg = modules
      ? modules.at(-1)!.replace('node_modules/', '')
      : url.includes('/src/')
        ? 'passerelle src/'
        : url.startsWith('node:')
          ? 'node (core)'
          : url === ''
            ? functionName || '(native)'
            : path.basename(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|scripts)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const lines = ['  self time by package:'];
  for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${share(us)}  ${name}`);
  lines.push('  self time by function:');
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${share(us)}  ${name}`);
  return lines;
}

/** Bytes allocated (sampled, garbage included) by function, from a sampling heap profile. */
function summariseAllocations(file: string, top = 20): string[] {
  interface HeapNode {
    callFrame: { functionName: string; url: string; lineNumber: number };
    selfSize: number;
    children: HeapNode[];
  }
  const { head } = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const byFunction = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|scripts)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(visit);
  };
  visit(head);
  const lines = [`  allocations by function (${(total / 1048576).toFixed(0)} MB sampled over the rounds):`];
  for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`    ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
  return lines;
}

interface StatementStat {
  query: string;
  calls: number;
  planMs: number;
  execMs: number;
}

async function readStatementStats(admin: Client): Promise<StatementStat[]> {
  const { rows } = await admin.query<StatementStat>(
    `select query, calls::float8 as calls, total_plan_time as "planMs", total_exec_time as "execMs"
     from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
       and query not like '%pg_stat_statements%'`,
  );
  return rows;
}

function addStatementStats(into: Map<string, Map<string, StatementStat>>, key: string, rows: StatementStat[]): void {
  if (!into.has(key)) into.set(key, new Map());
  const byQuery = into.get(key)!;
  for (const row of rows) {
    const sum = byQuery.get(row.query) ?? { query: row.query, calls: 0, planMs: 0, execMs: 0 };
    sum.calls += Number(row.calls);
    sum.planMs += Number(row.planMs);
    sum.execMs += Number(row.execMs);
    byQuery.set(row.query, sum);
  }
}

/** PostgreSQL's time per request, by statement (planning and execution, wall time in the backend). */
function summariseStatements(stats: Map<string, StatementStat>, requests: number): string[] {
  const rows = [...stats.values()].sort((a, b) => b.planMs + b.execMs - (a.planMs + a.execMs));
  const total = rows.reduce((sum, row) => sum + row.planMs + row.execMs, 0);
  const lines = [`\nPostgreSQL time of ${[...stats.keys()].length ? '' : '(none) '}per request: ${(total / requests).toFixed(2)} ms`];
  lines.push('  calls/req  plan ms/req  exec ms/req  statement');
  for (const row of rows.slice(0, 8)) {
    lines.push(
      [
        (row.calls / requests).toFixed(2).padStart(11),
        (row.planMs / requests).toFixed(3).padStart(12),
        (row.execMs / requests).toFixed(3).padStart(12),
        ' ' + row.query.replace(/\s+/g, ' ').slice(0, 110),
      ].join(''),
    );
  }
  return lines;
}


main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
