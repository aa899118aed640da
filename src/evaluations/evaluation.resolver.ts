import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { actionService } from '../actions/action.service';
import { ActionView } from '../actions/action.type';
import type { RequestContext } from '../context/request-context';
import { structureService } from '../structures/structure.service';
import { StructureView } from '../structures/structure.type';
import { EvaluationInput } from './evaluation.inputs';
import { evaluationService } from './evaluation.service';
import { EvaluationView, IndicatorPartView, IndicatorView } from './evaluation.type';

@Resolver(() => EvaluationView)
export class EvaluationResolver {
  @Mutation(() => EvaluationView, { description: 'An evaluator, or the carrier, records an evaluation of an action for a period.' })
  recordEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('actionId', () => ID, { description: "The action evaluated; an evaluator may name any, others only their structure's." }) actionId: string,
    @Arg('input', () => EvaluationInput, { description: 'The evaluation: period, indicators, assessment.' }) input: EvaluationInput,
  ): Promise<EvaluationView> {
    return evaluationService.record(ctx, actionId, input);
  }

  @Mutation(() => EvaluationView, { description: 'The structure that recorded an evaluation corrects it; indicators are replaced.' })
  updateEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The evaluation to correct, recorded by your structure.' }) id: string,
    @Arg('input', () => EvaluationInput, { description: 'The whole evaluation as it is to be.' }) input: EvaluationInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the evaluation you read; CONFLICT when it changed since.',
    }) expectedVersion?: number | null,
  ): Promise<EvaluationView> {
    return evaluationService.update(ctx, id, input, expectedVersion);
  }

  @FieldResolver(() => ActionView, { description: 'The action evaluated.' })
  action(@Ctx() ctx: RequestContext, @Root() evaluation: EvaluationView): Promise<ActionView> {
    return actionService.byId(ctx, evaluation.actionId);
  }

  @FieldResolver(() => StructureView, { nullable: true, description: 'The carrier or evaluator that recorded it.' })
  author(@Ctx() ctx: RequestContext, @Root() evaluation: EvaluationView): StructureView | null | Promise<StructureView | null> {
    return structureService.optionalById(ctx, evaluation.authorId);
  }

  @FieldResolver(() => [IndicatorView], { description: 'The quantitative indicators of the period.' })
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

/** The evaluations of an action, added to Action from here. */
@Resolver(() => ActionView)
export class ActionEvaluationsResolver {
  @FieldResolver(() => [EvaluationView], { description: 'The evaluations of the action, over their periods.' })
  evaluations(@Ctx() ctx: RequestContext, @Root() action: ActionView): Promise<EvaluationView[]> {
    return evaluationService.ofAction(ctx, action.id);
  }
}
