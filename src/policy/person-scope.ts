import type { Viewer } from '../auth/viewer';
import type { MandateState } from './access-policy';
import { identityWithheldSql, mandatePageWhere, mandateSubquery } from './mandate.repository';
import { recordVisibleSql } from './record-sql';
import type { RecordDeclaration } from './records';

/**
 * The persons list's statements (persons, persons' totalCount): the persons under the viewer's
 * mandates, as a range of the mandate table's page index (structure, person's registration,
 * person), with whether each one's identity is withheld from the viewer and, for a name search,
 * only those whose identity it reads. The persons module asks for these and stitches nothing.
 */

/**
 * The name search of a persons page, over the mandate rows `m` and persons `p`: a prefix of the
 * first or last name, case-insensitive, among the persons whose identity the viewer reads (a
 * full or pending mandate, or an ended one on an identity its structure wrote last). A
 * restricted person is never found by name, whoever searches (access-policy.md).
 */
function nameSearch(search: string): { sql: string; params: unknown[] } {
  const prefix = `${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `p.restricted_at is null and exists (
            select 1 from person_identity i
            where i.person_id = m.person_id
              and (m.state <> 'ENDED' or i.written_by_id = m.structure_id)
              and (lower(i.last_name) like ? or lower(i.first_name) like ?))`,
    params: [prefix, prefix],
  };
}

/** What the persons list filters on. */
export interface PersonFilter {
  mandate: MandateState | null;
  search: string | null;
}

function filtered(viewer: Pick<Viewer, 'structureId'>, filter: PersonFilter): { where: string; params: unknown[]; orderBy: string } {
  const mandates = mandatePageWhere(viewer.structureId);
  const params: unknown[] = [...mandates.params];
  let where = mandates.sql;
  if (filter.mandate) {
    where += ' and m.state = ?';
    params.push(filter.mandate);
  }
  if (filter.search) {
    const search = nameSearch(filter.search);
    where += ` and ${search.sql}`;
    params.push(...search.params);
  }
  return { where, params, orderBy: mandates.orderBy };
}

/**
 * A page of the list, in registration order after a keyset position, read up to `first` + 1
 * rows: id, pseudonym, mandate_state, identity_withheld, cursor_at, n__ (the row's rank, by which
 * a planned page orders and cuts its rows). `first` is written into the text (a checked integer): with no
 * parameter that changes its cost, PostgreSQL keeps one generic plan of the prepared statement.
 */
export function personPageSql(
  viewer: Pick<Viewer, 'structureId'>,
  page: PersonFilter & { after: { createdAt: string; id: string } | null; first: number },
): { sql: string; params: unknown[] } {
  if (!Number.isInteger(page.first) || page.first < 0) throw new Error('first must be a non-negative integer');
  const { where, params, orderBy } = filtered(viewer, page);
  let keyset = '';
  if (page.after) {
    keyset = ' and (m.person_created_at, m.person_id) > (?::timestamptz, ?::uuid)';
    params.push(page.after.createdAt, page.after.id);
  }
  // The columns a person record holds (persons/person.rows.ts), not p.*: a page reads no more than it shows.
  return {
    sql: `select p.id, p.pseudonym, m.state as mandate_state, ${identityWithheldSql('m.structure_id')} as identity_withheld,
                 to_char(m.person_created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
                 row_number() over (order by ${orderBy}) as n__
          from mandate m join person p on p.id = m.person_id
          where ${where}${keyset}
          order by ${orderBy}
          limit ${page.first + 1}`,
    params,
  };
}

/** How many persons the list holds in all pages: the same rows as personPageSql. */
export function personCountSql(viewer: Pick<Viewer, 'structureId'>, filter: PersonFilter): { sql: string; params: unknown[] } {
  const { where, params } = filtered(viewer, filter);
  return { sql: `select count(*)::int as total from mandate m${filter.search ? ' join person p on p.id = m.person_id' : ''} where ${where}`, params };
}

/**
 * The persons under the viewer's mandates, as rows (person_id, state), optionally in some states
 * only: the scope a module's own statement starts from (the caseload, the import's duplicate
 * search), so that its persons are exactly those every other list shows.
 */
export function mandatedPersonsSql(viewer: Pick<Viewer, 'structureId'>, states: readonly MandateState[] | null = null): { sql: string; params: unknown[] } {
  const mandates = mandateSubquery(viewer.structureId);
  if (!states) return mandates;
  return { sql: `select person_id, state from (${mandates.sql}) m where m.state = any(?::text[])`, params: [...mandates.params, `{${states.join(',')}}`] };
}

/**
 * Whether the viewer sees a record of a kind about a person that meets `where` (SQL over the
 * record's row `r`), as an EXISTS over the record's table: `personId` and `mandate` are the
 * person's id and the viewer's mandate state in the caller's statement. A record the viewer may
 * not see never raises a flag nor silences one.
 */
export function visibleRecordExistsSql(
  declaration: RecordDeclaration,
  viewer: Pick<Viewer, 'structureId' | 'role'>,
  at: { personId: string; mandate: string; where: string },
): string {
  const visible = recordVisibleSql(declaration, viewer, at.mandate);
  return `exists (select 1 from ${declaration.sql.table} r where ${declaration.sql.personId} = ${at.personId} and (${at.where}) and ${visible.sql})`;
}
