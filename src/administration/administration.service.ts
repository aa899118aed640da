import { Account } from '../accounts/account.entity';
import { AccountView } from '../accounts/account.type';
import { ExternalIdentity } from '../accounts/external-identity.entity';
import { auditWrite } from '../audit/audit.service';
import { ClientKind, roleFitsStructure } from '../auth/role';
import type { RequestContext } from '../context/request-context';
import { assertVersion, inTransaction } from '../context/transaction';
import { Convention } from '../support/convention.entity';
import { ConventionView } from '../support/convention.type';
import { assertAllowed, managedStructureId, managesStructure, mayGrantRole } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { type Connection, keysetPage, type PageArgs } from '../shared/connection';
import { StructureKind } from '../shared/structure-kind';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';
import { ServiceView, StructureView } from '../structures/structure.type';
import type {
  CreateAccountInput,
  CreateConventionInput,
  CreateStructureInput,
  ServiceInput,
  UpdateConventionInput,
  UpdateStructureInput,
} from './administration.inputs';

/** The audit entry of an administration write: no person, no domain; what was done and to which row. */
function audit(ctx: RequestContext, action: string, ids: Record<string, string>): void {
  auditWrite(ctx, { personId: null, domains: [], action, ids });
}

/** Only the fields given change; null clears an optional field. */
function assignGiven<T extends object>(row: T, changes: Partial<T>): void {
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) (row as Record<string, unknown>)[key] = value;
}

/**
 * The directory and its accounts, managed through the API: the platform's administrators
 * create structures and conventions; a structure's administrator its services and accounts
 * (the platform's, for any structure). Every write is audited in its transaction.
 */
export class AdministrationService {
  async createStructure(ctx: RequestContext, input: CreateStructureInput): Promise<StructureView> {
    assertAllowed(ctx.viewer, Permission.STRUCTURE_MANAGE);
    if (input.kind === StructureKind.PLATFORM) throw new BadUserInputError('There is one platform', 'kind');
    const structure = await inTransaction(ctx, async (em) => {
      const created = new Structure(input.name.trim(), input.kind, input.departement ?? null, input.city ?? null);
      created.region = input.region ?? null;
      created.siret = input.siret ?? null;
      em.persist(created);
      audit(ctx, 'createStructure', { structureId: created.id });
      return created;
    });
    return StructureView.from(structure);
  }

