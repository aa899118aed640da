import type { EntityManager } from '@mikro-orm/postgresql';
import { UnauthenticatedError } from '../shared/errors';
import { isUuid } from '../shared/ids';
import { executePrepared } from '../shared/prepared';
import { InvalidTokenError, bearerToken, type TokenSubject, type TokenVerifier } from './tokens';
import { ClientKind, type Role } from './role';
import type { Viewer } from './viewer';
import type { StructureKind } from '../shared/structure-kind';

/** The account and its structure, as authentication reads them (the accounts module owns the table). */
interface AccountRow {
  id: string;
  login: string;
  role: Role;
  client_kind: ClientKind;
  disabled: boolean;
  structure_id: string;
  structure_kind: StructureKind;
}

/**
 * Turns the Authorization header into the viewer, reading the account from the
 * database so that a disabled account or a changed role takes effect at once.
 */
export async function authenticate(
  em: EntityManager,
  verifier: TokenVerifier,
  authorization: string | undefined,
): Promise<Viewer> {
  const token = bearerToken(authorization);
  if (!token) throw new UnauthenticatedError();
  let subject: TokenSubject;
  try {
    subject = await verifier.subjectOf(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError('Invalid or expired token');
    throw error;
  }
  const { accountId: sub, issuer } = subject;
  if (sub.length > 255) throw new UnauthenticatedError('Invalid or expired token');
  // One plain row, no entity, one plan per connection: this runs on every request. A person's
  // token names an identity linked to an account (ProConnect: linkExternalIdentity) or the
  // account itself; a machine client's, its account.
  const [account] = await executePrepared<AccountRow>(
    em,
    `select a.id, a.login, a.role, a.client_kind, a.disabled, s.id as structure_id, s.kind as structure_kind
     from account a join structure s on s.id = a.structure_id
     where a.id = coalesce((select e.account_id from external_identity e where e.issuer = ? and e.subject = ?), ?::uuid)`,
    [subject.clientId ? '' : issuer, sub, isUuid(sub) ? sub : null],
  );
  if (!account || account.disabled) throw new UnauthenticatedError('Unknown or disabled account');
  // A partner system authenticates only with the platform's tokens (client credentials), a
  // person only with the identity provider's: neither stands in for the other.
  if ((account.client_kind === ClientKind.MACHINE) !== (subject.clientId !== null)) {
    throw new UnauthenticatedError('Unknown or disabled account');
  }
  return {
    accountId: account.id,
    login: account.login,
    role: account.role,
    clientKind: account.client_kind,
    structureId: account.structure_id,
    structureKind: account.structure_kind,
  };
}
