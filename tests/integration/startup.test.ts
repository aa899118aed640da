import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { TokenVerifier, signDevToken } from '../../src/auth/tokens';
import { applicationUrl, createDatabaseIfMissing, withAdminClient } from '../../src/config/database';
import { freePort } from '../../src/config/free-port';
import { loadConfig } from '../../src/config/env';
import { pastCohortPlans } from '../../seeds/demo/cohorts';
import { DemoClock } from '../../seeds/demo/random';
import { ROOT, finished, runTs, startTs, waitForLine } from '../support/processes';
import { createTestDatabase } from '../support/test-app';

/** A URL on the test cluster for a database that does not exist yet. */
function freshDatabaseUrl(): string {
  const url = new URL(process.env.PASSERELLE_TEST_TEMPLATE_URL!);
  url.pathname = `/passerelle_fresh_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withAdminClient(url, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
}

describe('npm start', () => {
  it('on an empty database: migrates, loads the demo data, serves it, and stops cleanly on SIGTERM after draining', async () => {
    const databaseUrl = freshDatabaseUrl();
    await createDatabaseIfMissing(databaseUrl);
    const port = await freePort();
    const server = startTs('src/main.ts', [], { DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_DELAY_MS: '2000' });
    const exit = finished(server);
    try {
      await waitForLine(server, /Passerelle listening/);
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ id: string; login: string }>(`select id, login from account where login = 'cpip.grenoble'`);
      const persons = await db.query<{ count: number }>(`select count(*)::int as count from person`);
      await db.end();
      expect(persons.rows[0].count).toBe(60 + pastCohortPlans(new DemoClock()).length);

      const token = await signDevToken(loadConfig({ NODE_ENV: 'test' }).jwt, rows[0]);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { login role structure { name } } }' }),
      });
      expect(await response.json()).toEqual({
        data: { me: { login: 'cpip.grenoble', role: 'PROBATION_OFFICER', structure: { name: "SPIP de l'Isère" } } },
      });

      // SIGTERM: /readyz answers 503 at once (the load balancer takes the node out) while
      // requests are still served for SHUTDOWN_DELAY_MS; then the server stops.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      server.kill('SIGTERM');
      await waitForLine(server, /shutting down: draining requests/);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 503, body: { status: 'draining' } });
      const during = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { login } }' }),
      });
      expect(await during.json()).toEqual({ data: { me: { login: 'cpip.grenoble' } } });
    } finally {
      server.kill('SIGTERM');
    }
    const { code, stdout } = await exit;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    await dropDatabase(databaseUrl);
  });

  it('with a release step: `migrate` as the owner, then an API that never connects as the owner', async () => {
    const databaseUrl = freshDatabaseUrl();
    await createDatabaseIfMissing(databaseUrl);
    try {
      const first = await runTs('scripts/migrate.ts', [], { DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true' });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/applied \d+ migration\(s\)/);
      expect(first.stdout).toContain('demo data set loaded into the empty database');
      const again = await runTs('scripts/migrate.ts', [], { DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true' });
      expect({ code: again.code, stdout: again.stdout.trim() }).toEqual({ code: 0, stdout: 'the schema is up to date' });

      const port = await freePort();
      const server = startTs('src/main.ts', [], {
        DATABASE_URL: applicationUrl(databaseUrl),
        MIGRATE_ON_START: 'false',
        JOBS_ENABLED: 'false',
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      const exit = finished(server);
      try {
        await waitForLine(server, /Passerelle listening/);
        const db = new Client({ connectionString: databaseUrl });
        await db.connect();
        const { rows } = await db.query<{ id: string; login: string }>(`select id, login from account where login = 'cpip.grenoble'`);
        const token = await signDevToken(loadConfig({ NODE_ENV: 'test' }).jwt, rows[0]);
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { login } }' }),
        });
        expect(await response.json()).toEqual({ data: { me: { login: 'cpip.grenoble' } } });
        const sessions = await db.query<{ usename: string }>(
          `select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        await db.end();
        expect(sessions.rows.map((row) => row.usename)).toEqual(['passerelle_api']);
      } finally {
        server.kill('SIGTERM');
      }
      expect((await exit).code).toBe(0);
    } finally {
      await dropDatabase(databaseUrl);
    }
  });

  it('exits non-zero with a clear message when the database does not answer', async () => {
    const port = await freePort();
    const { code, stderr } = await runTs('src/main.ts', [], {
      DATABASE_URL: `postgres://passerelle:passerelle@127.0.0.1:${port}/passerelle`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`passerelle: cannot start: cannot reach PostgreSQL at 127.0.0.1:${port}/passerelle`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start in production without a way to verify tokens', async () => {
    const { code, stderr } = await runTs('src/main.ts', [], { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toContain('passerelle: cannot start: production needs JWT_PUBLIC_KEY or JWT_JWKS_URL');
  });
});

describe('npm run token', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('prints a token that the server accepts for the account', async () => {
    const { code, stdout } = await runTs('scripts/token.ts', ['coord.siao38'], { DATABASE_URL: database.url });
    expect(code).toBe(0);
    const token = stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`select id from account where login = 'coord.siao38'`);
    await db.end();
    expect(await new TokenVerifier(loadConfig({ NODE_ENV: 'test' }).jwt).verify(token)).toBe(rows[0].id);
  });

  it('refuses an unknown login with a clear message and exit code 1', async () => {
    const { code, stdout, stderr } = await runTs('scripts/token.ts', ['nobody.here'], { DATABASE_URL: database.url });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown login "nobody.here". Known logins: admin, admin.relais38, coord.siao38');
  });

  it('starts the embedded PostgreSQL itself when npm start is not running, as npm runs it (tsx)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-token-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/token.ts', 'cpip.grenoble'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '', EMBEDDED_PG_DIR: path.join(dataDir, 'pg'), EMBEDDED_PG_PORT: String(await freePort()) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const { code, stderr } = await finished(child);
      // A cluster of its own, started and stopped: empty, so the script says what to do.
      expect({ code, stderr: stderr.trim() }).toEqual({
        code: 1,
        stderr: 'The database has no accounts yet: run `npm start` once to create it and load the demo data.',
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to run in production', async () => {
    const { code, stderr } = await runTs('scripts/token.ts', ['admin'], {
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-that-is-long-enough-0123456789',
      CURSOR_SECRET: 'a-production-cursor-secret-long-enough-0123456789',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('refused when NODE_ENV=production');
  });
});
