import type { RequestContext } from '../server/context';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { IndicatorPartView, IndicatorView } from './evaluation.type';

/** Evaluations of actions and their indicators: program-level, no person data. */
export class EvaluationService {
  /** Indicators of an evaluation in display order (batched per request). */
  async indicatorsOf(ctx: RequestContext, evaluationId: string): Promise<IndicatorView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await ctx.loaders.indicatorsByEvaluation.load(evaluationId);
    return rows.map(IndicatorView.from);
  }

  /** Per-département parts of an indicator (batched per request). */
  async partsOf(ctx: RequestContext, indicatorId: string): Promise<IndicatorPartView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await ctx.loaders.partsByIndicator.load(indicatorId);
    return rows.map(IndicatorPartView.from);
  }
}

export const evaluationService = new EvaluationService();
