import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { accountService } from './account.service';
import { AccountView } from './account.type';

@Resolver(() => AccountView)
export class AccountResolver {
  @Query(() => AccountView, { description: 'The account the bearer token names.' })
  me(@Ctx() ctx: RequestContext): Promise<AccountView> {
    return accountService.me(ctx);
  }

  @FieldResolver(() => StructureView, { description: 'The structure the account belongs to.' })
  structure(@Ctx() ctx: RequestContext, @Root() account: AccountView): StructureView | Promise<StructureView> {
    return structureService.byId(ctx, account.structureId);
  }
}
