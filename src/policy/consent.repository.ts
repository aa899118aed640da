import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataDomain } from './data-domain';
import { domainsByPerson } from './domain-sets';
import { mandateSubquery } from './mandate.repository';

/** SQL condition of a consent in force: given, not revoked, not expired. */
export const CONSENT_IN_FORCE = `c.revoked_at is null and (c.expires_at is null or c.expires_at > now())`;

/**
 * The domains each person consents to share with a structure (consents to that
 * structure, or to every structure holding a mandate), in force now.
 */
export async function loadConsentedDomains(
  em: EntityManager,
  structureId: string,
  personIds: readonly string[],
): Promise<Map<string, Set<DataDomain>>> {
  const rows = await em.execute<{ person_id: string; domain: DataDomain }[]>(
    `select distinct c.person_id, c.domain from consent c
     where c.person_id = any(?::uuid[]) and (c.recipient_id = ? or c.recipient_id is null) and ${CONSENT_IN_FORCE}`,
    [`{${personIds.join(',')}}`, structureId],
  );
  return domainsByPerson(rows);
}

/**
 * The structure's mandate on one person and the domains the person consents to share with it
 * now, in one row (none without a mandate): what a write checks under the person's lock.
 */
export function mandateAndConsentsSql(structureId: string, personId: string): { sql: string; params: unknown[] } {
  const mandates = mandateSubquery(structureId, [personId]);
  return {
    sql: `select m.state, array(select distinct c.domain from consent c
         where c.person_id = m.person_id and (c.recipient_id = ? or c.recipient_id is null) and ${CONSENT_IN_FORCE}) as consented
       from (${mandates.sql}) m`,
    params: [structureId, ...mandates.params],
  };
}