  async updateStructure(ctx: RequestContext, id: string, input: UpdateStructureInput, expectedVersion?: number | null): Promise<StructureView> {
    assertAllowed(ctx.viewer, Permission.STRUCTURE_MANAGE);
    const structure = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Structure, parseId(id, 'id'));
      if (!found) throw new NotFoundError('Structure');
      assertVersion('The structure', found.version, expectedVersion);
      if (input.name === null) throw new BadUserInputError('name cannot be cleared', 'name');
      assignGiven(found, { name: input.name?.trim(), departement: input.departement, city: input.city, region: input.region, siret: input.siret });
      audit(ctx, 'updateStructure', { structureId: found.id });
      return found;
    });
    return StructureView.from(structure);
  }

  async createConvention(ctx: RequestContext, input: CreateConventionInput): Promise<ConventionView> {
    assertAllowed(ctx.viewer, Permission.CONVENTION_MANAGE);
    if (input.validTo && input.validTo < input.validFrom) throw new BadUserInputError('validTo must not be before validFrom', 'validTo');
    const convention = await inTransaction(ctx, async (em) => {
      const structure = await em.findOne(Structure, parseId(input.structureId, 'structureId'));
      if (!structure) throw new BadUserInputError('structureId is not a structure of the directory', 'structureId');
      const partner = await em.findOne(Structure, parseId(input.partnerId, 'partnerId'));
      if (!partner || partner.kind !== StructureKind.SPIP) throw new BadUserInputError('partnerId must be a SPIP of the directory', 'partnerId');
      const created = new Convention(structure, partner, input.yearlyQuota, input.validFrom);
      if (input.serviceId) {
        const service = await em.findOne(Service, { id: parseId(input.serviceId, 'serviceId'), structure });
        if (!service) throw new BadUserInputError('serviceId must be a service of the receiving structure', 'serviceId');
        created.service = service;
      }
      created.validTo = input.validTo ?? null;
      created.title = input.title ?? null;
      em.persist(created);
      audit(ctx, 'createConvention', { conventionId: created.id });
      return created;
    });
    return ConventionView.from(convention);
  }

  async updateConvention(ctx: RequestContext, id: string, input: UpdateConventionInput, expectedVersion?: number | null): Promise<ConventionView> {
    assertAllowed(ctx.viewer, Permission.CONVENTION_MANAGE);
    const convention = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Convention, parseId(id, 'id'));
      if (!found) throw new NotFoundError('Convention');
      assertVersion('The convention', found.version, expectedVersion);
      if (input.yearlyQuota === null) throw new BadUserInputError('yearlyQuota cannot be cleared', 'yearlyQuota');
      if (input.validTo && input.validTo < found.validFrom) throw new BadUserInputError('validTo must not be before validFrom', 'validTo');
      assignGiven(found, { yearlyQuota: input.yearlyQuota, validTo: input.validTo, title: input.title });
      audit(ctx, 'updateConvention', { conventionId: found.id });
      return found;
    });
    return ConventionView.from(convention);
  }

  async createService(ctx: RequestContext, input: ServiceInput): Promise<ServiceView> {
    assertAllowed(ctx.viewer, Permission.SERVICE_MANAGE);
    const structureId = parseId(managedStructureId(ctx.viewer, input.structureId), 'structureId');
    const service = await inTransaction(ctx, async (em) => {
      const structure = await em.findOne(Structure, structureId);
      if (!structure) throw new BadUserInputError('structureId is not a structure of the directory', 'structureId');
      const created = new Service(structure, input.name.trim());
      assignGiven(created, {
        housingPlaces: input.housingPlaces,
        activeFileCapacity: input.activeFileCapacity,
        needs: input.needs ?? undefined,
        receivesReferrals: input.receivesReferrals ?? undefined,
      });
      em.persist(created);
      audit(ctx, 'createService', { serviceId: created.id });
      return created;
    });
    return ServiceView.from(service);
  }

  async updateService(ctx: RequestContext, id: string, input: ServiceInput, expectedVersion?: number | null): Promise<ServiceView> {
    assertAllowed(ctx.viewer, Permission.SERVICE_MANAGE);
    const service = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Service, parseId(id, 'id'));
      // Another structure's service is not found, as an unknown one, for a structure admin.
      if (!found || !managesStructure(ctx.viewer, found.structure.id)) throw new NotFoundError('Service');
      if (input.structureId && input.structureId !== found.structure.id) throw new BadUserInputError('A service stays with its structure', 'structureId');
      assertVersion('The service', found.version, expectedVersion);
      assignGiven(found, {
        name: input.name.trim(),
        housingPlaces: input.housingPlaces,
        activeFileCapacity: input.activeFileCapacity,
        needs: input.needs ?? undefined,
        receivesReferrals: input.receivesReferrals ?? undefined,
      });
      audit(ctx, 'updateService', { serviceId: found.id });
      return found;
    });
    return ServiceView.from(service);
  }

  async accounts(ctx: RequestContext, structureId: string | null | undefined): Promise<AccountView[]> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_MANAGE);
    const target = parseId(managedStructureId(ctx.viewer, structureId), 'structureId');
    const found = await ctx.em.find(Account, { structure: target, clientKind: ClientKind.USER }, { orderBy: { login: 'asc' } });
    return found.map(AccountView.from);
  }

  /** The same accounts a page at a time, by login (unique) (accountsConnection). */
  accountsPage(ctx: RequestContext, structureId: string | null | undefined, page: PageArgs): Promise<Connection<AccountView>> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_MANAGE);
    const target = parseId(managedStructureId(ctx.viewer, structureId), 'structureId');
    return keysetPage({
      list: 'accounts',
      keyLength: 1,
      args: page,
      fetch: (after, limit) =>
        ctx.em.find(
          Account,
          { structure: target, clientKind: ClientKind.USER, ...(after ? { login: { $gt: String(after[0]) } } : {}) },
          { orderBy: { login: 'asc' }, limit },
        ),
      key: (account) => [account.login],
      node: AccountView.from,
    });
  }

  async createAccount(ctx: RequestContext, input: CreateAccountInput): Promise<AccountView> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_MANAGE);
    const structureId = parseId(managedStructureId(ctx.viewer, input.structureId), 'structureId');
    if (input.login.startsWith('client.')) throw new BadUserInputError('Logins starting with "client." are the machine clients\'', 'login');
    const account = await inTransaction(ctx, async (em) => {
      const structure = await em.findOne(Structure, structureId);
      if (!structure) throw new BadUserInputError('structureId is not a structure of the directory', 'structureId');
      if (!roleFitsStructure(input.role, structure.kind)) {
        throw new BadUserInputError(`A ${structure.kind} has no ${input.role}`, 'role');
      }
      if (!mayGrantRole(ctx.viewer, input.role)) throw new BadUserInputError('Only the platform names its administrators', 'role');
      if (await em.count(Account, { login: input.login })) throw new ConflictError('This login is taken', { argumentName: 'login' });
      const created = new Account(input.login, input.displayName.trim(), structure, input.role);
      created.email = input.email ?? null;
      em.persist(created);
      audit(ctx, 'createAccount', { accountId: created.id });
      return created;
    });
    return AccountView.from(account);
  }

  /** Disabled or enabled: takes effect on the account's next request. */
  async setDisabled(ctx: RequestContext, id: string, disabled: boolean): Promise<AccountView> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_MANAGE);
    const account = await inTransaction(ctx, async (em) => {
      const found = await this.managedAccount(ctx, id);
      if (found.id === ctx.viewer.accountId) throw new BadUserInputError('You cannot disable your own account', 'id');
      found.disabled = disabled;
      audit(ctx, disabled ? 'disableAccount' : 'enableAccount', { accountId: found.id });
      return found;
    });
    return AccountView.from(account);
  }

  /** Ties an account to a subject of an identity provider (ProConnect, or any OIDC provider): its tokens act as the account. */
  async linkExternalIdentity(ctx: RequestContext, accountId: string, issuer: string, subject: string): Promise<AccountView> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_MANAGE);
    if (!/^https:\/\/\S+$/.test(issuer) || issuer.length > 500) throw new BadUserInputError('issuer must be the https URL of the identity provider', 'issuer');
    if (!subject.trim() || subject.length > 255) throw new BadUserInputError('subject must be the identity provider\'s subject (1 to 255 characters)', 'subject');
    const account = await inTransaction(ctx, async (em) => {
      const found = await this.managedAccount(ctx, accountId);
      const taken = await em.findOne(ExternalIdentity, { issuer, subject });
      if (taken && taken.account.id !== found.id) throw new ConflictError('This identity acts as another account already');
      if (!taken) em.persist(new ExternalIdentity(found, issuer, subject));
      audit(ctx, 'linkExternalIdentity', { accountId: found.id });
      return found;
    });
    return AccountView.from(account);
  }

  /** A person's account of a structure the viewer manages; others are not found. Machine clients are managed as clients. */
  private async managedAccount(ctx: RequestContext, id: string): Promise<Account> {
    const { em } = ctx;
    const found = await em.findOne(Account, { id: parseId(id, 'id'), clientKind: ClientKind.USER });
    if (!found || !managesStructure(ctx.viewer, found.structure.id) || !mayGrantRole(ctx.viewer, found.role)) throw new NotFoundError('Account');
    return found;
  }
}

export const administrationService = new AdministrationService();
