import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { Account } from '../../src/accounts/account.entity';
import { AccessLogEntry } from '../../src/audit/access-log-entry.entity';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { PlatformKey } from '../../src/auth/platform-key';
import { Role } from '../../src/auth/role';
import { signDevToken } from '../../src/auth/tokens';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import {
  CreateMachineClientDocument,
  MachineClientsDocument,
  MeDocument,
  MyCaseloadDocument,
  RevokeMachineClientDocument,
  RotateMachineClientSecretDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

describe('machine clients: OAuth 2.0 client credentials for partner systems', () => {
  let app: TestApp;
  let client: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    app = await TestApp.start();
    const created = await app.as('admin.relais38').query(CreateMachineClientDocument, { input: { name: 'Logiciel du Relais', role: 'SOCIAL_WORKER' } });
    expect(created.errors).toBeUndefined();
    client = created.data!.createMachineClient;
  });

  afterAll(async () => {
    await app.close();
  });

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  function tokenRequest(body: string, headers: Record<string, string> = {}, contentType = 'application/x-www-form-urlencoded'): Promise<Response> {
    return fetch(`${app.url}/oauth/token`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  }

  async function tokenOf(id: string, secret: string): Promise<string> {
    const response = await tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: basic(id, secret) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  it('is created by its structure administrator, for a worker role of the structure, with a secret shown once', async () => {
    expect(client.clientSecret).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);
    const listed = await app.as('admin.relais38').query(MachineClientsDocument);
    expect(listed.data!.machineClients).toEqual([{ id: client.clientId, name: 'Logiciel du Relais', role: 'SOCIAL_WORKER', revokedAt: null }]);
    const stored = await app.em().getConnection().execute<{ secret_hash: string }[]>(`select secret_hash from machine_client where id = ?`, [client.clientId]);
    expect(stored[0].secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored[0].secret_hash).not.toContain(client.clientSecret.slice(4));
    const audit = await app.em().findOneOrFail(AuditEntry, { kind: AuditKind.WRITE, detail: { ids: { clientId: client.clientId } } as never });
    expect(audit.detail).toMatchObject({ action: 'createMachineClient' });
  });

  it.each([
    ['a role of another kind of structure', 'CARE_WORKER'],
    ['an administrator role', 'STRUCTURE_ADMIN'],
  ] as const)('refuses %s with BAD_USER_INPUT naming role', async (_what, role) => {
    const result = await app.as('admin.relais38').query(CreateMachineClientDocument, { input: { name: 'Autre logiciel', role } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'role' });
  });

  it('is managed by structure administrators only', async () => {
    for (const login of ['ts.relais38', 'cpip.grenoble', 'admin']) {
      const result = await app.as(login).query(CreateMachineClientDocument, { input: { name: 'Logiciel', role: 'SOCIAL_WORKER' } });
      expect({ login, codes: errorCodes(result) }).toEqual({ login, codes: ['FORBIDDEN'] });
    }
  });

  it('gets an RFC 9068 token by HTTP Basic or by the form, signed by the key the JWKS publishes', async () => {
    const byBasic = await tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: basic(client.clientId, client.clientSecret) });
    expect(byBasic.status).toBe(200);
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    const body = (await byBasic.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    const byForm = await tokenRequest(form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }));
    expect(byForm.status).toBe(200);

    const metadata = (await (await app.get('/.well-known/oauth-authorization-server')).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ grant_types_supported: ['client_credentials'], token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'] });
    expect(metadata.token_endpoint).toBe(`${metadata.issuer}/oauth/token`);
    const jwks = (await (await app.get('/.well-known/jwks.json')).json()) as JSONWebKeySet;
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(body.access_token, createLocalJWKSet(jwks), { issuer: metadata.issuer as string, typ: 'at+jwt' });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: jwks.keys[0].kid });
    const account = await app.em().findOneOrFail(Account, { login: { $like: 'client.%' }, displayName: 'Logiciel du Relais' });
    expect(payload).toMatchObject({ sub: account.id, client_id: client.clientId, aud: 'passerelle-api' });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(900);
    expect(typeof payload.jti).toBe('string');
  });

  it('refuses bad token requests as RFC 6749 says', async () => {
    const cases: [string, Promise<Response>, number, string][] = [
      ['a wrong secret', tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: basic(client.clientId, `${client.clientSecret}x`) }), 401, 'invalid_client'],
      ['an unknown client', tokenRequest(form({ grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: client.clientSecret })), 401, 'invalid_client'],
      ['no client authentication', tokenRequest(form({ grant_type: 'client_credentials' })), 401, 'invalid_client'],
      ['another grant type', tokenRequest(form({ grant_type: 'password', client_id: client.clientId, client_secret: client.clientSecret })), 400, 'unsupported_grant_type'],
      ['no grant type', tokenRequest(form({ client_id: client.clientId, client_secret: client.clientSecret })), 400, 'invalid_request'],
      ['two ways of authenticating', tokenRequest(form({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), { authorization: basic(client.clientId, client.clientSecret) }), 400, 'invalid_request'],
      ['a JSON body', tokenRequest(JSON.stringify({ grant_type: 'client_credentials' }), {}, 'application/json'), 400, 'invalid_request'],
    ];
    for (const [what, pending, status, error] of cases) {
      const response = await pending;
      expect({ what, status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({ what, status, error });
      if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
  });

  it('acts as its role of its structure under the same policy, and the audit names the client', async () => {
    const token = await tokenOf(client.clientId, client.clientSecret);
    const me = await app.request(MeDocument, undefined, token);
    expect(me.data!.me).toMatchObject({ role: 'SOCIAL_WORKER', clientKind: 'MACHINE', structure: { name: 'Relais Isère Sortants' } });
    const asMachine = await app.post({ query: '{ myCaseload(first: 50) { totalCount edges { node { person { id } } } } }' }, token, { 'x-request-id': 'machine-caseload-1' });
    const machine = (await asMachine.json()) as { data: { myCaseload: { totalCount: number; edges: { node: { person: { id: string } } }[] } } };
    const asWorker = await app.as('ts.relais38').query(MyCaseloadDocument, { first: 50 });
    // The same persons as the structure's own worker.
    expect(machine.data.myCaseload.totalCount).toBe(asWorker.data!.myCaseload.totalCount);
    expect(machine.data.myCaseload.totalCount).toBeGreaterThan(0);
    const reads = await app.em().find(AccessLogEntry, { requestId: asMachine.headers.get('x-request-id')! });
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read).toMatchObject({ client: 'MACHINE', role: 'SOCIAL_WORKER' });
    // Nothing beyond its role: a client manages no clients (its administrator does).
    expect(errorCodes(await app.request(MachineClientsDocument, undefined, token))).toEqual(['FORBIDDEN']);
  });

  it("refuses a person's token for a machine account, and a token signed by another key", async () => {
    const account = await app.em().findOneOrFail(Account, { displayName: 'Logiciel du Relais' });
    const devToken = await signDevToken(app.config.jwt, account);
    expect(errorCodes(await app.request(MeDocument, undefined, devToken))).toEqual(['UNAUTHENTICATED']);
    const stranger = await PlatformKey.load({ ...app.config.platformKey!, pem: undefined, file: undefined });
    const forged = (await stranger.sign({ accountId: account.id, clientId: client.clientId }, 'forged')).token;
    expect(decodeProtectedHeader(forged).kid).not.toBe(decodeProtectedHeader(await tokenOf(client.clientId, client.clientSecret)).kid);
    expect(errorCodes(await app.request(MeDocument, undefined, forged))).toEqual(['UNAUTHENTICATED']);
  });

  it('rotates its secret: the old one stops at once, the new one works', async () => {
    const rotated = await app.as('admin.relais38').query(RotateMachineClientSecretDocument, { id: client.clientId });
    const fresh = rotated.data!.rotateMachineClientSecret;
    expect(fresh.clientId).toBe(client.clientId);
    expect(fresh.clientSecret).not.toBe(client.clientSecret);
    const old = await tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: basic(client.clientId, client.clientSecret) });
    expect(old.status).toBe(401);
    await tokenOf(client.clientId, fresh.clientSecret);
    client = fresh;
  });

  it("is another structure's administrator's to see or touch not at all", async () => {
    const em = app.em();
    const [siao] = await em.find(Structure, { kind: StructureKind.SIAO }, { orderBy: { name: 'asc' }, limit: 1 });
    em.persist(new Account('admin.siao.test', 'Admin SIAO', siao, Role.STRUCTURE_ADMIN));
    await em.flush();
    const other = app.as('admin.siao.test');
    expect((await other.query(MachineClientsDocument)).data!.machineClients).toEqual([]);
    expect(errorCodes(await other.query(RevokeMachineClientDocument, { id: client.clientId }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await other.query(RotateMachineClientSecretDocument, { id: client.clientId }))).toEqual(['NOT_FOUND']);
  });

  it('is revoked: its token is refused at the next request, and it gets no new one', async () => {
    const token = await tokenOf(client.clientId, client.clientSecret);
    expect((await app.request(MeDocument, undefined, token)).data!.me.clientKind).toBe('MACHINE');
    const revoked = await app.as('admin.relais38').query(RevokeMachineClientDocument, { id: client.clientId });
    expect(revoked.data!.revokeMachineClient.revokedAt).not.toBeNull();
    expect(decodeJwt(token).exp! * 1000).toBeGreaterThan(Date.now());
    expect(errorCodes(await app.request(MeDocument, undefined, token))).toEqual(['UNAUTHENTICATED']);
    const again = await tokenRequest(form({ grant_type: 'client_credentials' }), { authorization: basic(client.clientId, client.clientSecret) });
    expect(again.status).toBe(401);
    expect(errorCodes(await app.as('admin.relais38').query(RotateMachineClientSecretDocument, { id: client.clientId }))).toEqual(['BAD_USER_INPUT']);
  });
});
