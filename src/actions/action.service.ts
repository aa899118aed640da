import type { RequestContext } from '../server/context';
import { EvaluationView } from '../evaluations/evaluation.type';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { parseId } from '../shared/ids';
import { Action } from './action.entity';
import { ActionView } from './action.type';

/** Program-level records: readable by partners and evaluators, never person data. */
export class ActionService {
  /** Every action, most recent first. */
  async list(ctx: RequestContext): Promise<ActionView[]> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const rows = await ctx.em.find(
      Action,
      {},
      { orderBy: { startYear: 'desc nulls last', title: 'asc', id: 'asc' } },
    );
    for (const row of rows) ctx.loaders.actionById.prime(row.id, row);
    return rows.map(ActionView.from);
  }

  /** One action by id; null when unknown. */
  async get(ctx: RequestContext, id: string): Promise<ActionView | null> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const action = await ctx.loaders.actionById.load(parseId(id, 'id'));
    return action ? ActionView.from(action) : null;
  }

  /** The action a relation points to (batched per request). */
  async byId(ctx: RequestContext, id: string): Promise<ActionView> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const action = await ctx.loaders.actionById.load(id);
    if (!action) throw new Error(`action ${id} referenced but missing`);
    return ActionView.from(action);
  }

  /** Evaluations of an action by period (batched per request). */
  async evaluationsOf(ctx: RequestContext, actionId: string): Promise<EvaluationView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await ctx.loaders.evaluationsByAction.load(actionId);
    return rows.map(EvaluationView.from);
  }
}

export const actionService = new ActionService();
