import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  getArgumentValues,
  isObjectType,
} from 'graphql';
import type { RequestContext } from './request-context';
import { encodeCursor } from '../shared/pagination';
import { executePrepared } from '../shared/prepared';
import { Fragment, joinSql, literal, raw, sql } from '../shared/sql';

/**
 * Answers built in PostgreSQL: a query whose every field has a plan is answered by one statement
 * per root field that returns the answer's JSON, as PostGraphile does, instead of resolvers
 * filling objects field by field. Modules declare the plans of their types' fields next to the
 * types (persons/person.plan.ts, support/referral.plan.ts, structures/structure.plan.ts), built
 * from the policy's SQL (policy/planned-sql.ts): the same rules as the resolvers, the domain guard
 * and the record reader, decided in the statement. A query with any field without a plan, a
 * directive, or a viewer a plan does not take, runs on the resolvers as before: a plan answers
 * exactly as they do, or not at all (tests/integration/planned-read.test.ts compares both on
 * every demo account).
 */

/** What a plan knows of the statement it is part of. */
export interface PlanState {
  ctx: RequestContext;
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** A fresh alias for a table, a join or a common table expression of the statement. */
  alias(prefix: string): string;
  /** Adds a common table expression to the statement (`name as (…)`), before the root's own. */
  with(name: string, body: Fragment): void;
}

/**
 * The SQL row a type's fields are built from: its alias; `source`, when the rows are a set of
 * the statement (a common table expression with the same columns) that a to-many field reads
 * once for all of them, grouped by parent, rather than once per row; the joins its fields add to
 * the row's FROM (to-one relations: joined, so that PostgreSQL reads each related row once, with
 * Memoize, instead of a subquery per row); and the domains of the row's person its fields read,
 * as text expressions each giving a comma-separated list or null (the read audit).
 */
export interface RowScope {
  row: string;
  source?: string;
  /** The viewer's mandate state on the row's person, when the statement knows it (SQL). */
  mandate?: string;
  joins: Fragment[];
  audit: Fragment[];
}

/** A field's value as a SQL JSON expression over the row, or null when the field cannot be planned. */
export type FieldPlan = (state: PlanState, scope: RowScope, field: FieldNode) => Fragment | null;

/**
 * A root field's statement and how its answer is finished in the server (cursors, audit). The
 * statement's common table expressions come first (`ctes`, the root's own set and then those its
 * fields added), its body after.
 */
export interface RootPlan {
  ctes?: [string, Fragment][];
  statement: Fragment;
  finish(row: Record<string, unknown>): unknown;
}

export type RootPlanner = (state: PlanState, field: FieldNode, args: Record<string, unknown>) => RootPlan | null;

const typePlans = new Map<string, Map<string, FieldPlan>>();
/** Plans that read their field's arguments themselves (argumentsOf); any other field with arguments is left to the resolvers. */
const takingArguments = new WeakSet<FieldPlan>();

export function withArguments(plan: FieldPlan): FieldPlan {
  takingArguments.add(plan);
  return plan;
}

/** The key of a sealed cursor in a planned answer's JSON, replaced by the cursor before it leaves. */
const SEALED = '__sealed__';

/**
 * A cursor in a planned answer: the list's name and the keyset's values as SQL, sealed in the
 * server (shared/pagination.ts) once the statement answered.
 */
export function sealedCursor(list: string, at: string, id: string): Fragment {
  return sql`json_build_object(${literal(SEALED)}, json_build_array(${literal(list)}, ${raw(at)}, ${raw(id)}))`;
}

function unseal(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = unseal(value[index]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const sealed = object[SEALED] as [string, string, string] | undefined;
  if (sealed) return encodeCursor({ createdAt: sealed[1], id: sealed[2] }, sealed[0]);
  for (const key in object) object[key] = unseal(object[key]);
  return object;
}
const rootPlans = new Map<string, RootPlanner>();

/** Declares how fields of a type are built in SQL (from the type's module). */
export function planFields(typeName: string, fields: Record<string, FieldPlan>): void {
  let plans = typePlans.get(typeName);
  if (!plans) typePlans.set(typeName, (plans = new Map()));
  for (const [name, plan] of Object.entries(fields)) {
    if (plans.has(name)) throw new Error(`${typeName}.${name} is planned twice`);
    plans.set(name, plan);
  }
}

/** Declares how a root query field is answered by one statement. */
export function planRoot(fieldName: string, planner: RootPlanner): void {
  if (rootPlans.has(fieldName)) throw new Error(`Query.${fieldName} is planned twice`);
  rootPlans.set(fieldName, planner);
}

/**
 * The fields of a selection on one object type, by response key, in order; null when it holds a
 * directive, a fragment on another type, or two fields under one key (merged selections are
 * left to the resolvers).
 */
export function fieldsOf(state: PlanState, typeName: string, selections: readonly SelectionNode[]): FieldNode[] | null {
  const fields: FieldNode[] = [];
  const keys = new Set<string>();
  const visit = (nodes: readonly SelectionNode[]): boolean => {
    for (const node of nodes) {
      if (node.directives?.length) return false;
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        if (keys.has(key)) return false;
        keys.add(key);
        fields.push(node);
      } else {
        const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : state.fragments[node.name.value];
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== typeName)) return false;
        if (!visit(fragment.selectionSet.selections)) return false;
      }
    }
    return true;
  };
  return visit(selections) ? fields : null;
}

