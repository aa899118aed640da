import { mandatePageWhere, mandateSubquery } from '../../src/policy/mandate.repository';
import { mandatesFromHistorySql } from '../../src/policy/mandate-rule';

/** Runs one SQL statement with `?` parameters (an EntityManager's connection, a pg client...). */
export type Sql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A mandate row as compared here: timestamps as UTC text to the microsecond. */
export interface MandateRow {
  structure_id: string;
  person_id: string;
  state: string;
  since: string;
  ended_at: string | null;
  opened_by: string;
  opened_by_id: string | null;
}

const at = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const COLUMNS = `structure_id, person_id, state, ${at('since')} as since, ${at('ended_at')} as ended_at, opened_by, opened_by_id`;
const ORDER = 'order by structure_id, person_id';

/** Every row of the mandate table. */
export function tableRows(sql: Sql): Promise<MandateRow[]> {
  return sql<MandateRow>(`select ${COLUMNS} from mandate ${ORDER}`);
}

/** Every row the history implies, by the SQL derivation the triggers use (the view mandate_history). */
export function historyRows(sql: Sql): Promise<MandateRow[]> {
  return sql<MandateRow>(`select ${COLUMNS} from mandate_history ${ORDER}`);
}

/** Rows of the table that the history does not imply, and rows it implies that the table lacks. */
export async function tableVersusHistory(sql: Sql): Promise<{ side: string; row: string }[]> {
  const rows = await sql<{ side: string; row: string }>(
    `with t as (select structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, person_created_at from mandate),
          h as (select h.structure_id, h.person_id, h.state, h.since, h.ended_at, h.opened_by, h.opened_by_id, p.created_at
                from mandate_history h join person p on p.id = h.person_id)
     select 'table only' as side, x::text as row from (select * from t except all select * from h) x
     union all
     select 'history only', x::text from (select * from h except all select * from t) x
     order by 2, 1`,
  );
  return rows;
}

interface Source {
  structure: string;
  person: string;
  rank: number;
  began: string;
  ended: string | null;
  by: string;
  byId: string | null;
}

const RANK_STATE: Record<number, string> = { 3: 'FULL', 2: 'PENDING', 1: 'ENDED' };
const ACTIVE_REFERRAL = ['ACCEPTED', 'IN_PROGRESS'];
const midnight = (day: string | null) => (day === null ? null : `${day}T00:00:00.000000Z`);

/** Whether source a states the mandate rather than b: stronger; then, ended, the later end; then the earlier start. */
function before(a: Source, b: Source): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.rank === 1 && a.ended !== b.ended) {
    if (a.ended === null || b.ended === null) return b.ended === null;
    return a.ended > b.ended;
  }
  if (a.began !== b.began) return a.began < b.began;
  if (a.by !== b.by) return a.by < b.by;
  if (a.byId === b.byId) return false;
  return b.byId === null || (a.byId !== null && a.byId < b.byId);
}

/**
 * The mandates computed in TypeScript from the raw rows of person, person_transfer, referral and follow_up,
 * by the rules of access-policy.md ("Mandate"), independently of the SQL derivation: the
 * holding SPIP's file (full while open), the file its registrant transferred (ended, at the
 * last contact) or the transfers (the former SPIP's ended at the acceptance, the receiving SPIP's
 * pending, then ended if refused), referrals received (pending, then full once accepted, ended when declined,
 * completed or cancelled), follow-ups (full while open).
 */
