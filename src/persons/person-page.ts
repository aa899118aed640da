import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { uuidArray } from '../shared/raw-rows';

/**
 * A persons page reads ahead, in one statement, what its nodes ask of each person. The module
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
  /** A JSON-valued SQL expression over `page(id)`, with its `?` parameters in order. */
  sql(ctx: RequestContext, personIds: readonly string[], info: GraphQLResolveInfo, node: readonly SelectionNode[]): { sql: string; params: unknown[] };
  prime(ctx: RequestContext, personIds: readonly string[], value: unknown): void;
}

const parts: PersonPagePart[] = [];

export function addPersonPagePart(part: PersonPagePart): void {
  if (parts.some((p) => p.name === part.name)) throw new Error(`person page part ${part.name} is added twice`);
  parts.push(part);
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

/** Reads every asked part for the page's persons in one statement, and primes the loaders. */
export async function readPageParts(ctx: RequestContext, personIds: readonly string[], info: GraphQLResolveInfo | null): Promise<void> {
  if (!info || personIds.length === 0) return;
  const node = pageNodeSelection(info);
  const asked = parts.filter((part) => part.asked(info, node));
  if (asked.length === 0) return;
  const params: unknown[] = [uuidArray(personIds)];
  const columns = asked.map((part, index) => {
    const { sql, params: partParams } = part.sql(ctx, personIds, info, node);
    params.push(...partParams);
    return `${sql} as part_${index}`;
  });
  const [row] = await ctx.em.execute<Record<string, unknown>[]>(`with page(id) as (select unnest(?::uuid[])) select ${columns.join(', ')}`, params);
  asked.forEach((part, index) => part.prime(ctx, personIds, row[`part_${index}`]));
}
