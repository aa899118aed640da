import type { EntityManager } from '@mikro-orm/postgresql';
import { DataDomain } from './data-domain';
import { domainsByPerson } from './domain-sets';

/** Where each domain is stored, and the column naming the structure that wrote it. */
const WRITTEN_BY: readonly (readonly [DataDomain, string, string])[] = [
  [DataDomain.IDENTITY, 'person_identity', 'written_by_id'],
  [DataDomain.JUDICIAL, 'person_judicial', 'written_by_id'],
  [DataDomain.JUDICIAL_DETAIL, 'person_judicial_detail', 'written_by_id'],
  [DataDomain.SOCIAL, 'person_social', 'written_by_id'],
  // A structure that moved one of the person's right steps wrote its part of SOCIAL.
  [DataDomain.SOCIAL, 'right_step', 'updated_by_structure_id'],
  [DataDomain.HOUSING, 'person_housing', 'written_by_id'],
  [DataDomain.HEALTH_SUMMARY, 'person_health_summary', 'written_by_id'],
  [DataDomain.HEALTH, 'person_health_record', 'written_by_id'],
];

/**
 * The domains of each person that a structure wrote (its part of them): what it still
 * reads once its mandate has ended. One query for all the persons asked about.
 */
export async function loadWrittenDomains(
  em: EntityManager,
  structureId: string,
  personIds: readonly string[],
): Promise<Map<string, Set<DataDomain>>> {
  const persons = `{${personIds.join(',')}}`;
  const rows = await em.execute<{ person_id: string; domain: DataDomain }[]>(
    WRITTEN_BY.map(([domain, table, column]) => `select person_id, '${domain}' as domain from ${table} where ${column} = ? and person_id = any(?::uuid[])`).join(
      '\n     union ',
    ),
    WRITTEN_BY.flatMap(() => [structureId, persons]),
  );
  return domainsByPerson(rows);
}
