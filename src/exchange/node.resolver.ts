import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Node } from '../shared/node';
import { nodeService } from './node.service';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this id (a Person, Referral, Structure or Action), as its own query would answer it: null alike for an unknown id and an object outside your mandates or your role.',
  })
  node(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'An id this API returned.' }) id: string): Promise<Node | null> {
    return nodeService.get(ctx, id);
  }
}
