import type { EntityManager } from '@mikro-orm/postgresql';
import { MandateState, RETENTION_YEARS } from './access-policy';

/**
 * An ended mandate shows for the retention period after its latest end; open ones always.
 * The bound is a subquery so that it is computed once, not for each row.
 */
const IN_RETENTION = `(m.state <> 'ENDED' or m.ended_at > (select now() - interval '${RETENTION_YEARS} years'))`;

/**
 * The mandates of one structure, as SQL: rows (person_id, state), read from the mandate
 * table (kept equal to the history by triggers, src/policy/mandate.entity.ts). Every
 * person query is scoped by this subquery, so lists, counts, cursors and lookups by id see
 * the same rows. `onlyPersons` adds a `= any(?::uuid[])` filter, or an `in (subquery)` one
 * when given as SQL (a statement's own CTE of persons, without parameters).
 */
export function mandateSubquery(structureId: string, onlyPersons?: readonly string[] | { sql: string }): { sql: string; params: unknown[] } {
  const params: unknown[] = [structureId];
  let filter = '';
  if (onlyPersons && 'sql' in onlyPersons) {
    filter = ` and m.person_id in (${onlyPersons.sql})`;
  } else if (onlyPersons) {
    params.push(`{${onlyPersons.join(',')}}`);
    filter = ' and m.person_id = any(?::uuid[])';
  }
  return {
    sql: `select m.person_id, m.state from mandate m where m.structure_id = ?${filter} and ${IN_RETENTION}`,
    params,
  };
}

/**
 * A structure's persons in registration order, for a page: the mandate rows `m` (columns
 * person_id, state, person_created_at = the person's created_at) of the structure within
 * retention, as a WHERE condition, and the order `m.person_created_at, m.person_id`, which
 * mandate_structure_page_index gives: a page reads its rows from the index, up to its limit.
 * The same rows as mandateSubquery.
 */
export function mandatePageWhere(structureId: string): { sql: string; params: unknown[]; orderBy: string } {
  return { sql: `m.structure_id = ? and ${IN_RETENTION}`, params: [structureId], orderBy: 'm.person_created_at, m.person_id' };
}

const RANK_STATE = `case max(rank) when 3 then 'FULL' when 2 then 'PENDING' else 'ENDED' end`;

/**
 * The same rows as mandateSubquery, derived from the whole history (person files,
 * transfers, referrals, follow-ups) on every call, as they were before the mandate table: tests
 * and benchmarks compare the two.
 */
export function mandatesFromHistorySql(structureId: string, onlyPersons?: readonly string[]): { sql: string; params: unknown[] } {
  const retention = `interval '${RETENTION_YEARS} years'`;
  const params: unknown[] = [];
  const filter = (column: string) => {
    if (!onlyPersons) return '';
    params.push(`{${onlyPersons.join(',')}}`);
    return ` and ${column} = any(?::uuid[])`;
  };
  const branches: string[] = [];
  // The SPIP holding the file: full while it is open, ended once closed.
  params.push(structureId);
  branches.push(`select p.id as person_id, case when p.file_status = 'OPEN' then 3 else 1 end as rank
      from person p
      where p.spip_id = ? and (p.file_status = 'OPEN' or p.file_closed_at > now() - ${retention})${filter('p.id')}`);
  // The SPIP that registered a person moved before transfers were recorded: ended.
  params.push(structureId, structureId);
  branches.push(`select p.id, 1 from person p
      where p.registered_by_id = ? and p.spip_id <> ?
        and not exists (select 1 from person_transfer t where t.person_id = p.id and t.status = 'ACCEPTED' and t.from_spip_id = p.registered_by_id)
        and coalesce(p.last_contact_at, p.updated_at) > now() - ${retention}${filter('p.id')}`);
  // Transfers: the former SPIP's mandate ends at the decision; the receiving SPIP's is pending, or ended once refused.
  params.push(structureId);
  branches.push(`select t.person_id, 1 from person_transfer t
      where t.from_spip_id = ? and t.status = 'ACCEPTED' and t.decided_at > now() - ${retention}${filter('t.person_id')}`);
  params.push(structureId);
  branches.push(`select t.person_id, case when t.status = 'PENDING' then 2 else 1 end from person_transfer t
      where t.to_spip_id = ? and (t.status = 'PENDING' or (t.status = 'REFUSED' and t.decided_at > now() - ${retention}))${filter('t.person_id')}`);
  // Referrals received: pending, full while accepted or in progress, ended afterwards.
  params.push(structureId);
  branches.push(`select r.person_id, case when r.status = 'PENDING' then 2 when r.status in ('ACCEPTED', 'IN_PROGRESS') then 3 else 1 end
      from referral r
      where r.to_structure_id = ?
        and (r.status in ('PENDING', 'ACCEPTED', 'IN_PROGRESS') or coalesce(r.closed_at, r.decided_at, r.updated_at) > now() - ${retention})${filter('r.person_id')}`);
  // Follow-ups: full while open, ended once closed.
  params.push(structureId);
  branches.push(`select f.person_id, case when f.end_date is null then 3 else 1 end
      from follow_up f
      where f.structure_id = ? and (f.end_date is null or f.end_date > current_date - ${retention})${filter('f.person_id')}`);
  return {
    sql: `select person_id, ${RANK_STATE} as state from (${branches.join('\n      union all\n      ')}) ranked group by person_id`,
    params,
  };
}

/** The mandate of a structure on each of some persons; NONE for the others. */
export async function loadMandates(
  em: EntityManager,
  structureId: string,
  personIds: readonly string[],
): Promise<Map<string, MandateState>> {
  const { sql, params } = mandateSubquery(structureId, personIds);
  const rows = await em.execute<{ person_id: string; state: MandateState }[]>(sql, params);
  return new Map(rows.map((row) => [row.person_id, row.state]));
}

/**
 * Whether a person's identity is withheld from the structure `structure` (SQL over a person row
 * `p`): the person is restricted, and the structure is neither the holding SPIP nor one it named.
 */
export function identityWithheldSql(structure: string): string {
  return `(p.restricted_at is not null and p.spip_id <> ${structure} and not (${structure} = any(p.restricted_visible_to)))`;
}

/** The persons among `personIds` whose identity is withheld from the structure. */
export async function loadIdentityWithheld(em: EntityManager, structureId: string, personIds: readonly string[]): Promise<Set<string>> {
  const rows = await em.execute<{ id: string }[]>(
    `select p.id from person p where p.restricted_at is not null and p.id = any(?::uuid[]) and ${identityWithheldSql('?::uuid')}`,
    [`{${personIds.join(',')}}`, structureId, structureId],
  );
  return new Set(rows.map((row) => row.id));
}
