import type { EntityManager } from '@mikro-orm/postgresql';
import { Action } from '../actions/action.entity';
import { auditWrite } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { assertAllowed } from '../policy/authz';
import { Permission, roleMay } from '../policy/permissions';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion, inTransaction } from '../context/transaction';
import { Structure } from '../structures/structure.entity';
import { Evaluation } from './evaluation.entity';
import type { EvaluationInput } from './evaluation.inputs';
import { evaluationLoaders } from './evaluation.loaders';
import { IndicatorPart } from './indicator-part.entity';
import { Indicator } from './indicator.entity';
import { EvaluationView, IndicatorPartView, IndicatorView } from './evaluation.type';

function assertPeriod(input: EvaluationInput): void {
  if (input.periodEnd < input.periodStart) throw new BadUserInputError('periodEnd must not be before periodStart', 'periodEnd');
  const tenYears = `${Number(input.periodStart.slice(0, 4)) + 10}${input.periodStart.slice(4)}`;
  if (input.periodEnd > tenYears) throw new BadUserInputError('An evaluation period may not exceed 10 years', 'periodEnd');
  for (const [index, indicator] of input.indicators.entries()) {
    const departements = indicator.byDepartement.map((part) => part.departement);
    if (new Set(departements).size !== departements.length) {
      throw new BadUserInputError(`indicators[${index}] repeats a département`, 'indicators');
    }
  }
}

/** Evaluations of actions and their indicators: program-level, no person data. */
export class EvaluationService {
  /** An evaluator, or the carrier of the action, records an evaluation for a period. */
  async record(ctx: RequestContext, actionId: string, input: EvaluationInput): Promise<EvaluationView> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_WRITE);
    assertPeriod(input);
    const id = parseId(actionId, 'actionId');
    const evaluation = await inTransaction(ctx, async (em) => {
      const action = await em.findOne(Action, id);
      if (!action) throw new NotFoundError('Action');
      if (!roleMay(ctx.viewer.role, Permission.EVALUATION_WRITE_ANY_ACTION) && action.carrier.id !== ctx.viewer.structureId) {
        throw new ForbiddenError('An evaluation is recorded by an evaluator or by the carrier of the action');
      }
      const created = new Evaluation(action, input.periodStart, input.periodEnd);
      created.author = em.getReference(Structure, ctx.viewer.structureId);
      em.persist(created);
      this.fill(em, created, input);
      auditWrite(ctx, { personId: null, domains: [], action: 'recordEvaluation', ids: { evaluationId: created.id } });
      return created;
    });
    return EvaluationView.from(evaluation);
  }

  /** The structure that recorded an evaluation corrects it, indicators replaced, at the version it read. */
  async update(ctx: RequestContext, id: string, input: EvaluationInput, expectedVersion?: number | null): Promise<EvaluationView> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_WRITE);
    assertPeriod(input);
    const evaluationId = parseId(id, 'id');
    const evaluation = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Evaluation, evaluationId);
      if (!found) throw new NotFoundError('Evaluation');
      if (found.author?.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the structure that recorded an evaluation edits it');
      assertVersion('The evaluation', found.version, expectedVersion);
      await em.nativeDelete(Indicator, { evaluation: found });
      found.periodStart = input.periodStart;
      found.periodEnd = input.periodEnd;
      found.updatedAt = new Date();
      this.fill(em, found, input);
      auditWrite(ctx, { personId: null, domains: [], action: 'updateEvaluation', ids: { evaluationId } });
      return found;
    });
    return EvaluationView.from(evaluation);
  }

  private fill(em: EntityManager, evaluation: Evaluation, input: EvaluationInput): void {
    evaluation.assessment = input.assessment ?? null;
    evaluation.weaknesses = input.weaknesses;
    evaluation.perspectives = input.perspectives;
    input.indicators.forEach((spec, index) => {
      const indicator = new Indicator(evaluation, index + 1, spec.name);
      indicator.code = spec.code ?? null;
      indicator.value = spec.value ?? null;
      indicator.unit = spec.unit ?? null;
      em.persist(indicator);
      for (const part of spec.byDepartement) em.persist(new IndicatorPart(indicator, part.departement, part.value ?? null));
    });
  }

  /** Indicators of an evaluation in display order (batched per request). */
  async indicatorsOf(ctx: RequestContext, evaluationId: string): Promise<IndicatorView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await evaluationLoaders(ctx).indicatorsByEvaluation.load(evaluationId);
    return rows.map(IndicatorView.from);
  }

  /** Per-département parts of an indicator (batched per request). */
  async partsOf(ctx: RequestContext, indicatorId: string): Promise<IndicatorPartView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await evaluationLoaders(ctx).partsByIndicator.load(indicatorId);
    return rows.map(IndicatorPartView.from);
  }

  /** Evaluations of an action by period (batched per request). */
  async ofAction(ctx: RequestContext, actionId: string): Promise<EvaluationView[]> {
    assertAllowed(ctx.viewer, Permission.EVALUATION_READ);
    const rows = await evaluationLoaders(ctx).evaluationsByAction.load(actionId);
    return rows.map(EvaluationView.from);
  }
}

export const evaluationService = new EvaluationService();
