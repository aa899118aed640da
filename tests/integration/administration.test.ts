import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import { Account } from '../../src/accounts/account.entity';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import {
  AccountsDocument,
  CreateAccountDocument,
  CreateConventionDocument,
  CreateServiceDocument,
  CreateStructureDocument,
  DisableAccountDocument,
  EnableAccountDocument,
  LinkExternalIdentityDocument,
  MeDocument,
  UpdateServiceDocument,
  UpdateStructureDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

const ISSUER = 'https://proconnect.test.example/api/v2';

/** An OpenID Connect provider as ProConnect is seen from Passerelle: RS256 tokens, a JWKS over HTTP. */
class IdentityProvider {
  private key!: KeyLike;
  private readonly server = http.createServer(async (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [{ ...(await exportJWK(this.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] }));
  });
  private publicKey!: KeyLike;

  async start(): Promise<string> {
    ({ privateKey: this.key, publicKey: this.publicKey } = await generateKeyPair('RS256'));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  token(subject: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(ISSUER)
      .setAudience('passerelle-api')
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.key);
  }
}

describe('administration through the API, and identities from an OIDC provider (ProConnect)', () => {
  let app: TestApp;
  const idp = new IdentityProvider();
  const ids: Record<string, string> = {};

  const as = async (login: string) => idp.token((await app.em().findOneOrFail(Account, { login })).id);

  beforeAll(async () => {
    const jwks = await idp.start();
    app = await TestApp.start({ env: { JWT_JWKS_URL: jwks, JWT_ISSUER: ISSUER, JWT_ALGORITHM: 'RS256' } });
    ids.relais = (await app.em().findOneOrFail(Structure, { name: 'Relais Isère Sortants' })).id;
    ids.spip = (await app.em().findOneOrFail(Structure, { kind: StructureKind.SPIP, departement: '38' })).id;
  });

  afterAll(async () => {
    await app.close();
    await idp.stop();
  });

  it('lets platform admins create and change structures and conventions, and nobody else', async () => {
    const admin = await as('admin');
    const created = await app.request(CreateStructureDocument, { input: { name: 'CSAPA Vienne Test', kind: 'CSAPA', departement: '38', city: 'Vienne', siret: '99900012300003' } }, admin);
    expect(created.errors).toBeUndefined();
    ids.csapa = created.data!.createStructure.id;
    const renamed = await app.request(UpdateStructureDocument, { id: ids.csapa, input: { city: 'Vienne (Isère)' }, expectedVersion: 1 }, admin);
    expect(renamed.data!.updateStructure).toMatchObject({ name: 'CSAPA Vienne Test', city: 'Vienne (Isère)' });
    expect(errorCodes(await app.request(UpdateStructureDocument, { id: ids.csapa, input: { city: 'X' }, expectedVersion: 1 }, admin))).toEqual(['CONFLICT']);
    const convention = await app.request(CreateConventionDocument, { input: { structureId: ids.csapa, partnerId: ids.spip, yearlyQuota: 40, validFrom: '2026-01-01' } }, admin);
    expect(convention.data!.createConvention.yearlyQuota).toBe(40);
    for (const login of ['admin.relais38', 'cpip.grenoble']) {
      const token = await as(login);
      expect(errorCodes(await app.request(CreateStructureDocument, { input: { name: 'Autre', kind: 'ASSOCIATION' } }, token))).toEqual(['FORBIDDEN']);
    }
    const writes = await app.em().find(AuditEntry, { kind: AuditKind.WRITE, detail: { action: { $in: ['createStructure', 'updateStructure', 'createConvention'] } } as never });
    expect(writes).toHaveLength(3);
  });

  it.each([
    [{ name: 'Sans SIRET valide', kind: 'ASSOCIATION', siret: '12345678901234' }, 'siret'],
    [{ name: 'Mauvais département', kind: 'ASSOCIATION', departement: '999' }, 'departement'],
    [{ name: 'X', kind: 'ASSOCIATION' }, 'name'],
  ] as const)('refuses %p naming %s', async (input, argumentName) => {
    const result = await app.request(CreateStructureDocument, { input }, await as('admin'));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(result.errors)).toContain(argumentName);
  });

  it("lets a structure admin manage its own services and accounts, not another structure's", async () => {
    const admin = await as('admin.relais38');
    const service = await app.request(CreateServiceDocument, { input: { name: 'Appartements relais', housingPlaces: 6, needs: ['HOUSING'] } }, admin);
    expect(service.data!.createService).toMatchObject({ name: 'Appartements relais', housingPlaces: 6, needs: ['HOUSING'] });
    const updated = await app.request(UpdateServiceDocument, { id: service.data!.createService.id, input: { name: 'Appartements relais', housingPlaces: 8 } }, admin);
    expect(updated.data!.updateService.housingPlaces).toBe(8);
    expect(errorCodes(await app.request(CreateServiceDocument, { input: { structureId: ids.csapa, name: 'Intrus' } }, admin))).toEqual(['FORBIDDEN']);

    const account = await app.request(CreateAccountDocument, { input: { login: 'ts2.relais38', displayName: 'Léa Martin', role: 'SOCIAL_WORKER', email: 'lea.martin@relais.example' } }, admin);
    expect(account.errors).toBeUndefined();
    ids.worker = account.data!.createAccount.id;
    for (const [input, argument] of [
      [{ login: 'soin.relais38', displayName: 'Soignant', role: 'CARE_WORKER' }, 'role'],
      [{ login: 'Bad Login', displayName: 'Mauvais', role: 'SOCIAL_WORKER' }, 'login'],
      [{ login: 'mail.relais38', displayName: 'Courriel', role: 'SOCIAL_WORKER', email: 'not-an-email' }, 'email'],
      [{ login: 'root.relais38', displayName: 'Racine', role: 'PLATFORM_ADMIN' }, 'role'],
    ] as const) {
      const refused = await app.request(CreateAccountDocument, { input }, admin);
      expect({ argument, codes: errorCodes(refused) }).toEqual({ argument, codes: ['BAD_USER_INPUT'] });
    }
    expect(errorCodes(await app.request(CreateAccountDocument, { input: { login: 'ts2.relais38', displayName: 'Doublon', role: 'SOCIAL_WORKER' } }, admin))).toEqual(['CONFLICT']);
    const listed = await app.request(AccountsDocument, {}, admin);
    expect(listed.data!.accounts.map((row) => row.login)).toEqual(expect.arrayContaining(['admin.relais38', 'ts.relais38', 'ts2.relais38']));
    expect(errorCodes(await app.request(AccountsDocument, { structureId: ids.spip }, admin))).toEqual(['FORBIDDEN']);
    // A structure admin of the platform itself does not manage the platform's administrators.
    const platform = await app.em().findOneOrFail(Structure, { kind: StructureKind.PLATFORM });
    const platformAdmin = await app.em().findOneOrFail(Account, { login: 'admin' });
    const em = app.em();
    em.persist(new Account('admin.platform.test', 'Admin de structure', em.getReference(Structure, platform.id), 'STRUCTURE_ADMIN' as never));
    await em.flush();
    expect(errorCodes(await app.request(DisableAccountDocument, { id: platformAdmin.id }, await as('admin.platform.test')))).toEqual(['NOT_FOUND']);
    const spipOfficer = await app.em().findOneOrFail(Account, { login: 'cpip.grenoble' });
    expect(errorCodes(await app.request(DisableAccountDocument, { id: spipOfficer.id }, admin))).toEqual(['NOT_FOUND']);
  });

  it('disables an account from its next request, and enables it again', async () => {
    const admin = await as('admin.relais38');
    const token = await idp.token(ids.worker);
    expect((await app.request(MeDocument, undefined, token)).data!.me.login).toBe('ts2.relais38');
    await app.request(DisableAccountDocument, { id: ids.worker }, admin);
    expect(errorCodes(await app.request(MeDocument, undefined, token))).toEqual(['UNAUTHENTICATED']);
    await app.request(EnableAccountDocument, { id: ids.worker }, admin);
    expect((await app.request(MeDocument, undefined, token)).data!.me.login).toBe('ts2.relais38');
    const self = (await app.em().findOneOrFail(Account, { login: 'admin.relais38' })).id;
    expect(errorCodes(await app.request(DisableAccountDocument, { id: self }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it("acts as the linked account with the provider's token for a subject, and as nobody before the link", async () => {
    const proconnect = await idp.token('f1b8c0e2-proconnect-sub-4a7d');
    expect(errorCodes(await app.request(MeDocument, undefined, proconnect))).toEqual(['UNAUTHENTICATED']);
    const linked = await app.request(LinkExternalIdentityDocument, { accountId: ids.worker, issuer: ISSUER, subject: 'f1b8c0e2-proconnect-sub-4a7d' }, await as('admin.relais38'));
    expect(linked.errors).toBeUndefined();
    expect((await app.request(MeDocument, undefined, proconnect)).data!.me).toMatchObject({ login: 'ts2.relais38', role: 'SOCIAL_WORKER' });
    // The same subject cannot be given to a second account.
    const other = (await app.em().findOneOrFail(Account, { login: 'ts.relais38' })).id;
    expect(errorCodes(await app.request(LinkExternalIdentityDocument, { accountId: other, issuer: ISSUER, subject: 'f1b8c0e2-proconnect-sub-4a7d' }, await as('admin.relais38')))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.request(LinkExternalIdentityDocument, { accountId: other, issuer: 'http://insecure.example', subject: 'x' }, await as('admin.relais38')))).toEqual(['BAD_USER_INPUT']);
  });
});
