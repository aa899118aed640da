import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import type { PlatformKey } from '../auth/platform-key';
import { ClientKind, Role, roleFitsStructure } from '../auth/role';
import { hashSecret, newClientSecret, verifySecret } from '../auth/secrets';
import type { RequestContext } from '../context/request-context';
import { inTransaction } from '../context/transaction';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { BadUserInputError, NotFoundError } from '../shared/errors';
import { isUuid, parseId } from '../shared/ids';
import { Structure } from '../structures/structure.entity';
import type { CreateMachineClientInput } from './machine-client.inputs';
import { MachineClient } from './machine-client.entity';
import { MachineClientCredentialsView, MachineClientView } from './machine-client.type';

/** Roles a machine client may hold: a structure's worker roles, never an administrator's. */
const ADMIN_ROLES: readonly Role[] = [Role.STRUCTURE_ADMIN, Role.PLATFORM_ADMIN];

/** Why a token request is refused (RFC 6749 section 5.2 error codes). */
export class ClientAuthenticationError extends Error {}

/** Partner systems: created, rotated and revoked by their structure's administrator; tokens for them. */
export class MachineClientService {
  async list(ctx: RequestContext): Promise<MachineClientView[]> {
    assertAllowed(ctx.viewer, Permission.MACHINE_CLIENT_MANAGE);
    const clients = await ctx.em.find(
      MachineClient,
      { structure: ctx.viewer.structureId },
      { populate: ['account'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return clients.map(MachineClientView.from);
  }

  async create(ctx: RequestContext, input: CreateMachineClientInput): Promise<MachineClientCredentialsView> {
    assertAllowed(ctx.viewer, Permission.MACHINE_CLIENT_MANAGE);
    const secret = newClientSecret();
    const secretHash = await hashSecret(secret);
    const client = await inTransaction(ctx, async (em) => {
      const structure = await em.findOneOrFail(Structure, ctx.viewer.structureId);
      if (ADMIN_ROLES.includes(input.role) || !roleFitsStructure(input.role, structure.kind)) {
        throw new BadUserInputError(`A machine client of a ${structure.kind} acts as one of its worker roles, not ${input.role}`, 'role');
      }
      const id = randomUUID();
      const account = new Account(`client.${id.slice(0, 8)}`, input.name.trim(), structure, input.role);
      account.clientKind = ClientKind.MACHINE;
      const created = new MachineClient(input.name.trim(), structure, account, secretHash);
      created.id = id;
      em.persist([account, created]);
      auditWrite(ctx, { personId: null, domains: [], action: 'createMachineClient', ids: { clientId: id, accountId: account.id } });
      return created;
    });
    return this.credentials(client, secret);
  }

  /** A new secret; the old one stops working at once (tokens already issued run out within minutes). */
  async rotate(ctx: RequestContext, id: string): Promise<MachineClientCredentialsView> {
    assertAllowed(ctx.viewer, Permission.MACHINE_CLIENT_MANAGE);
    const secret = newClientSecret();
    const secretHash = await hashSecret(secret);
    const client = await inTransaction(ctx, async (em) => {
      const found = await this.ownActive(ctx, id);
      found.secretHash = secretHash;
      found.secretRotatedAt = new Date();
      auditWrite(ctx, { personId: null, domains: [], action: 'rotateMachineClientSecret', ids: { clientId: found.id } });
      return found;
    });
    return this.credentials(client, secret);
  }

  /** Revoked for good: no more tokens, and the tokens it holds are refused from the next request. */
  async revoke(ctx: RequestContext, id: string): Promise<MachineClientView> {
    assertAllowed(ctx.viewer, Permission.MACHINE_CLIENT_MANAGE);
    const client = await inTransaction(ctx, async (em) => {
      const found = await this.ownActive(ctx, id);
      found.revokedAt = new Date();
      found.account.disabled = true;
      // Its webhook subscriptions end with it: nothing more is delivered to the system it was.
      await em.execute(`update webhook_subscription set deleted_at = now() where created_by_id = ? and deleted_at is null`, [found.account.id]);
      auditWrite(ctx, { personId: null, domains: [], action: 'revokeMachineClient', ids: { clientId: found.id } });
      return found;
    });
    return MachineClientView.from(client);
  }

  /**
   * An access token for a client that proves its secret (the token endpoint, outside any
   * request context). Unknown clients, wrong secrets, revoked clients and disabled accounts are
   * refused alike.
   */
  async issueToken(em: EntityManager, key: PlatformKey, clientId: string, secret: string): Promise<{ token: string; expiresIn: number; client: MachineClient }> {
    const client = isUuid(clientId) ? await em.findOne(MachineClient, clientId, { populate: ['account'] }) : null;
    // A wrong client id costs a hash too: the answer's timing does not tell which clients exist.
    const matches = await verifySecret(secret, client?.secretHash ?? DUMMY_HASH);
    if (!client || !matches || client.revokedAt || client.account.disabled) {
      throw new ClientAuthenticationError('invalid_client');
    }
    const { token, expiresIn } = await key.sign({ accountId: client.account.id, clientId: client.id }, randomUUID());
    return { token, expiresIn, client };
  }

  private async ownActive(ctx: RequestContext, id: string): Promise<MachineClient> {
    const { em } = ctx;
    const found = await em.findOne(MachineClient, { id: parseId(id, 'id'), structure: ctx.viewer.structureId }, { populate: ['account'] });
    // Another structure's client is not found, as an unknown one.
    if (!found) throw new NotFoundError('Machine client');
    if (found.revokedAt) throw new BadUserInputError('The machine client is revoked', 'id');
    return found;
  }

  private credentials(client: MachineClient, secret: string): MachineClientCredentialsView {
    return Object.assign(new MachineClientCredentialsView(), { clientId: client.id, clientSecret: secret, client: MachineClientView.from(client) });
  }
}

/** A hash of no secret anyone holds, checked when the client id is unknown. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const machineClientService = new MachineClientService();
