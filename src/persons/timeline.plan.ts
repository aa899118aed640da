import type { FieldNode } from 'graphql';
import { TIMELINE_ENTRY_RECORD } from '../policy/record-kinds';
import type { RecordDeclaration } from '../policy/records';
import { visibleRecordsSql } from '../policy/planned-sql';
import { type PlanState, type RowScope, argumentsOf, column, fieldsOf, jsonObject, objectJson, planFields, sealedCursor, timestampColumn, withArguments } from '../context/planned-read';
import { Fragment, literal, raw, sql } from '../shared/sql';
import { TIMELINE_LIST } from './timeline.service';

/**
 * The first page of a person's timeline in a planned answer (context/planned-read.ts): the
 * entries the record reader shows the viewer, newest first, up to `first`, with their cursors
 * and the page's position, each shown entry audited with its domains, as timelineService.of
 * gives them. A page after a cursor, and the entries' kind and actor, are left to the resolvers.
 */
planFields('Person', {
  timeline: withArguments((state, scope, field) => {
    let args: Record<string, unknown> | null;
    try {
      args = argumentsOf(state, 'Person', field);
    } catch {
      return null;
    }
    const first = args?.first;
    if (!args || args.after != null || typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > 100) return null;
    const entries = state.alias('timeline');
    const parts = connectionJson(state, field, first);
    if (!parts) return null;
    const rows = visibleRecordsSql(TIMELINE_ENTRY_RECORD as RecordDeclaration<never>, state.ctx.viewer, { mandate: `${scope.row}.mandate_state` });
    scope.joins.push(
      sql`left join lateral (select ${parts.value} as shown,
             string_agg(array_to_string(x.domains__, ','), ',') filter (where x.n__ <= ${raw(String(first))}) as domains
           from (select r.*, ${raw(rows.domains)} as domains__,
                        to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at__,
                        row_number() over (order by ${raw(rows.orderBy)}) as n__
                 from ${raw(rows.table)} where ${raw(rows.personId)} = ${raw(scope.row)}.id and ${raw(rows.where)}
                 order by ${raw(rows.orderBy)} limit ${raw(String(first + 1))}) x) ${raw(entries)} on true`,
    );
    scope.audit.push(raw(`${entries}.domains`));
    return raw(`${entries}.shown`);
  }),
});

/** The connection's JSON over the page's rows `x` (columns of the entry, cursor_at__, n__). */
function connectionJson(state: PlanState, field: FieldNode, first: number): { value: Fragment } | null {
  const connection = fieldsOf(state, 'TimelineConnection', field.selectionSet?.selections ?? []);
  if (!connection) return null;
  const cursor = sealedCursor(TIMELINE_LIST, 'x.cursor_at__', 'x.id');
  const shown = raw(`x.n__ <= ${first}`);
  const pairs: Fragment[] = [];
  for (const part of connection) {
    const key = literal(part.alias?.value ?? part.name.value);
    if (part.name.value === '__typename') {
      pairs.push(sql`${key}: 'TimelineConnection'`);
    } else if (part.name.value === 'edges') {
      const edge = fieldsOf(state, 'TimelineEdge', part.selectionSet?.selections ?? []);
      if (!edge) return null;
      const edgePairs: Fragment[] = [];
      for (const edgeField of edge) {
        const edgeKey = literal(edgeField.alias?.value ?? edgeField.name.value);
        if (edgeField.name.value === '__typename') edgePairs.push(sql`${edgeKey}: 'TimelineEdge'`);
        else if (edgeField.name.value === 'cursor') edgePairs.push(sql`${edgeKey}: ${cursor}`);
        else if (edgeField.name.value === 'node') {
          const node = objectJson(state, 'TimelineEntry', { row: 'x', joins: [], audit: [] } satisfies RowScope, edgeField.selectionSet?.selections ?? [], 'object');
          if (!node) return null;
          edgePairs.push(sql`${edgeKey}: ${node}`);
        } else return null;
      }
      pairs.push(sql`${key}: coalesce(json_agg(${jsonObject(edgePairs)} order by x.n__) filter (where ${shown}), '[]'::json)`);
    } else if (part.name.value === 'pageInfo') {
      const info = fieldsOf(state, 'PageInfo', part.selectionSet?.selections ?? []);
      if (!info) return null;
      const infoPairs: Fragment[] = [];
      for (const infoField of info) {
        const infoKey = literal(infoField.alias?.value ?? infoField.name.value);
        switch (infoField.name.value) {
          case '__typename':
            infoPairs.push(sql`${infoKey}: 'PageInfo'`);
            break;
          case 'hasNextPage':
            infoPairs.push(sql`${infoKey}: count(x.id) > ${raw(String(first))}`);
            break;
          case 'hasPreviousPage':
            infoPairs.push(sql`${infoKey}: false`);
            break;
          case 'startCursor':
            infoPairs.push(sql`${infoKey}: (array_agg(${cursor} order by x.n__) filter (where ${shown}))[1]`);
            break;
          case 'endCursor':
            infoPairs.push(sql`${infoKey}: (array_agg(${cursor} order by x.n__ desc) filter (where ${shown}))[1]`);
            break;
          default:
            return null;
        }
      }
      pairs.push(sql`${key}: ${jsonObject(infoPairs)}`);
    } else {
      return null;
    }
  }
  return { value: jsonObject(pairs) };
}

planFields('TimelineEntry', {
  id: column('id'),
  at: timestampColumn('at'),
  domains: (_state, scope) => raw(`to_json(${scope.row}.domains)`),
  status: column('status'),
});