export async function oracleRows(sql: Sql): Promise<MandateRow[]> {
  const [persons, referrals, followUps, transfers] = await Promise.all([
    sql<Record<string, string | null>>(
      `select id, spip_id, registered_by_id, file_status, ${at('file_closed_at')} as file_closed_at, ${at('created_at')} as created_at,
              ${at('last_contact_at')} as last_contact_at, ${at('updated_at')} as updated_at from person`,
    ),
    sql<Record<string, string | null>>(
      `select id, person_id, to_structure_id, status, ${at('created_at')} as created_at, ${at('decided_at')} as decided_at,
              ${at('closed_at')} as closed_at, ${at('updated_at')} as updated_at from referral`,
    ),
    sql<Record<string, string | null>>(`select id, person_id, structure_id, start_date::text as start_date, end_date::text as end_date from follow_up`),
    sql<Record<string, string | null>>(
      `select id, person_id, from_spip_id, to_spip_id, status, ${at('created_at')} as created_at, ${at('decided_at')} as decided_at from person_transfer`,
    ),
  ]);
  const transferredBy = new Set(transfers.filter((t) => t.status === 'ACCEPTED').map((t) => `${t.person_id} ${t.from_spip_id}`));
  const sources: Source[] = [];
  for (const p of persons) {
    const open = p.file_status === 'OPEN';
    sources.push({ structure: p.spip_id!, person: p.id!, rank: open ? 3 : 1, began: p.created_at!, ended: open ? null : p.file_closed_at, by: 'FILE', byId: null });
    if (p.registered_by_id !== p.spip_id && !transferredBy.has(`${p.id} ${p.registered_by_id}`)) {
      sources.push({ structure: p.registered_by_id!, person: p.id!, rank: 1, began: p.created_at!, ended: p.last_contact_at ?? p.updated_at, by: 'TRANSFER', byId: null });
    }
  }
  for (const r of referrals) {
    const rank = r.status === 'PENDING' ? 2 : ACTIVE_REFERRAL.includes(r.status!) ? 3 : 1;
    sources.push({
      structure: r.to_structure_id!,
      person: r.person_id!,
      rank,
      began: rank === 3 ? (r.decided_at ?? r.created_at!) : r.created_at!,
      ended: rank === 1 ? (r.closed_at ?? r.decided_at ?? r.updated_at) : null,
      by: 'REFERRAL',
      byId: r.id,
    });
  }
  // A transfer: the former SPIP's mandate ends at the acceptance; the receiving SPIP's is pending, then ends if refused.
  for (const t of transfers) {
    if (t.status === 'ACCEPTED') {
      sources.push({ structure: t.from_spip_id!, person: t.person_id!, rank: 1, began: t.created_at!, ended: t.decided_at, by: 'TRANSFER', byId: t.id });
    } else {
      const pending = t.status === 'PENDING';
      sources.push({ structure: t.to_spip_id!, person: t.person_id!, rank: pending ? 2 : 1, began: t.created_at!, ended: pending ? null : t.decided_at, by: 'TRANSFER', byId: t.id });
    }
  }
  for (const f of followUps) {
    sources.push({ structure: f.structure_id!, person: f.person_id!, rank: f.end_date ? 1 : 3, began: midnight(f.start_date)!, ended: midnight(f.end_date), by: 'FOLLOW_UP', byId: f.id });
  }
  const best = new Map<string, Source>();
  for (const source of sources) {
    const key = `${source.structure} ${source.person}`;
    const current = best.get(key);
    if (!current || before(source, current)) best.set(key, source);
  }
  return [...best.values()]
    .map((s) => ({ structure_id: s.structure, person_id: s.person, state: RANK_STATE[s.rank], since: s.began, ended_at: s.ended, opened_by: s.by, opened_by_id: s.byId }))
    .sort((a, b) => (a.structure_id + a.person_id < b.structure_id + b.person_id ? -1 : 1));
}

/** Keys of the rows that differ between two lists of mandates, with both versions (at most `limit`). */
export function rowDifferences(left: MandateRow[], right: MandateRow[], limit = 10): { key: string; left?: MandateRow; right?: MandateRow }[] {
  const key = (row: MandateRow) => `${row.structure_id} ${row.person_id}`;
  const rightByKey = new Map(right.map((row) => [key(row), row]));
  const differences: { key: string; left?: MandateRow; right?: MandateRow }[] = [];
  for (const row of left) {
    const other = rightByKey.get(key(row));
    rightByKey.delete(key(row));
    if (!other || JSON.stringify(other) !== JSON.stringify(row)) differences.push({ key: key(row), left: row, right: other });
  }
  for (const [k, row] of rightByKey) differences.push({ key: k, right: row });
  return differences.slice(0, limit);
}

/**
 * For every structure, whether the readers (mandateSubquery, with the retention period, and
 * the persons page's condition, mandatePageWhere) answer as the derivation from the history
 * they replaced (mandatesFromHistorySql).
 */
export async function readerDifferences(sql: Sql): Promise<{ structure: string; table: string[]; history: string[] }[]> {
  const structures = await sql<{ id: string }>(`select id from structure order by id`);
  const differences: { structure: string; table: string[]; history: string[] }[] = [];
  for (const { id } of structures) {
    const read = async (scoping: (structureId: string) => { sql: string; params: unknown[] }) => {
      const query = scoping(id);
      const rows = await sql<{ person_id: string; state: string }>(`select person_id, state from (${query.sql}) m order by person_id`, query.params);
      return rows.map((row) => `${row.person_id} ${row.state}`);
    };
    const pageScoping = (structureId: string) => {
      const page = mandatePageWhere(structureId);
      return { sql: `select m.person_id, m.state from mandate m where ${page.sql}`, params: page.params };
    };
    const [table, history, page] = await Promise.all([read((structureId) => mandateSubquery(structureId)), read(mandatesFromHistorySql), read(pageScoping)]);
    if (JSON.stringify(table) !== JSON.stringify(history) || JSON.stringify(page) !== JSON.stringify(history)) {
      differences.push({ structure: id, table: table.filter((r) => !history.includes(r)), history: history.filter((r) => !table.includes(r)) });
    }
  }
  return differences;
}
