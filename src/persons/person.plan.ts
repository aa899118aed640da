import { validateSync } from 'class-validator';
import type { FieldNode } from 'graphql';
import type { MandateState } from '../policy/access-policy';
import { roleMay, Permission } from '../policy/permissions';
import { DataDomain } from '../policy/data-domain';
import { personCountSql, personPageSql } from '../policy/person-scope';
import { domainReadSql, mandatedPersonSql } from '../policy/planned-sql';
import { decodeCursor, encodeCursor } from '../shared/pagination';
import { Fragment, fragmentOf, joinSql, raw, sql } from '../shared/sql';
import { type RowScope, auditOf, column, expand, fieldsOf, objectJson, planFields, planRoot, shapeOf, shaped } from '../context/planned-read';
import { PersonsArgs } from './person.inputs';
import { PERSONS_LIST } from './person.service';

/**
 * The persons page answered in one statement (server/planned-read.ts): the page of the policy's
 * person scope (personPageSql), each person's fields as the resolvers give them, identity under
 * the domain guard's decision, and the total when asked. Persons and the domains read are audited
 * as the resolvers audit them.
 */

planFields('Person', {
  id: column('id'),
  pseudonym: column('pseudonym'),
  mandate: column('mandate_state'),
  identity: (state, scope, field) => {
    const identity = state.alias('identity');
    // As the domain guard decides it (policy/planned-sql.ts); a decision that narrows to a core is left to the guard.
    const read = domainReadSql(state.ctx.viewer, DataDomain.IDENTITY, {
      personId: `${scope.row}.id`,
      mandate: `${scope.row}.mandate_state`,
      withheld: `${scope.row}.identity_withheld`,
      writtenBy: `${identity}.written_by_id`,
    });
    if (!read) return null;
    const inner: RowScope = { row: identity, joins: [], audit: [] };
    const value = objectJson(state, 'PersonIdentity', inner, field.selectionSet?.selections ?? []);
    if (!value || inner.joins.length > 0) return null;
    scope.joins.push(raw(`left join person_identity ${identity} on ${identity}.person_id = ${scope.row}.id`));
    scope.audit.push(raw(`case when ${read} then 'IDENTITY' end`));
    return shaped(sql`case when ${raw(identity)}.person_id is not null and ${raw(read)} then ${value} end`, shapeOf(value));
  },
});

planFields('PersonIdentity', {
  firstName: column('first_name'),
  lastName: column('last_name'),
  birthDate: (_state, scope) => raw(`to_char(${scope.row}.birth_date, 'YYYY-MM-DD')`),
  sex: column('sex'),
  phone: column('phone'),
  email: column('email'),
  version: column('version'),
});

interface PlannedNode {
  0: string;
  1: string;
  2: unknown;
  3: string | null;
}

