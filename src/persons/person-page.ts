import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import { executePrepared } from '../shared/prepared';
import type { RequestContext } from '../context/request-context';
import type { DataDomain } from '../policy/data-domain';
import type { VisibleRow } from '../policy/person-access';
import { uuidArray } from '../shared/raw-rows';

/**
 * A persons page reads ahead, in its own statement, what its nodes ask of each person. The module
 * that adds a field to Person adds its part here from its own folder (identity in persons,
 * referrals in referrals): when the query asks for it, a SQL expression over the page's
 * persons (`page(id)`) that returns JSON, and how to prime the request's loaders with it.
 * Nothing is shown here: the guarded fields and the record decision still decide, person by
 * person, on exactly the rows their loaders would have read.
 */
export interface PersonPagePart {
  name: string;
  /** Whether the selection of a page node (`edges { node { … } }`) asks for this part. */
  asked(info: GraphQLResolveInfo, node: readonly SelectionNode[]): boolean;
  /** A JSON-valued SQL expression over `page(id)` (the page's persons), with its `?` parameters in order. */
  sql(ctx: RequestContext, info: GraphQLResolveInfo, node: readonly SelectionNode[]): { sql: string; params: unknown[] };
  prime(ctx: RequestContext, personIds: readonly string[], value: unknown): void;
}

const parts: PersonPagePart[] = [];

export function addPersonPagePart(part: PersonPagePart): void {
  if (parts.some((p) => p.name === part.name)) throw new Error(`person page part ${part.name} is added twice`);
  parts.push(part);
}

/**
 * Rows read ahead travel as JSON arrays of their values in a declared column order, not as
 * objects: the column names are not repeated on every row (half the bytes of a page's
 * referrals), for PostgreSQL to write and for the server to parse. `compactRows` is the SQL
 * aggregate over a subquery aliased `alias`; `expandRows` gives the rows back as objects.
 */
export function compactRows(columns: readonly string[], alias: string, orderBy?: string): string {
  return `json_agg(json_build_array(${columns.map((column) => `${alias}.${column}`).join(', ')})${orderBy ? ` order by ${orderBy}` : ''})`;
}

export function expandRows<T>(columns: readonly string[], value: unknown): T[] {
  return ((value ?? []) as unknown[][]).map(rowBuilder(columns) as (values: unknown[]) => T);
}

/**
 * Records read ahead with their decision (PersonAccess.visibleRecordsSql): aggregated by
 * `compactRows([...columns, ...RECORD_DECISION_COLUMNS], …)`, given back split, as
 * PersonAccess.primeVisibleRecords takes them.
 */
export const RECORD_DECISION_COLUMNS = ['actor_shown__', 'domains__'] as const;

export function expandRecordRows(columns: readonly string[], value: unknown): VisibleRow[] {
  const build = rowBuilder(columns);
  const at = columns.length;
  return ((value ?? []) as unknown[][]).map((values) => ({ row: build(values), actorShown: values[at] === true, domains: values[at + 1] as DataDomain[] }));
}

const builders = new Map<string, (values: unknown[]) => Record<string, unknown>>();

/**
 * A function that makes a row object from its values with an object literal of the declared
 * columns: every row gets the same shape at once (a key-by-key fill is several times slower).
 * Columns are the code's own names, checked to be identifiers.
 */
function rowBuilder(columns: readonly string[]): (values: unknown[]) => Record<string, unknown> {
  const key = columns.join(',');
  let build = builders.get(key);
  if (!build) {
    for (const column of columns) if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    build = new Function('v', `return { ${columns.map((column, index) => `${column}: v[${index}]`).join(', ')} };`) as (values: unknown[]) => Record<string, unknown>;
    builders.set(key, build);
  }
  return build;
}

/** The selections under the fields named `name` (aliases, fragments and inline fragments included). */
export function selectionsUnder(info: GraphQLResolveInfo, selections: readonly SelectionNode[], name: string): SelectionNode[] {
  const found: SelectionNode[] = [];
  const visit = (nodes: readonly SelectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === Kind.FIELD) {
        if (node.name.value === name && node.selectionSet) found.push(...node.selectionSet.selections);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        visit(node.selectionSet.selections);
      } else {
        const fragment = info.fragments[node.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(selections);
  return found;
}

/** Whether the selections ask for a field named `name`. */
export function asksFor(info: GraphQLResolveInfo, selections: readonly SelectionNode[], name: string): boolean {
  const visit = (nodes: readonly SelectionNode[]): boolean =>
    nodes.some((node) => {
      if (node.kind === Kind.FIELD) return node.name.value === name;
      if (node.kind === Kind.INLINE_FRAGMENT) return visit(node.selectionSet.selections);
      const fragment = info.fragments[node.name.value];
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return visit(selections);
}

/** The selection of a page node in a `persons` field. */
export function pageNodeSelection(info: GraphQLResolveInfo): SelectionNode[] {
  const top = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return selectionsUnder(info, selectionsUnder(info, top, 'edges'), 'node');
}

/** The parts the page's query asks for, by name (for tests and diagnostics). */
export function askedParts(info: GraphQLResolveInfo): string[] {
  const node = pageNodeSelection(info);
  return parts.filter((part) => part.asked(info, node)).map((part) => part.name);
}

/**
 * Runs a page statement and, in the same statement, every asked part for the page's persons;
 * primes the loaders with the parts. `page.sql` selects the page's rows (an `id` column and
 * `n__`, the row's rank from 1 in the page's order), up to `first` + 1: the parts read the
 * first `first` rows (`page(id)`), the one more only tells whether a next page exists.
 * Returns the page's rows in order (the parts' columns, `part_<i>`, ride on the first row).
 */
export async function readPage(
  ctx: RequestContext,
  info: GraphQLResolveInfo | null,
  page: { sql: string; params: unknown[]; first: number },
): Promise<Record<string, unknown>[]> {
  const node = info ? pageNodeSelection(info) : [];
  const asked = info ? parts.filter((part) => part.asked(info, node)) : [];
  if (asked.length === 0) return executePrepared<Record<string, unknown>>(ctx.em, page.sql, page.params);
  if (!Number.isInteger(page.first) || page.first < 0) throw new Error('readPage: first must be a non-negative integer');
  const params: unknown[] = [...page.params];
  const columns = asked.map((part, index) => {
    const { sql, params: partParams } = part.sql(ctx, info!, node);
    params.push(...partParams);
    return `${sql} as part_${index}`;
  });
  const rows = await executePrepared<Record<string, unknown>>(
    ctx.em,
    `with rows__ as materialized (${page.sql}),
          page(id) as (select id from rows__ where n__ <= ${page.first}),
          parts__ as materialized (select ${columns.join(', ')})
     select rows__.*, parts__.* from rows__ left join parts__ on rows__.n__ = 1 order by rows__.n__`,
    params,
  );
  const personIds = rows.slice(0, page.first).map((row) => String(row.id));
  if (personIds.length > 0) asked.forEach((part, index) => part.prime(ctx, personIds, rows[0][`part_${index}`]));
  return rows;
}
