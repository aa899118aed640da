import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { Client } from 'pg';
import { signDevToken } from '../../src/auth/tokens';
import { applicationUrl } from '../../src/config/database';
import { loadConfig } from '../../src/config/env';
import { freePort } from '../../src/config/free-port';
import { initOrm, migrate } from '../../src/config/orm';
import {
  CreateMachineClientDocument,
  CreateWebhookSubscriptionDocument,
  DisableAccountDocument,
  EnableAccountDocument,
  MeDocument,
  MyCaseloadDocument,
  PersonDocument,
  PersonPseudonymsDocument,
  ReferPersonDocument,
  RegisterPersonDocument,
  RevokeMachineClientDocument,
  UpdateIdentityDocument,
} from '../generated/graphql';
import { finished, startTs, waitForLine, type Finished } from '../support/processes';
import { createTestDatabase, errorCodes, type GraphQLErrorBody, type GraphQLResult } from '../support/test-app';
import { WebhookReceiver, waitFor } from '../support/webhook-receiver';

/**
 * Two API nodes and two workers, each a process of its own (`src/main.ts` with JOBS_ENABLED=false,
 * `src/jobs/run-worker.ts`), on one PostgreSQL: what one node writes or decides, the other sees at
 * its next request; the rate limits are counted once for both; each event reaches a partner once.
 * The nodes share exactly what docs/scaling.md says they must: JWT_SECRET, PLATFORM_SIGNING_KEY,
 * PUBLIC_URL, CURSOR_SECRET, METRICS_TOKEN.
 */

const PER_ACCOUNT_PER_MINUTE = 12;
const TOKEN_REQUESTS_PER_MINUTE = 4;

/** An API node as a client sees it: its own base URL. */
class ApiNode {
  constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  post(body: unknown, token?: string): Promise<Response> {
    return fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  }

