import { CASE_NOTE_RECORD } from '../policy/record-kinds';
import { visibleRecordsSql } from '../policy/planned-sql';
import { type RowScope, column, listOf, objectJson, planFields, shapeOf, shaped, timestampColumn } from '../context/planned-read';
import { joinSql, raw, sql } from '../shared/sql';

/**
 * A person's case notes in a planned answer (context/planned-read.ts): the notes the record
 * reader shows the viewer, read once for the answer's persons and grouped by person, newest
 * first, each audited with its domain, as Person.caseNotes gives them without a domain filter.
 */
planFields('Person', {
  caseNotes: (state, scope, field) => {
    if (!scope.source) return null;
    const set = state.alias('case_note');
    const inner: RowScope = { row: 'r', joins: [], audit: [] };
    const value = objectJson(state, 'CaseNote', inner, field.selectionSet?.selections ?? []);
    if (!value || inner.audit.length > 0) return null;
    const rows = visibleRecordsSql(CASE_NOTE_RECORD, state.ctx.viewer, { mandate: 'parent__.mandate_state' });
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
  },
});

planFields('CaseNote', {
  id: column('id'),
  domain: column('domain'),
  text: column('text'),
  createdAt: timestampColumn('created_at'),
  updatedAt: timestampColumn('updated_at'),
  version: column('version'),
});
