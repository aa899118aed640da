import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { actionService } from '../actions/action.service';
import { ActionView } from '../actions/action.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { evaluationService } from './evaluation.service';
import { EvaluationView, IndicatorPartView, IndicatorView } from './evaluation.type';

@Resolver(() => EvaluationView)
export class EvaluationResolver {
  @FieldResolver(() => ActionView)
  action(@Ctx() ctx: RequestContext, @Root() evaluation: EvaluationView): Promise<ActionView> {
    return actionService.byId(ctx, evaluation.actionId);
  }

  @FieldResolver(() => StructureView, { nullable: true, description: 'The carrier or evaluator that recorded it.' })
  author(@Ctx() ctx: RequestContext, @Root() evaluation: EvaluationView): Promise<StructureView | null> {
    return structureService.optionalById(ctx, evaluation.authorId);
  }

  @FieldResolver(() => [IndicatorView])
  indicators(@Ctx() ctx: RequestContext, @Root() evaluation: EvaluationView): Promise<IndicatorView[]> {
    return evaluationService.indicatorsOf(ctx, evaluation.id);
  }
}

@Resolver(() => IndicatorView)
export class IndicatorResolver {
  @FieldResolver(() => [IndicatorPartView], { description: 'Breakdown by département code, when the indicator has one.' })
  byDepartement(@Ctx() ctx: RequestContext, @Root() indicator: IndicatorView): Promise<IndicatorPartView[]> {
    return evaluationService.partsOf(ctx, indicator.id);
  }
}
