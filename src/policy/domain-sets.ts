import type { DataDomain } from './data-domain';

/** Rows of (person, domain) read by SQL, as the set of domains of each person. */
export function domainsByPerson(rows: readonly { person_id: string; domain: DataDomain }[]): Map<string, Set<DataDomain>> {
  const byPerson = new Map<string, Set<DataDomain>>();
  for (const row of rows) {
    if (!byPerson.has(row.person_id)) byPerson.set(row.person_id, new Set());
    byPerson.get(row.person_id)!.add(row.domain);
  }
  return byPerson;
}
