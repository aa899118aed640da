import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../server/context';
import { EvaluationView } from '../evaluations/evaluation.type';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { actionService } from './action.service';
import { ActionView } from './action.type';

@Resolver(() => ActionView)
export class ActionResolver {
  @Query(() => [ActionView], { description: 'Programs, most recent first.' })
  actions(@Ctx() ctx: RequestContext): Promise<ActionView[]> {
    return actionService.list(ctx);
  }

  @Query(() => ActionView, { nullable: true })
  action(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ActionView | null> {
    return actionService.get(ctx, id);
  }

  @FieldResolver(() => StructureView, { description: 'The carrier structure ("porteur").' })
  carrier(@Ctx() ctx: RequestContext, @Root() action: ActionView): Promise<StructureView> {
    return structureService.byId(ctx, action.carrierId);
  }

  @FieldResolver(() => [EvaluationView])
  evaluations(@Ctx() ctx: RequestContext, @Root() action: ActionView): Promise<EvaluationView[]> {
    return actionService.evaluationsOf(ctx, action.id);
  }
}
