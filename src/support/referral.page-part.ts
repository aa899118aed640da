import { RECORD_DECISION_COLUMNS, addPersonPagePart, asksFor, compactRows, expandRecordRows, selectionsUnder } from '../persons/person-page';
import { REFERRAL_RECORD } from '../policy/record-kinds';
import { structureLoaders } from '../structures/structure.loaders';
import type { StructureRecord } from '../structures/structure.rows';
import { columnNames } from '../shared/raw-rows';
import { REFERRAL_COLUMNS } from './referral.rows';

/** A referral read ahead: its columns, then the record decision's (PersonAccess.visibleRecordsSql). */
const RECORD_COLUMNS = columnNames(REFERRAL_COLUMNS);
const COLUMNS = [...RECORD_COLUMNS, ...RECORD_DECISION_COLUMNS];

/**
 * A persons page that asks for `referrals` reads ahead the referrals each person shows the
 * viewer: the statement of PersonAccess.visibleRecords (the record decision in SQL), inside
 * the page's read-ahead statement.
 */
addPersonPagePart({
  name: 'referrals',
  asked: (info, node) => asksFor(info, node, 'referrals'),
  sql: (ctx) => {
    const { sql, params } = ctx.access.visibleRecordsSql(REFERRAL_RECORD, { sql: 'select id from page' });
    const order = REFERRAL_RECORD.sql.orderBy.replaceAll('r.', 'x.');
    return { sql: `(select ${compactRows(COLUMNS, 'x', order)} from (${sql}) x)`, params };
  },
  prime: (ctx, personIds, value) => ctx.access.primeVisibleRecords(REFERRAL_RECORD, personIds, expandRecordRows(RECORD_COLUMNS, value)),
});

/** …and their receiving structures, when it asks for `referrals { toStructure }` (directory data). */
addPersonPagePart({
  name: 'referral receivers',
  asked: (info, node) => asksFor(info, selectionsUnder(info, node, 'referrals'), 'toStructure'),
  sql: () => ({
    sql: `(select json_agg(s) from (select id, name, kind, departement, city, region from structure
            where id in (select to_structure_id from referral where person_id in (select id from page))) s)`,
    params: [],
  }),
  prime: (ctx, _personIds, value) => {
    for (const structure of (value ?? []) as StructureRecord[]) structureLoaders(ctx).structureById.prime(structure.id, structure);
  },
});
