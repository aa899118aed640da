import type { EntityManager } from '@mikro-orm/postgresql';
import type { MandateState } from './access-policy';
import { MANDATE_RETENTION } from './mandate-rule';

/**
 * An ended mandate shows for the retention period after its latest end; open ones always.
 * The bound is a subquery so that it is computed once, not for each row.
 */
const IN_RETENTION = `(m.state <> 'ENDED' or m.ended_at > (select now() - ${MANDATE_RETENTION}))`;

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
