/**
 * Passerelle against PostGraphile v5 on the persons page, on one database:
 *   npm run bench:peer [-- --persons 20000 --duration 10 --connections 20 --rounds 3 --warmup 5 --pool 10 --profile DIR
 *                          --node-options "--max-semi-space-size=64" --log-level info]
 * Builds dist/ (as `npm start` does), starts a scratch PostgreSQL, loads the demo data and the
 * volume data set, and serves the same tables twice, each server compiled, in a child process
 * of its own, with a pool of the same size:
 * PostGraphile (amber preset, the public schema as it is) and Passerelle (createServer, with
 * its token check, mandates, field and record policy and read audit, logging at info to
 * /dev/null as in production). The page: 50 persons of the volume SPIP holding most persons, with
 * their names, their referrals and the receiving structures' names. Both answers are checked
 * equal once; then each server takes the same load in turn (keep-alive connections, each
 * sending its next request as soon as the previous answer came), round after round.
 * Prints requests a second, p50 and p99 latencies, errors, the Node CPU time and the
 * PostgreSQL CPU time per request, the peak RSS of each server and its SQL statements per page.
 * With --profile DIR, the V8 CPU profile and a sampling heap profile of each server over the
 * measured rounds are written to DIR and summed up (self time by package and by function,
 * bytes allocated by function). Figures depend on the machine.
 */
import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/auth/role';
import { signDevToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { seedVolume } from '../seeds/factories/bulk-volume';
import { postGraphql } from './support/http-post';

interface Options {
  persons: number;
  duration: number;
  connections: number;
  rounds: number;
  warmup: number;
  pool: number;
  page: number;
  profile: string | null;
  /** Prints, per server, where PostgreSQL spent its time (pg_stat_statements). */
  pgStats: boolean;
  logLevel: string;
  /** V8/Node flags for both servers (e.g. --max-semi-space-size=64). */
  nodeOptions: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { persons: 20000, duration: 10, connections: 20, rounds: 3, warmup: 5, pool: 10, page: 50, profile: null, pgStats: false, logLevel: 'info', nodeOptions: [] };
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index].replace(/^--/, '');
    const value = argv[index + 1];
    index += 1;
    if (name === 'pg-stats') {
      options.pgStats = true;
      index -= 1;
    } else if (name === 'profile') options.profile = path.resolve(value);
    else if (name === 'log-level') options.logLevel = value;
    else if (name === 'node-options') options.nodeOptions = value.split(/\s+/).filter(Boolean);
    else if (name in options && Number.isFinite(Number(value)) && Number(value) > 0) {
      (options as unknown as Record<string, number>)[name] = Number(value);
    } else {
      throw new Error(`unknown option or bad value: --${name} ${value ?? ''}`.trim());
    }
  }
  return options;
}

const PASSERELLE_QUERY = `query PersonsPage($first: Int) { persons(first: $first) { edges { node {
  id pseudonym identity { firstName lastName } referrals { id status toStructure { name } } } } } }`;

const POSTGRAPHILE_QUERY = `query PersonsPage($first: Int, $spip: UUID!) {
  allPeople(first: $first, condition: { spipId: $spip }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { edges { node {
    rowId pseudonym personIdentityByPersonId { firstName lastName }
    referralsByPersonId(orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId status structureByToStructureId { name } } } } } } }`;

interface Target {
  name: string;
  child: ChildProcess;
  port: number;
  body: string;
  headers: Record<string, string>;
  call(cmd: string, extra?: object): Promise<Record<string, number | string>>;
}

const ROOT = path.resolve(__dirname, '..');

