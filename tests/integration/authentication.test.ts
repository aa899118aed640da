import { SignJWT } from 'jose';
import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { signDevToken } from '../../src/auth/tokens';
import { MeDocument } from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

/** The demo accounts of shared/spec/contract.md: login → structure, kind, département, role. */
const CONTRACT_ACCOUNTS = [
  ['cpip.grenoble', "SPIP de l'Isère", 'SPIP', '38', 'PROBATION_OFFICER'],
  ['cpip.angers', 'SPIP de Maine-et-Loire', 'SPIP', '49', 'PROBATION_OFFICER'],
  ['ts.relais38', 'Relais Isère Sortants', 'ASSOCIATION', '38', 'SOCIAL_WORKER'],
  ['soignant.csapa44', 'CSAPA Nantes Addictions', 'CSAPA', '44', 'CARE_WORKER'],
  ['soignant.csapa38', 'CSAPA Grenoble Addictions', 'CSAPA', '38', 'CARE_WORKER'],
  ['coord.siao38', "SIAO de l'Isère", 'SIAO', '38', 'HOUSING_COORDINATOR'],
  ['eval.ofdt', 'Observatoire des drogues', 'EVALUATOR', null, 'EVALUATOR'],
  ['admin.relais38', 'Relais Isère Sortants', 'ASSOCIATION', '38', 'STRUCTURE_ADMIN'],
  ['admin', 'Plateforme', 'PLATFORM', null, 'PLATFORM_ADMIN'],
] as const;

describe('authentication and me', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(CONTRACT_ACCOUNTS)('%s is answered with its role and structure', async (login, structure, kind, departement, role) => {
    const result = await app.as(login).query(MeDocument);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toMatchObject({
      login,
      role,
      clientKind: 'USER',
      structure: { name: structure, kind, departement },
    });
  });

  it('refuses a request without a token: UNAUTHENTICATED, HTTP 401, no data', async () => {
    const result = await app.request(MeDocument);
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
  });

  it('challenges a request without a valid token for a bearer token (RFC 6750), on /graphql and on the exports', async () => {
    const graphql = await app.post({ query: '{ me { login } }' }, 'not-a-jwt');
    expect(graphql.status).toBe(401);
    expect(graphql.headers.get('www-authenticate')).toBe('Bearer realm="passerelle"');
    const exported = await fetch(`${app.url}/exports/persons/00000000-0000-4000-8000-000000000000/record.json`);
    expect(exported.status).toBe(401);
    expect(exported.headers.get('www-authenticate')).toBe('Bearer realm="passerelle"');
    expect(((await exported.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a malformed token', async () => {
    const result = await app.request(MeDocument, {}, 'not-a-jwt');
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
  });

  it('refuses an expired token', async () => {
    const account = await app.em().findOneOrFail(Account, { login: 'cpip.grenoble' });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuer(app.config.jwt.issuer)
      .setAudience(app.config.jwt.audience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(app.config.jwt.secret));
    const result = await app.request(MeDocument, {}, token);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
  });

  it('refuses a token signed with another secret', async () => {
    const account = await app.em().findOneOrFail(Account, { login: 'cpip.grenoble' });
    const forged = await signDevToken({ ...app.config.jwt, secret: 'another-secret-of-sufficient-length!!' }, account);
    const result = await app.request(MeDocument, {}, forged);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token for another audience', async () => {
    const account = await app.em().findOneOrFail(Account, { login: 'cpip.grenoble' });
    const token = await signDevToken({ ...app.config.jwt, audience: 'someone-else' }, account);
    const result = await app.request(MeDocument, {}, token);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a valid token whose subject is no account', async () => {
    const token = await signDevToken(app.config.jwt, { id: '00000000-0000-4000-8000-000000000000', login: 'ghost' });
    const result = await app.request(MeDocument, {}, token);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('reads the account on every request: disabling it or changing its role takes effect at once', async () => {
    const em = app.em();
    const account = await em.findOneOrFail(Account, { login: 'admin.relais38' });
    const token = await signDevToken(app.config.jwt, account);
    expect((await app.request(MeDocument, {}, token)).data?.me.role).toBe('STRUCTURE_ADMIN');

    account.role = Role.SOCIAL_WORKER;
    await em.flush();
    expect((await app.request(MeDocument, {}, token)).data?.me.role).toBe('SOCIAL_WORKER');

    account.disabled = true;
    await em.flush();
    const refused = await app.request(MeDocument, {}, token);
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.data).toBeUndefined();
  });

  it("answers with the server's own request id, the client's kept apart as a correlation id", async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const first = await app.post({ query: '{ me { login } }' }, token, { 'x-request-id': 'partner-req-0001' });
    const second = await app.post({ query: '{ me { login } }' }, token, { 'x-request-id': 'partner-req-0001' });
    for (const response of [first, second]) {
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-correlation-id')).toBe('partner-req-0001');
    }
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    const correlated = await app.post({ query: '{ me { login } }' }, token, { 'x-correlation-id': 'partner-corr-0002' });
    expect(correlated.headers.get('x-correlation-id')).toBe('partner-corr-0002');
    const malformed = await app.post({ query: '{ me { login } }' }, token, { 'x-request-id': 'bad id with spaces' });
    expect(malformed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(malformed.headers.get('x-correlation-id')).toBeNull();
  });

  it('refuses a token without an expiry, and one that lives longer than allowed', async () => {
    const account = await app.em().findOneOrFail(Account, { login: 'cpip.grenoble' });
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: (jwt: SignJWT) => SignJWT) =>
      claims(new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(account.id).setIssuer(app.config.jwt.issuer).setAudience(app.config.jwt.audience)).sign(
        new TextEncoder().encode(app.config.jwt.secret),
      );
    for (const token of [
      await sign((jwt) => jwt.setIssuedAt(now)),
      await sign((jwt) => jwt),
      await sign((jwt) => jwt.setIssuedAt(now).setExpirationTime(now + app.config.jwt.maxLifetimeSeconds + 60)),
      await sign((jwt) => jwt.setExpirationTime(now + 30 * 86400)),
      // Dated in the future to stretch its lifetime: refused too.
      await sign((jwt) => jwt.setIssuedAt(now + 30 * 86400).setExpirationTime(now + 30 * 86400 + 3600)),
    ]) {
      const result = await app.request(MeDocument, {}, token);
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    }
    const fine = await app.request(MeDocument, {}, await sign((jwt) => jwt.setIssuedAt(now).setExpirationTime(now + 3600)));
    expect(fine.errors).toBeUndefined();
  });
});
