import type { RequestContext } from '../context/request-context';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { Account } from './account.entity';
import { accountLoaders } from './account.loaders';
import { AccountView } from './account.type';

export class AccountService {
  /** The viewer's own account, as the database holds it for this request. */
  async me(ctx: RequestContext): Promise<AccountView> {
    assertAllowed(ctx.viewer, Permission.ACCOUNT_READ_SELF);
    const account = await ctx.em.findOneOrFail(Account, { id: ctx.viewer.accountId });
    return AccountView.from(account);
  }

  /** The display name of a worker named by a record (batched); null when none. */
  async displayNameOf(ctx: RequestContext, accountId: string | null): Promise<string | null> {
    if (!accountId) return null;
    return (await accountLoaders(ctx).accountById.load(accountId))?.displayName ?? null;
  }
}

export const accountService = new AccountService();
