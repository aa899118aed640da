import type { Role } from '../auth/role';
import { FULL_MANDATE_READ, Grant, PERSON_DATA_ROLES } from './access-policy';
import { CONSENT_IN_FORCE } from './consent.repository';
import { identityWithheldSql } from './mandate.repository';
import { DataDomain } from './data-domain';
import { CARE_DOMAINS, CARE_NEEDS, InvolvedUnder, type RecordDeclaration, WhenItTellsOfCare } from './records';

/** A piece of SQL with its `?` parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * The record decision of records.ts (decideRecord) compiled into a SQL predicate over one
 * row `r` of the record's table, for lists and counts: the same rule, in the query, so
 * nothing is filtered in JS after loading. `mandate` is the SQL expression of the viewer's
 * mandate state on the row's person (from the mandate relation); a test checks that the
 * predicate and decideRecord agree on every record of the demo data for every account.
 */
export function recordVisibleSql(declaration: RecordDeclaration, viewer: { structureId: string; role: Role }, mandate: string): SqlFragment {
  return { sql: recordSql(declaration, viewer, mandate).visible, params: [] };
}

/** Whether the record's actor may be named, for a visible record: the same rule as decideRecord's actorShown. */
export function recordActorShownSql(declaration: RecordDeclaration, viewer: { structureId: string; role: Role }, mandate: string): SqlFragment {
  return { sql: recordSql(declaration, viewer, mandate).actorShown, params: [] };
}

function recordSql(declaration: RecordDeclaration, viewer: { structureId: string; role: Role }, mandate: string): { visible: string; actorShown: string } {
  if (!PERSON_DATA_ROLES.includes(viewer.role)) return { visible: 'false', actorShown: 'false' };
  const col = declaration.sql;
  // The viewer's structure id is inlined (checked to be a uuid) so fragments compose in any order.
  if (!UUID.test(viewer.structureId)) throw new Error('recordVisibleSql: the structure id is not a uuid');
  const self = `'${viewer.structureId}'::uuid`;
  const always = Object.values(DataDomain).filter((d) => FULL_MANDATE_READ[d][viewer.role] === Grant.ALWAYS);
  const withConsent = Object.values(DataDomain).filter((d) => FULL_MANDATE_READ[d][viewer.role] === Grant.WITH_CONSENT);
  // A restricted person's identity is withheld from all but the holding SPIP and those it named.
  const reads = (domain: string) =>
    `((${domain} = any(${textArray(always)}) or (${domain} = any(${textArray(withConsent)}) and exists (
       select 1 from consent c where c.person_id = ${col.personId} and c.domain = ${domain}
         and (c.recipient_id = ${self} or c.recipient_id is null) and ${CONSENT_IN_FORCE})))
     and (${domain} <> '${DataDomain.IDENTITY}' or not exists (
       select 1 from person p where p.id = ${col.personId} and ${identityWithheldSql(self)})))`;
  const involved = (under: InvolvedUnder) => {
    switch (under) {
      case InvolvedUnder.ACTOR:
        return `coalesce(${col.actorId} = ${self}, false)`;
      case InvolvedUnder.PARTY:
        return `(coalesce(${col.actorId} = ${self}, false) or ${self} = any(${col.partyIds}))`;
      case InvolvedUnder.NOTHING:
        return 'false';
    }
  };
  const domains = `${col.domains}::text[]`;
  const mentions = col.mentions ? `${domains} || ${col.mentions}::text[]` : domains;
  const tellsOfCare = `(exists (select 1 from structure s where s.id = any(array_append(${col.partyIds}, ${col.actorId})) and s.kind = 'CSAPA')
      ${col.needs ? `or ${col.needs}::text[] && ${textArray(CARE_NEEDS)}` : ''}
      or (${mentions}) && ${textArray(CARE_DOMAINS)})`;
  const readsAll = `coalesce((select bool_and(${reads('d.domain')}) from unnest(${domains}) as d(domain)), true)`;
  const readsHealthSummary = reads(`'${DataDomain.HEALTH_SUMMARY}'`);
  const whenCare = declaration.whenItTellsOfCare === WhenItTellsOfCare.REMOVE_ACTOR ? 'true' : readsHealthSummary;
  const visible = `(case
      when ${mandate} is null or ${mandate} = 'NONE' then false
      when ${col.lapsed ?? 'false'} then ${involved(InvolvedUnder.ACTOR)}
      when ${mandate} = 'PENDING' then ${involved(declaration.pending)}
      when ${mandate} = 'ENDED' then ${involved(declaration.ended)}
      when ${involved(InvolvedUnder.PARTY)} then true
      when not ${readsAll} then false
      when not ${tellsOfCare} then true
      else ${whenCare}
    end)`;
  // Not full, or a party: the actor is the viewer's own business; otherwise hidden only when it tells of care unread.
  const actorShown = `(${mandate} is distinct from 'FULL' or ${involved(InvolvedUnder.PARTY)} or not ${tellsOfCare} or ${readsHealthSummary})`;
  return { visible, actorShown };
}
