import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { UnauthenticatedError } from '../shared/errors';
import { isUuid } from '../shared/ids';
import { InvalidTokenError, bearerToken, type TokenVerifier } from './tokens';
import type { Viewer } from './viewer';

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
  let accountId: string;
  try {
    accountId = await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError('Invalid or expired token');
    throw error;
  }
  if (!isUuid(accountId)) throw new UnauthenticatedError('Invalid or expired token');
  const account = await em.findOne(Account, { id: accountId }, { populate: ['structure'] });
  if (!account || account.disabled) throw new UnauthenticatedError('Unknown or disabled account');
  return {
    accountId: account.id,
    login: account.login,
    role: account.role,
    clientKind: account.clientKind,
    structureId: account.structure.id,
    structureKind: account.structure.kind,
  };
}
