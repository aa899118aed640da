import { validateSync } from 'class-validator';
import type { FieldNode } from 'graphql';
import { Permission, roleMay } from '../policy/permissions';
import { REFERRAL_RECORD } from '../policy/record-kinds';
import { mandatedRecordsSql, personRowSql, visibleRecordsSql } from '../policy/planned-sql';
import { type PlanState, type RowScope, auditOf, column, expand, objectJson, planFields, planRoot, shapeOf, timestampColumn, visibleRecordsPlan } from '../context/planned-read';
import { Fragment, joinSql, raw, sql } from '../shared/sql';
import { ReferralsArgs } from './referral.inputs';

/**
 * A person's referrals in a planned answer (context/planned-read.ts): the rows the record reader
 * shows the viewer (the record decision in SQL, policy/planned-sql.ts), read once for all the
 * persons of the answer and grouped by person, in the kind's order, each audited with its
 * domains, as Person.referrals gives them.
 */
planFields('Person', {
  referrals: visibleRecordsPlan('Referral', (state) => visibleRecordsSql(REFERRAL_RECORD, state.ctx.viewer, { mandate: 'parent__.mandate_state' })),
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
  // The person referred, where the statement knows the viewer's mandate on it (the row's `m.state`).
  person: (state, scope, field) => {
    if (!scope.mandate) return null;
    const person = state.alias('person');
    const inner: RowScope = { row: person, joins: [], audit: [] };
    const value = objectJson(state, 'Person', inner, field.selectionSet?.selections ?? []);
    if (!value) return null;
    scope.joins.push(raw(`cross join lateral ${personRowSql(state.ctx.viewer, { personId: `${scope.row}.person_id`, mandate: scope.mandate })} ${person}`), ...inner.joins);
    // The person is the referral's: what its fields read is the row's audit.
    scope.audit.push(...inner.audit);
    return value;
  },
});

/**
 * The referrals the viewer's structure sent or received, newest first, as the record rule shows
 * them (referralService.list): one statement, each referral's person audited as touched.
 */
planRoot('referrals', (state, field, args) => {
  const { ctx } = state;
  if (!roleMay(ctx.viewer.role, Permission.REFERRAL_READ) || !roleMay(ctx.viewer.role, Permission.PERSON_READ)) return null;
  const input = Object.assign(new ReferralsArgs(), args);
  if (validateSync(input).length > 0) return null;
  const scope: RowScope = { row: 'r', mandate: 'm.state', joins: [], audit: [] };
  const value = objectJson(state, 'Referral', scope, field.selectionSet?.selections ?? []);
  if (!value) return null;
  const rows = mandatedRecordsSql(REFERRAL_RECORD, ctx.viewer);
  const shape = shapeOf(value);
  const status: Fragment = input.status ? sql` and r.status = ${input.status}` : raw('');
  const statement = sql`select coalesce(json_agg(json_build_array(r.person_id, ${value}, ${auditOf(scope)}) order by r.created_at desc, r.id desc), '[]'::json) as rows
    from ${new Fragment(rows.from, rows.params)} ${joinSql(scope.joins, ' ')}
    where (r.from_structure_id = ${ctx.viewer.structureId} or r.to_structure_id = ${ctx.viewer.structureId})${status} and ${raw(rows.visible)}`;
  return {
    statement,
    finish: (row) =>
      (row.rows as [string, unknown, string | null][]).map(([personId, referral, read]) => {
        ctx.readAudit.touch(personId);
        if (read) for (const domain of read.split(',')) ctx.readAudit.record(personId, domain);
        return expand(shape, referral);
      }),
  };
});

/** A structure the referral names (never null: a foreign key), joined to the referral's row. */
function structureOf(state: PlanState, scope: RowScope, field: FieldNode, columnName: string) {
  const alias = state.alias('structure');
  const inner: RowScope = { row: alias, joins: [], audit: [] };
  const value = objectJson(state, 'Structure', inner, field.selectionSet?.selections ?? []);
  if (!value || inner.joins.length > 0 || inner.audit.length > 0) return null;
  scope.joins.push(raw(`join structure ${alias} on ${alias}.id = ${scope.row}.${columnName}`));
  return value;
}