/** The arguments of a field, coerced as graphql-js coerces them (defaults and variables). */
export function argumentsOf(state: PlanState, parentType: string, field: FieldNode): Record<string, unknown> | null {
  const type = state.schema.getType(parentType);
  if (!isObjectType(type)) return null;
  const definition = type.getFields()[field.name.value];
  if (!definition) return null;
  return getArgumentValues(definition, field, state.variables);
}

/**
 * How a planned value's arrays become the answer's objects: PostgreSQL writes each object as a
 * JSON array of its values (no key repeated on every row: about a third less time to build on a
 * long list, and less to parse), and the server rebuilds the objects from the keys, once the
 * statement answered.
 */
export type Shape = { kind: 'object'; build: (values: unknown[]) => Record<string, unknown>; children: (Shape | undefined)[] } | { kind: 'list'; of: Shape };

const shapes = new WeakMap<Fragment, Shape>();
const builders = new Map<string, (values: unknown[]) => Record<string, unknown>>();

/** The fragment, known to give a value of this shape. */
export function shaped(fragment: Fragment, shape: Shape | undefined): Fragment {
  if (shape) shapes.set(fragment, shape);
  return fragment;
}

export function shapeOf(fragment: Fragment): Shape | undefined {
  return shapes.get(fragment);
}

/** A JSON array of values of a shape (json_agg of them). */
export function listOf(shape: Shape | undefined): Shape | undefined {
  return shape ? { kind: 'list', of: shape } : undefined;
}

/** A planned value as the answer gives it: its arrays made objects again, by its shape. */
export function expand(shape: Shape | undefined, value: unknown): unknown {
  if (!shape || value === null || value === undefined) return value;
  if (shape.kind === 'list') return (value as unknown[]).map((item) => expand(shape.of, item));
  const values = value as unknown[];
  shape.children.forEach((child, index) => {
    if (child) values[index] = expand(child, values[index]);
  });
  return shape.build(values);
}

/** An object literal of the keys from an array of values: every object of a shape gets one hidden class at once. */
function builderOf(keys: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  const id = keys.join(',');
  let build = builders.get(id);
  if (!build) {
    for (const key of keys) if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) throw new Error(`not a response key: ${key}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    build = new Function('v', `return { ${keys.map((key, index) => `${key}: v[${index}]`).join(', ')} };`) as (values: unknown[]) => Record<string, unknown>;
    builders.set(id, build);
  }
  return build;
}

/**
 * The JSON of a selection on a type, over a row: each field's plan by response key, as an array
 * of their values with its shape (`as: 'array'`, the default), or as a JSON object (`as:
 * 'object'`, inside JSON the server does not rebuild; none of its fields may then have a shape);
 * null when a field has no plan or takes arguments its plan does not.
 */
export function objectJson(
  state: PlanState,
  typeName: string,
  scope: RowScope,
  selections: readonly SelectionNode[],
  as: 'array' | 'object' = 'array',
): Fragment | null {
  const fields = fieldsOf(state, typeName, selections);
  if (!fields) return null;
  const plans = typePlans.get(typeName);
  const keys: string[] = [];
  const values: Fragment[] = [];
  for (const field of fields) {
    keys.push(field.alias?.value ?? field.name.value);
    if (field.name.value === '__typename') {
      values.push(literal(typeName));
      continue;
    }
    const plan = plans?.get(field.name.value);
    if (!plan || ((field.arguments?.length ?? 0) > 0 && !takingArguments.has(plan))) return null;
    const value = plan(state, scope, field);
    if (!value) return null;
    values.push(value);
  }
  // A selection of more than 50 fields is left to the resolvers (json_build_array takes 100 arguments).
  if (values.length === 0 || values.length > 50) return null;
  const children = values.map(shapeOf);
  if (as === 'object') {
    if (children.some((child) => child !== undefined)) return null;
    return jsonObject(keys.map((key, index) => sql`${literal(key)}: ${values[index]}`));
  }
  return shaped(sql`json_build_array(${joinSql(values, ', ')})`, { kind: 'object', build: builderOf(keys), children });
}

/**
 * A JSON object of `key: value` pairs, with SQL's JSON_OBJECT constructor (NULL ON NULL, as
 * json_build_object, and about a third cheaper for PostgreSQL to build on long lists).
 */
export function jsonObject(pairs: readonly Fragment[]): Fragment {
  return sql`json_object(${joinSql(pairs, ', ')})`;
}

/** A column of the row as it is (text, numbers, booleans, enums stored by name). */
export function column(name: string): FieldPlan {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column: ${name}`);
  return (_state, scope) => raw(`${scope.row}.${name}`);
}

