import { auditWrite } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../shared/errors';
import { assertVersion, inTransaction } from '../context/transaction';
import { Structure } from '../structures/structure.entity';
import type { ActionInput } from './action.inputs';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { parseId } from '../shared/ids';
import { Action } from './action.entity';
import { actionLoaders } from './action.loaders';
import { ActionView } from './action.type';
import { raw } from '@mikro-orm/core';
import { afterPosition, type Connection, keysetPage, type PageArgs } from '../shared/connection';

/**
 * Programs, most recent first (start year descending, those without one last), then by title:
 * one ascending key (the negated year, a large number for none) so that a page's position
 * compares as a tuple.
 */
const NO_YEAR = 2147483647;
const ACTION_YEAR_KEY = `coalesce(-start_year, ${NO_YEAR})`;
/** A new order object for each query: a raw fragment is consumed by the query that uses it. */
const actionOrder = () => ({ [raw(ACTION_YEAR_KEY)]: 'asc', title: 'asc', id: 'asc' }) as const;

function assertYears(input: ActionInput): void {
  if (input.startYear && input.endYear && input.endYear < input.startYear) {
    throw new BadUserInputError('endYear must not be before startYear', 'endYear');
  }
}

/** Program-level records: readable by partners and evaluators, never person data. */
export class ActionService {
  /** A structure records one of its programs: it is the carrier. */
  async create(ctx: RequestContext, input: ActionInput): Promise<ActionView> {
    assertAllowed(ctx.viewer, Permission.ACTION_WRITE);
    assertYears(input);
    const action = await inTransaction(ctx, async (em) => {
      const created = new Action(input.title, em.getReference(Structure, ctx.viewer.structureId), input.theme);
      applyActionInput(created, input);
      em.persist(created);
      auditWrite(ctx, { personId: null, domains: [], action: 'createAction', ids: { actionId: created.id } });
      return created;
    });
    return ActionView.from(action);
  }

  /** The carrier edits its action, at the version it read. */
  async update(ctx: RequestContext, id: string, input: ActionInput, expectedVersion?: number | null): Promise<ActionView> {
    assertAllowed(ctx.viewer, Permission.ACTION_WRITE);
    assertYears(input);
    const actionId = parseId(id, 'id');
    const action = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Action, actionId);
      if (!found) throw new NotFoundError('Action');
      if (found.carrier.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the carrier structure edits an action');
      assertVersion('The action', found.version, expectedVersion);
      found.title = input.title;
      found.theme = input.theme;
      applyActionInput(found, input);
      auditWrite(ctx, { personId: null, domains: [], action: 'updateAction', ids: { actionId } });
      return found;
    });
    return ActionView.from(action);
  }

  /** Every action, most recent first. */
  async list(ctx: RequestContext): Promise<ActionView[]> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const rows = await ctx.em.find(Action, {}, { orderBy: actionOrder() });
    for (const row of rows) actionLoaders(ctx).actionById.prime(row.id, row);
    return rows.map(ActionView.from);
  }

  /** Programs a page at a time, in the same order (actionsConnection). */
  page(ctx: RequestContext, page: PageArgs): Promise<Connection<ActionView>> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    return keysetPage({
      list: 'actions',
      keyLength: 3,
      args: page,
      fetch: (after, limit) => {
        const position = afterPosition([ACTION_YEAR_KEY, 'title', 'id'], ['int', 'text', 'uuid'], after, 'asc');
        return ctx.em.find(Action, after ? { [raw(position.sql, position.params)]: true } : {}, { orderBy: actionOrder(), limit });
      },
      // The year key as the SQL expression computes it.
      key: (action) => [action.startYear === null ? NO_YEAR : -action.startYear, action.title, action.id],
      node: (action) => {
        actionLoaders(ctx).actionById.prime(action.id, action);
        return ActionView.from(action);
      },
    });
  }

  /** One action by id; null when unknown. */
  async get(ctx: RequestContext, id: string): Promise<ActionView | null> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const action = await actionLoaders(ctx).actionById.load(parseId(id, 'id'));
    return action ? ActionView.from(action) : null;
  }

  /** The action a relation points to (batched per request). */
  async byId(ctx: RequestContext, id: string): Promise<ActionView> {
    assertAllowed(ctx.viewer, Permission.ACTION_READ);
    const action = await actionLoaders(ctx).actionById.load(id);
    if (!action) throw new Error(`action ${id} referenced but missing`);
    return ActionView.from(action);
  }
}

/** Copies the record's fields, title and theme aside. */
function applyActionInput(action: Action, input: ActionInput): void {
  Object.assign(action, {
    generalObjectives: input.generalObjectives,
    operationalObjectives: input.operationalObjectives,
    description: input.description ?? null,
    targetPublic: input.targetPublic ?? null,
    startYear: input.startYear ?? null,
    endYear: input.endYear ?? null,
    duration: input.duration ?? null,
    frequency: input.frequency ?? null,
    types: input.types,
    places: input.places,
    departements: input.departements,
    region: input.region ?? null,
    sector: input.sector ?? null,
    nationalPlan: input.nationalPlan ?? null,
    categories: input.categories,
    beneficiaries: input.beneficiaries ?? null,
  });
}

export const actionService = new ActionService();