  async request<T, V>(document: TypedDocumentNode<T, V>, variables: V | undefined, token: string): Promise<GraphQLResult<T>> {
    const response = await this.post({ query: print(document), variables }, token);
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, ...body };
  }

  token(clientId: string, clientSecret: string): Promise<Response> {
    return fetch(`${this.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
  }
}

interface Running {
  name: string;
  child: ChildProcess;
  exit: Promise<Finished>;
}

describe('two API nodes and two workers on one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let owner: Client;
  const processes: Running[] = [];
  let a: ApiNode;
  let b: ApiNode;
  const receiver = new WebhookReceiver((id, before) => (before.some((attempt) => attempt.id === id) ? 204 : 503), 100);
  const jwtSecret = randomBytes(32).toString('base64url');
  const tokens = new Map<string, string>();
  let relaisId: string;

  /** A dev token of the identity provider's kind (JWT_SECRET, shared by both nodes). */
  const tokenFor = async (login: string): Promise<string> => {
    const cached = tokens.get(login);
    if (cached) return cached;
    const { rows } = await owner.query<{ id: string }>('select id from account where login = $1', [login]);
    const token = await signDevToken(loadConfig({ NODE_ENV: 'test', JWT_SECRET: jwtSecret }).jwt, { id: rows[0].id, login });
    tokens.set(login, token);
    return token;
  };
  const accountId = async (login: string): Promise<string> =>
    (await owner.query<{ id: string }>('select id from account where login = $1', [login])).rows[0].id;

  const start = (name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<Running> => {
    const child = startTs(script, [], env);
    const running = { name, child, exit: finished(child) };
    processes.push(running);
    return waitForLine(child, ready, 45_000).then(() => running);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Client({ connectionString: database.url });
    await owner.connect();
    relaisId = (await owner.query<{ id: string }>(`select id from structure where name = 'Relais Isère Sortants'`)).rows[0].id;
    const platformKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // What every process of the deployment shares; the database as the application's role, the
    // owner's connection for the migrations check at start and for the job queue.
    const shared = {
      DATABASE_URL: applicationUrl(database.url),
      DATABASE_OWNER_URL: database.url,
      JWT_SECRET: jwtSecret,
      PLATFORM_SIGNING_KEY: platformKey,
      PUBLIC_URL: 'http://passerelle.test',
      CURSOR_SECRET: randomBytes(32).toString('base64url'),
      METRICS_TOKEN: randomBytes(16).toString('hex'),
      RATE_LIMIT_PER_MINUTE: String(PER_ACCOUNT_PER_MINUTE),
      RATE_LIMIT_TOKEN_PER_MINUTE: String(TOKEN_REQUESTS_PER_MINUTE),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const api = (port: number) => ({ ...shared, HOST: '127.0.0.1', PORT: String(port), JOBS_ENABLED: 'false' });
    const worker = { ...shared, WORKER_CONCURRENCY: '3', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_TIMEOUT_MS: '3000' };
    // All four at once, as a deployment rolls them out: each checks the migrations at start.
    await Promise.all([
      start('api-a', 'src/main.ts', api(portA), /Passerelle listening/),
      start('api-b', 'src/main.ts', api(portB), /Passerelle listening/),
      start('worker-1', 'src/jobs/run-worker.ts', worker, /Passerelle worker running/),
      start('worker-2', 'src/jobs/run-worker.ts', worker, /Passerelle worker running/),
    ]);
    a = new ApiNode('A', `http://127.0.0.1:${portA}`);
    b = new ApiNode('B', `http://127.0.0.1:${portB}`);
  }, 60_000);

  // Each test starts with fresh counters (the limit is small); the first test is about them.
  beforeEach(async () => {
    await owner.query('delete from rate_limit_counter');
  });

  afterAll(async () => {
    for (const running of processes) running.child.kill('SIGTERM');
    const exits = await Promise.all(processes.map((running) => running.exit));
    await receiver.stop();
    await owner?.end();
    await database?.drop();
    // Every process drained and stopped cleanly.
    expect(exits.map((exit, index) => ({ name: processes[index].name, code: exit.code }))).toEqual(processes.map((running) => ({ name: running.name, code: 0 })));
  });

  it('shares the rate limits: requests alternating between the nodes are refused once the limit is spent across both', async () => {
    const token = await tokenFor('coord.siao38');
    const statuses: number[] = [];
    for (let i = 0; i < PER_ACCOUNT_PER_MINUTE; i++) statuses.push((await (i % 2 === 0 ? a : b).post({ query: '{ me { login } }' }, token)).status);
    expect(statuses).toEqual(Array(PER_ACCOUNT_PER_MINUTE).fill(200));
    for (const node of [a, b]) {
      const refused = await node.post({ query: '{ me { login } }' }, token);
      expect({ node: node.name, status: refused.status }).toEqual({ node: node.name, status: 429 });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { errors: GraphQLErrorBody[] }).errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    }
    // Another account is not slowed, on either node.
    for (const node of [a, b]) expect((await node.post({ query: '{ me { login } }' }, await tokenFor('ts.relais38'))).status).toBe(200);
    // The token endpoint's limit per address, too.
    const tokenStatuses: number[] = [];
    for (let i = 0; i <= TOKEN_REQUESTS_PER_MINUTE; i++) tokenStatuses.push((await (i % 2 === 0 ? a : b).token('nobody', 'wrong')).status);
    expect(tokenStatuses).toEqual([...Array(TOKEN_REQUESTS_PER_MINUTE).fill(401), 429]);
  });

  it('reads on one node what the other wrote, and refuses a stale version written through the other', async () => {
    const cpip = await tokenFor('cpip.grenoble');
    const registered = await a.request(RegisterPersonDocument, { input: { firstName: 'Deux', lastName: 'Noeuds', expectedReleaseDate: '2027-05-01' } }, cpip);
    expect(registered.errors).toBeUndefined();
    const personId = registered.data!.registerPerson.id;
    const read = await b.request(PersonDocument, { id: personId }, cpip);
    expect(read.errors).toBeUndefined();
    expect(read.data!.person!.identity).toMatchObject({ firstName: 'Deux', lastName: 'Noeuds' });
    const version = read.data!.person!.identity!.version;

    const updated = await a.request(UpdateIdentityDocument, { personId, input: { firstName: 'Deux', lastName: 'Noeuds', phone: '0600000001' }, expectedVersion: version }, cpip);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateIdentity.identity).toMatchObject({ phone: '0600000001', version: version + 1 });
    // B read version n before A wrote n + 1: its write with n is a conflict, not a lost update.
    const stale = await b.request(UpdateIdentityDocument, { personId, input: { firstName: 'Deux', lastName: 'Noeuds', phone: '0600000002' }, expectedVersion: version }, cpip);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: version + 1, expectedVersion: version });
    expect((await b.request(PersonDocument, { id: personId }, cpip)).data!.person!.identity).toMatchObject({ phone: '0600000001', version: version + 1 });
    // Each node wrote the read audit of its own reads, in the same database.
    const audited = await owner.query<{ count: number }>('select count(*)::int as count from audit_read where $1 = any(person_ids)', [personId]);
    expect(audited.rows[0].count).toBeGreaterThanOrEqual(2);
  });

  it('refuses a disabled account on both nodes at its next request, and serves it again once enabled', async () => {
    const admin = await tokenFor('admin.relais38');
    const worker = await tokenFor('ts.relais38');
    const id = await accountId('ts.relais38');
    for (const node of [a, b]) expect((await node.request(MeDocument, undefined, worker)).data!.me.login).toBe('ts.relais38');
    expect((await a.request(DisableAccountDocument, { id }, admin)).errors).toBeUndefined();
    for (const node of [b, a]) expect({ node: node.name, codes: errorCodes(await node.request(MeDocument, undefined, worker)) }).toEqual({ node: node.name, codes: ['UNAUTHENTICATED'] });
    expect((await b.request(EnableAccountDocument, { id }, admin)).errors).toBeUndefined();
    for (const node of [a, b]) expect((await node.request(MeDocument, undefined, worker)).data!.me.login).toBe('ts.relais38');
  });

  it("takes on one node the platform's token issued by the other, and refuses it on both once the client is revoked", async () => {
    const admin = await tokenFor('admin.relais38');
    const created = await a.request(CreateMachineClientDocument, { input: { name: 'Logiciel à révoquer', role: 'SOCIAL_WORKER' } }, admin);
    expect(created.errors).toBeUndefined();
    const { clientId, clientSecret, client } = created.data!.createMachineClient;
    const issued = await a.token(clientId, clientSecret);
    expect(issued.status).toBe(200);
    const machineToken = ((await issued.json()) as { access_token: string }).access_token;
    for (const node of [a, b]) expect((await node.request(MyCaseloadDocument, { first: 1 }, machineToken)).errors).toBeUndefined();
    // Both nodes publish the same key.
    const [jwksA, jwksB] = await Promise.all([a, b].map(async (node) => (await fetch(`${node.url}/.well-known/jwks.json`)).json()));
    expect(jwksA).toEqual(jwksB);

    expect((await b.request(RevokeMachineClientDocument, { id: client.id }, admin)).errors).toBeUndefined();
    for (const node of [a, b]) {
      expect({ node: node.name, codes: errorCodes(await node.request(MyCaseloadDocument, { first: 1 }, machineToken)) }).toEqual({ node: node.name, codes: ['UNAUTHENTICATED'] });
      expect({ node: node.name, status: (await node.token(clientId, clientSecret)).status }).toEqual({ node: node.name, status: 401 });
    }
  });

  it('continues on one node a page begun on the other (cursors sealed with the shared CURSOR_SECRET)', async () => {
    const cpip = await tokenFor('cpip.grenoble');
    const whole = await a.request(PersonPseudonymsDocument, { first: 4 }, cpip);
    const first = await a.request(PersonPseudonymsDocument, { first: 2 }, cpip);
    expect(first.data!.persons.pageInfo.hasNextPage).toBe(true);
    const next = await b.request(PersonPseudonymsDocument, { first: 2, after: first.data!.persons.pageInfo.endCursor }, cpip);
    expect(next.errors).toBeUndefined();
    const ids = (page: typeof whole) => page.data!.persons.edges.map((edge) => edge.node.id);
    expect([...ids(first), ...ids(next)]).toEqual(ids(whole));
    // And back: B's cursor on A.
    const last = next.data!.persons.edges[1].cursor;
    expect(errorCodes(await a.request(PersonPseudonymsDocument, { first: 1, after: last }, cpip))).toEqual([]);
  });

  it('delivers each event once with two workers: N writes through both nodes, N deliveries, each webhook-id once, never two attempts at once', async () => {
    const admin = await tokenFor('admin.relais38');
    const cpip = await tokenFor('cpip.grenoble');
    const url = await receiver.start();
    const created = await b.request(CreateMachineClientDocument, { input: { name: 'Logiciel du Relais', role: 'SOCIAL_WORKER' } }, admin);
    const { clientId, clientSecret } = created.data!.createMachineClient;
    const machineToken = ((await (await b.token(clientId, clientSecret)).json()) as { access_token: string }).access_token;
    const subscribed = await a.request(CreateWebhookSubscriptionDocument, { input: { url, eventTypes: ['REFERRAL_CREATED'] } }, machineToken);
    expect(subscribed.errors).toBeUndefined();
    receiver.secret = subscribed.data!.createWebhookSubscription.secret;

    const N = 5;
    const referrals: string[] = [];
    for (let i = 0; i < N; i++) {
      const [writeOn, referOn] = i % 2 === 0 ? [a, b] : [b, a];
      const person = await writeOn.request(RegisterPersonDocument, { input: { firstName: 'Relais', lastName: `Evenement-${i}`, expectedReleaseDate: '2027-06-01' } }, cpip);
      expect(person.errors).toBeUndefined();
      const referred = await referOn.request(ReferPersonDocument, { input: { personId: person.data!.registerPerson.id, toStructureId: relaisId, needs: ['HOUSING'] } }, cpip);
      expect(referred.errors).toBeUndefined();
      referrals.push(referred.data!.referPerson.id);
    }
    await waitFor('every referral delivered', () => (receiver.delivered().length >= N ? true : undefined), 30_000);
    // Time for a duplicate to arrive, were there one.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const delivered = receiver.delivered();
    expect(delivered.map((attempt) => attempt.data?.referralId).sort()).toEqual([...referrals].sort());
    expect(delivered.every((attempt) => attempt.type === 'REFERRAL_CREATED')).toBe(true);
    const ids = delivered.map((attempt) => attempt.id);
    expect(new Set(ids).size).toBe(N);
    // Each delivery: refused once, then delivered once; never two attempts at once, every one signed.
    for (const id of ids) expect(receiver.attempts.filter((attempt) => attempt.id === id).map((attempt) => attempt.status)).toEqual([503, 204]);
    expect(receiver.attempts).toHaveLength(2 * N);
    expect(receiver.overlapping).toEqual([]);
    expect(receiver.badSignatures).toEqual([]);
    const rows = await owner.query<{ status: string; attempts: number; count: number }>(
      `select d.status, d.attempts, count(*)::int as count from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
       where s.url = $1 group by d.status, d.attempts`,
      [url],
    );
    expect(rows.rows).toEqual([{ status: 'DELIVERED', attempts: 2, count: N }]);
  });

  it('lets nodes that start at once check the migrations together: one at a time, none fails', async () => {
    // Every process migrates (as the owner) at start; four at once, a few times over.
    const orms = await Promise.all([0, 1, 2, 3].map(() => initOrm(database.url, { onDriverWarning: () => undefined })));
    try {
      const failures: string[] = [];
      for (let round = 0; round < 3; round++) {
        for (const result of await Promise.allSettled(orms.map((orm) => migrate(orm)))) {
          if (result.status === 'rejected') failures.push(String(result.reason));
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
    }
  });
});