planRoot('persons', (state, field, args) => {
  const { ctx } = state;
  // Whoever may not read persons, or a filter the arguments refuse, gets the resolvers' answer (its error).
  if (!roleMay(ctx.viewer.role, Permission.PERSON_READ)) return null;
  const input = Object.assign(new PersonsArgs(), args);
  if (validateSync(input).length > 0) return null;
  let after: { createdAt: string; id: string } | null = null;
  if (typeof input.after === 'string') {
    try {
      after = decodeCursor(input.after, PERSONS_LIST);
    } catch {
      return null;
    }
  }
  const first = input.first ?? 20;
  const filter = { mandate: (input.mandate ?? null) as MandateState | null, search: input.search ?? null };
  const connection = fieldsOf(state, 'PersonConnection', field.selectionSet?.selections ?? []);
  if (!connection) return null;

  const scope: RowScope = { row: 'p__', source: 'page__', joins: [], audit: [] };
  let node: Fragment = raw('null::json');
  let totalAsked = false;
  const edgeFields: FieldNode[][] = [];
  const pageInfoFields: FieldNode[][] = [];
  for (const part of connection) {
    switch (part.name.value) {
      case '__typename':
        break;
      case 'totalCount':
        totalAsked = true;
        break;
      case 'edges': {
        const edge = fieldsOf(state, 'PersonEdge', part.selectionSet?.selections ?? []);
        if (!edge || edgeFields.length > 0) return null;
        for (const edgeField of edge) {
          if (edgeField.name.value === 'node') {
            const json = objectJson(state, 'Person', scope, edgeField.selectionSet?.selections ?? []);
            if (!json || node.text !== 'null::json') return null;
            node = json;
          } else if (edgeField.name.value !== 'cursor' && edgeField.name.value !== '__typename') {
            return null;
          }
        }
        edgeFields.push(edge);
        break;
      }
      case 'pageInfo': {
        const info = fieldsOf(state, 'PageInfo', part.selectionSet?.selections ?? []);
        if (!info || info.some((f) => !['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename'].includes(f.name.value))) return null;
        pageInfoFields.push(info);
        break;
      }
      default:
        return null;
    }
  }

  const page = fragmentOf(personPageSql(ctx.viewer, { ...filter, after, first }));
  const total = totalAsked ? sql`, (select total from (${fragmentOf(personCountSql(ctx.viewer, filter))}) c__) as total` : raw('');
  // The page's rows once (page__), the sets its fields read for all of them, then its JSON.
  const statement = sql`select coalesce(json_agg(json_build_array(p__.cursor_at, p__.id, ${node}, ${auditOf(scope)}) order by p__.n__)
        filter (where p__.n__ <= ${raw(String(first))}), '[]'::json) as nodes,
      count(*) > ${raw(String(first))} as has_next${total}
    from page__ p__ ${joinSql(scope.joins, ' ')}`;

  return {
    ctes: [['page__', page]],
    statement,
    finish: (row) => {
      const nodes = row.nodes as PlannedNode[];
      const cursors = new Map<PlannedNode, string>();
      const cursorOf = (entry: PlannedNode) => {
        let cursor = cursors.get(entry);
        if (cursor === undefined) cursors.set(entry, (cursor = encodeCursor({ createdAt: entry[0], id: entry[1] }, PERSONS_LIST)));
        return cursor;
      };
      const nodeShape = shapeOf(node);
      const expandedNodes = new Map<PlannedNode, unknown>();
      const expanded = (entry: PlannedNode) => {
        if (!expandedNodes.has(entry)) expandedNodes.set(entry, expand(nodeShape, entry[2]));
        return expandedNodes.get(entry);
      };
      for (const entry of nodes) {
        ctx.readAudit.touch(entry[1]);
        if (entry[3]) for (const domain of entry[3].split(',')) ctx.readAudit.record(entry[1], domain);
      }
      const answer: Record<string, unknown> = {};
      for (const part of connection) {
        const key = part.alias?.value ?? part.name.value;
        switch (part.name.value) {
          case '__typename':
            answer[key] = 'PersonConnection';
            break;
          case 'totalCount':
            answer[key] = row.total;
            break;
          case 'edges':
            answer[key] = nodes.map((entry) => {
              const edge: Record<string, unknown> = {};
              for (const edgeField of edgeFields[0]) {
                const edgeKey = edgeField.alias?.value ?? edgeField.name.value;
                if (edgeField.name.value === 'cursor') edge[edgeKey] = cursorOf(entry);
                else if (edgeField.name.value === 'node') edge[edgeKey] = expanded(entry);
                else edge[edgeKey] = 'PersonEdge';
              }
              return edge;
            });
            break;
          case 'pageInfo': {
            const info: Record<string, unknown> = {};
            for (const infoField of pageInfoFields.shift() ?? []) {
              const infoKey = infoField.alias?.value ?? infoField.name.value;
              const name = infoField.name.value;
              if (name === 'hasNextPage') info[infoKey] = row.has_next === true;
              else if (name === 'hasPreviousPage') info[infoKey] = Boolean(input.after);
              else if (name === 'startCursor') info[infoKey] = nodes.length > 0 ? cursorOf(nodes[0]) : null;
              else if (name === 'endCursor') info[infoKey] = nodes.length > 0 ? cursorOf(nodes[nodes.length - 1]) : null;
              else info[infoKey] = 'PageInfo';
            }
            answer[key] = info;
            break;
          }
        }
      }
      return answer;
    },
  };
});


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One person under the viewer's mandates, in one statement (personService.get): null alike for
 * an unknown id and a person outside the mandates; the person audited as touched, with what its
 * fields read.
 */
planRoot('person', (state, field, args) => {
  const { ctx } = state;
  if (!roleMay(ctx.viewer.role, Permission.PERSON_READ)) return null;
  // A malformed id gets the resolvers' answer (BAD_USER_INPUT).
  if (typeof args.id !== 'string' || !UUID.test(args.id)) return null;
  const scope: RowScope = { row: 'p__', source: 'page__', joins: [], audit: [] };
  const value = objectJson(state, 'Person', scope, field.selectionSet?.selections ?? []);
  if (!value) return null;
  return {
    ctes: [['page__', fragmentOf(mandatedPersonSql(ctx.viewer, args.id))]],
    statement: sql`select json_build_array(p__.id, ${value}, ${auditOf(scope)}) as person from page__ p__ ${joinSql(scope.joins, ' ')}`,
    finish: (row) => {
      const found = row?.person as [string, unknown, string | null] | undefined;
      if (!found) return null;
      ctx.readAudit.touch(found[0]);
      if (found[2]) for (const domain of found[2].split(',')) ctx.readAudit.record(found[0], domain);
      return expand(shapeOf(value), found[1]);
    },
  };
});
