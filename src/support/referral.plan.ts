import type { FieldNode } from 'graphql';
import { REFERRAL_RECORD } from '../policy/record-kinds';
import { visibleRecordsFromSql } from '../policy/planned-sql';
import { type PlanState, type RowScope, column, objectJson, planFields, timestampColumn } from '../context/planned-read';
import { raw, sql } from '../shared/sql';

/**
 * A person's referrals in a planned answer (server/planned-read.ts): the rows the record reader
 * shows the viewer (the record decision in SQL, policy/planned-sql.ts), in the kind's order,
 * each audited with its domains, as Person.referrals gives them.
 */
planFields('Person', {
  referrals: (state, scope, field) => {
    const alias = state.alias('referral');
    const inner: RowScope = { row: 'r', joins: [], audit: [] };
    const value = objectJson(state, 'Referral', inner, field.selectionSet?.selections ?? []);
    if (!value || inner.joins.length > 0 || inner.audit.length > 0) return null;
    const rows = visibleRecordsFromSql(REFERRAL_RECORD, state.ctx.viewer, { personId: `${scope.row}.id`, mandate: `${scope.row}.mandate_state` });
    scope.joins.push(
      sql`left join lateral (select coalesce(json_agg(${value} order by ${raw(rows.orderBy)}), '[]'::json) as shown,
             string_agg(array_to_string(${raw(rows.domains)}, ','), ',') as domains
           ${raw(rows.from)}) ${raw(alias)} on true`,
    );
    scope.audit.push(raw(`${alias}.domains`));
    return raw(`${alias}.shown`);
  },
});

planFields('Referral', {
  id: column('id'),
  needs: (_state, scope) => raw(`to_json(${scope.row}.needs)`),
  motive: column('motive'),
  status: column('status'),
  createdAt: timestampColumn('created_at'),
  decidedAt: timestampColumn('decided_at'),
  declineReason: column('decline_reason'),
  cancelReason: column('cancel_reason'),
  closedAt: timestampColumn('closed_at'),
  version: column('version'),
  toStructure: (state, scope, field) => structureOf(state, scope, field, 'to_structure_id'),
  fromStructure: (state, scope, field) => structureOf(state, scope, field, 'from_structure_id'),
});

function structureOf(state: PlanState, scope: RowScope, field: FieldNode, columnName: string) {
  const alias = state.alias('structure');
  const inner: RowScope = { row: alias, joins: [], audit: [] };
  const value = objectJson(state, 'Structure', inner, field.selectionSet?.selections ?? []);
  if (!value || inner.joins.length > 0 || inner.audit.length > 0) return null;
  return sql`(select ${value} from structure ${raw(alias)} where ${raw(alias)}.id = ${raw(scope.row)}.${raw(columnName)})`;
}