/** Compiles to dist/ as `npm start` does: the servers run compiled, without ts-node in their memory. */
function build(): void {
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  console.log(`(built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Forks one server (compiled) and waits for its port. */
function startServer(name: string, env: Record<string, string>, body: string, headers: Record<string, string>, execArgv: string[]): Promise<Target> {
  const child = fork(path.join(ROOT, 'dist', 'scripts', 'support', 'bench-peer-server.js'), [name.toLowerCase()], {
    execArgv,
    env: { ...process.env, ...env, GRAPHILE_ENV: 'production' },
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
          body,
          headers,
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

function post(agent: http.Agent, target: Target): Promise<{ status: number; text: string }> {
  return postGraphql(agent, target.port, target.headers, target.body);
}

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/** `connections` keep-alive connections, each sending its next request when the previous answer came. */
async function load(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const { status, text } = await post(agent, target);
        if (status !== 200 || text.includes('"errors"')) {
          errors += 1;
          firstError ??= `${status} ${text.slice(0, 300)}`;
        } else latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, seconds: elapsed, latencies, firstError };
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface PersonRow {
  id: string;
  pseudonym: string;
  name: string | null;
  referrals: string[];
}

/** Both answers as the same plain rows, to compare them. */
function rowsOf(name: string, text: string): PersonRow[] {
  const body = JSON.parse(text) as { data?: Record<string, { edges: { node: Record<string, unknown> }[] }>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${name} answered with errors: ${text.slice(0, 500)}`);
  if (name === 'Passerelle') {
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

interface Totals {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  cpuUs: number;
  /** Of which in the kernel (system calls: sockets, mostly). */
  systemUs: number;
  pgTicks: number;
  peakRss: number;
  statements: number;
  firstError?: string;
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  build();
  const db = await startScratchDatabase(
    'bench_peer',
    options.pgStats ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : {},
  );
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, LOG_LEVEL: 'silent', CURSOR_SECRET: 'bench-cursor-secret-0123456789-abcdefghij', RATE_LIMIT_PER_MINUTE: '0' });
  const targets: Target[] = [];
  const admin = new Client({ connectionString: db.url });
  try {
    const orm = await initOrm(db.url, { onDriverWarning: () => undefined });
    let spip: { id: string; name: string; persons: number };
    let account: { id: string; login: string };
    try {
      const started = Date.now();
      await migrate(orm);
      await loadDemoData(orm);
      await seedVolume(db.url, { persons: options.persons, referralsPerPerson: 3 });
      const connection = orm.em.getConnection();
      await connection.execute('analyze');
      [spip] = await connection.execute<{ id: string; name: string; persons: number }[]>(
        `select s.id, s.name, count(*)::int as persons from person p join structure s on s.id = p.spip_id
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
      const [counts] = await connection.execute<{ persons: number; referrals: number }[]>(
        `select (select count(*)::int from person) as persons, (select count(*)::int from referral) as referrals`,
      );
      console.log(
        `Database: demo data + volume of ${options.persons} persons (${counts.persons} persons, ${counts.referrals} referrals in all), loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      console.log(`Page: ${options.page} persons of ${spip.name} (${spip.persons} persons), as ${account.login} (PROBATION_OFFICER)`);
    } finally {
      await orm.close();
    }
    await admin.connect();
    const [{ data_directory: dataDirectory }] = (await admin.query<{ data_directory: string }>('show data_directory')).rows;
    const postmasterPid = Number(fs.readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);

    const token = await signDevToken(config.jwt, account);
    const env = { BENCH_DATABASE_URL: db.url, BENCH_POOL: String(options.pool), BENCH_JWT_SECRET: secret, BENCH_LOG_LEVEL: options.logLevel };
    const json = { 'content-type': 'application/json' };
    targets.push(
      await startServer('Passerelle', env, JSON.stringify({ query: PASSERELLE_QUERY, variables: { first: options.page } }), {
        ...json,
        authorization: `Bearer ${token}`,
      }, options.nodeOptions),
    );
    targets.push(
      await startServer('PostGraphile', env, JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { first: options.page, spip: spip.id } }), json, options.nodeOptions),
    );
    const [passerelle, postgraphile] = targets;

    // The same persons, names, referrals and receiving structures on both, once.
    const agent = new http.Agent({ keepAlive: false });
    const texts = await Promise.all(targets.map(async (target) => (await post(agent, target)).text));
    const answers = targets.map((target, index) => rowsOf(target.name, texts[index]));
    const same = JSON.stringify(answers[0]) === JSON.stringify(answers[1]);
    const referrals = answers[0].reduce((sum, row) => sum + row.referrals.length, 0);
    console.log(
      `check: ${same ? 'same' : 'DIFFERENT'} ${answers[0].length} persons and ${referrals} referrals on both servers` +
        (same ? '' : ` (PostGraphile: ${answers[1].length} persons, ${answers[1].reduce((s, r) => s + r.referrals.length, 0)} referrals)`) +
        `; answer bytes: ${targets.map((target, index) => `${target.name} ${Buffer.byteLength(texts[index])}`).join(', ')}`,
    );
    if (!same || answers[0].length !== options.page) throw new Error('the two servers do not answer the same page');

    console.log(`warm-up: ${options.warmup} s each`);
    for (const target of targets) await load(target, options.connections, options.warmup);
    const statementStats = new Map<Target, Map<string, StatementStat>>();
    if (options.pgStats) await admin.query('create extension if not exists pg_stat_statements');
    const totals = new Map<Target, Totals>(
      targets.map((target) => [target, { requests: 0, errors: 0, seconds: 0, latencies: [], cpuUs: 0, systemUs: 0, pgTicks: 0, peakRss: 0, statements: 0 }]),
    );
    for (const target of targets) {
      await target.call('count-start');
      await post(agent, target);
      totals.get(target)!.statements = Number((await target.call('count-stop')).statements);
    }
    if (options.profile) {
      fs.mkdirSync(options.profile, { recursive: true });
      for (const target of targets) await target.call('profile-start');
    }

    console.log(
      `${options.rounds} rounds of ${options.duration} s per server, alternating, ${options.connections} keep-alive connections, pool of ${options.pool} (node ${process.version}${options.nodeOptions.length ? ` ${options.nodeOptions.join(' ')}` : ''}, ${options.profile ? 'PROFILED: ' : ''}2 cores shared by load, servers and PostgreSQL)`,
    );
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? [passerelle, postgraphile] : [postgraphile, passerelle];
      for (const target of order) {
        await target.call('snap');
        if (options.pgStats) await admin.query('select pg_stat_statements_reset()');
        const pgBefore = clusterCpuTicks(postmasterPid);
        const result = await load(target, options.connections, options.duration);
        const pgTicks = clusterCpuTicks(postmasterPid) - pgBefore;
        const snap = await target.call('snap');
        const sum = totals.get(target)!;
        sum.requests += result.requests;
        sum.errors += result.errors;
        sum.seconds += result.seconds;
        sum.latencies.push(...result.latencies);
        sum.cpuUs += Number(snap.cpuUserUs) + Number(snap.cpuSystemUs);
        sum.systemUs += Number(snap.cpuSystemUs);
        sum.pgTicks += pgTicks;
        sum.peakRss = Math.max(sum.peakRss, Number(snap.peakRss));
        sum.firstError ??= result.firstError;
        if (options.pgStats) addStatementStats(statementStats, target, await readStatementStats(admin));
        const sorted = [...result.latencies].sort((a, b) => a - b);
        console.log(
          `  round ${round + 1} ${target.name.padEnd(12)} ${(result.requests / result.seconds).toFixed(1).padStart(7)} req/s  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  errors ${result.errors}`,
        );
      }
    }

    console.log('');
    console.log('server          req/s   p50 ms   p99 ms  errors  node CPU ms/req  PG CPU ms/req  peak RSS MB  SQL/page');
    const rate = (target: Target) => totals.get(target)!.requests / totals.get(target)!.seconds;
    for (const target of targets) {
      const sum = totals.get(target)!;
      const sorted = sum.latencies.sort((a, b) => a - b);
      const served = Math.max(1, sum.requests + sum.errors);
      console.log(
        [
          target.name.padEnd(12),
          rate(target).toFixed(1).padStart(8),
          percentile(sorted, 50).toFixed(1).padStart(8),
          percentile(sorted, 99).toFixed(1).padStart(8),
          String(sum.errors).padStart(7),
          (sum.cpuUs / 1000 / served).toFixed(2).padStart(16),
          ((sum.pgTicks * 10) / served).toFixed(2).padStart(14),
          (sum.peakRss / 1048576).toFixed(0).padStart(12),
          String(sum.statements).padStart(9),
        ].join(' '),
      );
      if (sum.firstError) console.log(`  first error of ${target.name}: ${sum.firstError}`);
    }
    console.log(
      `node CPU in the kernel (system calls) ms/req: ${targets
        .map((target) => `${target.name} ${(totals.get(target)!.systemUs / 1000 / Math.max(1, totals.get(target)!.requests + totals.get(target)!.errors)).toFixed(2)}`)
        .join(', ')}`,
    );
    console.log(`ratio Passerelle/PostGraphile: ${(rate(passerelle) / rate(postgraphile)).toFixed(2)}x`);

    if (options.pgStats) {
      for (const target of targets) {
        const sum = totals.get(target)!;
        for (const line of summariseStatements(statementStats.get(target) ?? new Map(), Math.max(1, sum.requests + sum.errors))) console.log(line);
      }
    }
    if (options.profile) {
      for (const target of targets) {
        const file = path.join(options.profile, `${target.name.toLowerCase()}.cpuprofile`);
        await target.call('profile-stop', { path: file });
        console.log(`\nCPU profile of ${target.name} over the rounds: ${file}`);
        for (const line of summariseProfile(file)) console.log(line);
        const heap = file.replace(/\.cpuprofile$/, '.heapprofile');
        if (fs.existsSync(heap)) for (const line of summariseAllocations(heap)) console.log(line);
      }
    }
  } finally {
    await Promise.all(targets.map((target) => target.call('stop').catch(() => undefined)));
    await Promise.all(
      targets.map((target) => (target.child.exitCode === null ? new Promise((resolve) => target.child.once('exit', resolve)) : undefined)),
    );
    await admin.end().catch(() => undefined);
    await db.stop();
  }
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

function addStatementStats(into: Map<Target, Map<string, StatementStat>>, target: Target, rows: StatementStat[]): void {
  if (!into.has(target)) into.set(target, new Map());
  const byQuery = into.get(target)!;
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