/** A timestamp column as the DateTime scalar writes it (ISO 8601, UTC, milliseconds). */
export function timestampColumn(name: string): FieldPlan {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column: ${name}`);
  return (_state, scope) => raw(`to_char(${scope.row}.${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/** A kind of record's rows about the persons of a statement, as the policy gives them (policy/planned-sql.ts, visibleRecordsSql). */
export interface VisibleRecordRows {
  table: string;
  personId: string;
  where: string;
  domains: string;
  orderBy: string;
}

/**
 * A person's records of a kind as a list field: the rows the viewer sees (`rows`, under the
 * mandate state `parent__.mandate_state`), read once for all the persons of the row's set
 * (`scope.source`) and grouped by person, in the kind's order, each audited with its domains.
 */
export function visibleRecordsPlan(typeName: string, rowsOf: (state: PlanState) => VisibleRecordRows): FieldPlan {
  return (state, scope, field) => {
    if (!scope.source) return null;
    const set = state.alias('records');
    const inner: RowScope = { row: 'r', joins: [], audit: [] };
    const value = objectJson(state, typeName, inner, field.selectionSet?.selections ?? []);
    if (!value || inner.audit.length > 0) return null;
    const rows = rowsOf(state);
    state.with(
      set,
      sql`select parent__.id as parent__, json_agg(${value} order by ${raw(rows.orderBy)}) as shown,
             string_agg(array_to_string(${raw(rows.domains)}, ','), ',') as domains
           from ${raw(scope.source)} parent__ join ${raw(rows.table)} on ${raw(rows.personId)} = parent__.id ${joinSql(inner.joins, ' ')}
           where ${raw(rows.where)}
           group by parent__.id`,
    );
    scope.joins.push(raw(`left join ${set} on ${set}.parent__ = ${scope.row}.id`));
    scope.audit.push(raw(`${set}.domains`));
    return shaped(raw(`coalesce(${set}.shown, '[]'::json)`), listOf(shapeOf(value)));
  };
}

/** The audit of a row: its domains read, as one comma-separated text (or null). */
export function auditOf(scope: RowScope): Fragment {
  return scope.audit.length === 0 ? raw('null::text') : sql`concat_ws(',', ${joinSql(scope.audit, ', ')})`;
}

/**
 * Plans an operation: its answer by planned statements when every root field has a plan that
 * takes it (a function that runs them), or null to leave it to the resolvers. Queries only; the
 * variables are already coerced.
 */
export function planOperation(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: string }[] },
  operation: OperationDefinitionNode,
  context: RequestContext,
  variables: Record<string, unknown>,
): (() => Promise<{ data: Record<string, unknown> }>) | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[(definition as FragmentDefinitionNode).name.value] = definition as FragmentDefinitionNode;
  }
  let aliases = 0;
  let ctes: [string, Fragment][] = [];
  const state: PlanState = {
    ctx: context,
    schema,
    fragments,
    variables,
    alias: (prefix) => `${prefix}_${++aliases}`,
    with: (name, body) => ctes.push([name, body]),
  };
  const fields = fieldsOf(state, 'Query', operation.selectionSet.selections);
  if (!fields) return null;
  const plans: [string, RootPlan][] = [];
  for (const field of fields) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === '__typename') {
      plans.push([key, { statement: raw(''), finish: () => 'Query' }]);
      continue;
    }
    const planner = rootPlans.get(field.name.value);
    if (!planner) return null;
    let args: Record<string, unknown> | null;
    try {
      args = argumentsOf(state, 'Query', field);
    } catch {
      return null;
    }
    if (!args) return null;
    ctes = [];
    const plan = planner(state, field, args);
    if (!plan) return null;
    plans.push([key, { ...plan, ctes: [...(plan.ctes ?? []), ...ctes] }]);
  }
  return () => runPlans(context, plans);
}

async function runPlans(context: RequestContext, plans: [string, RootPlan][]): Promise<{ data: Record<string, unknown> }> {
  const data: Record<string, unknown> = {};
  for (const [key, plan] of plans) {
    if (plan.statement.text === '') {
      data[key] = plan.finish({});
      continue;
    }
    const withs = (plan.ctes ?? []).map(([name, body]) => sql`${raw(name)} as materialized (${body})`);
    const statement = withs.length > 0 ? sql`with ${joinSql(withs, ',\n')}\n${plan.statement}` : plan.statement;
    const [row] = await executePrepared<Record<string, unknown>>(context.em, statement.text, statement.params);
    const value = plan.finish(row);
    data[key] = statement.text.includes(SEALED) ? unseal(value) : value;
  }
  return { data };
}
