import type { Viewer } from '../auth/viewer';
import { ACCESS_POLICY, Grant, MandateState } from './access-policy';
import { CONSENT_IN_FORCE } from './consent.repository';
import { DataDomain } from './data-domain';
import { identityWithheldSql, mandateSubquery } from './mandate.repository';
import { recordVisibleSql } from './record-sql';
import type { RecordDeclaration } from './records';

/**
 * The policy's SQL for answers built in PostgreSQL (server/planned-read.ts): the decision on a
 * domain of a person, generated from the policy table (ACCESS_POLICY) as PersonAccess.decision
 * takes it, and the records of a kind a viewer sees about a person, as the record reader decides
 * them. Modules that plan a field ask for these; none writes a rule of its own.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function self(viewer: Pick<Viewer, 'structureId'>): string {
  if (!UUID.test(viewer.structureId)) throw new Error('planned SQL: the structure id is not a uuid');
  return `'${viewer.structureId}'::uuid`;
}

const MANDATED: readonly MandateState[] = [MandateState.FULL, MandateState.PENDING, MandateState.ENDED];

/**
 * The read decision on `domain` for the person `at.personId` under the viewer's mandate state
 * `at.mandate` (SQL expressions of the caller's row), as text: 'ALLOW', 'DENY', 'OWN' or 'CORE',
 * exactly decide(role, domain, mandate, consented, 'read'), with the consent read in force as
 * PersonAccess reads it; for IDENTITY, DENY when `at.withheld` (a restricted person). Returns
 * the decisions it can give too, so that a field that cannot narrow to CORE in SQL is not planned.
 */
export function domainDecisionSql(
  viewer: Pick<Viewer, 'structureId' | 'role'>,
  domain: DataDomain,
  at: { personId: string; mandate: string; withheld?: string },
): { sql: string; outcomes: Set<string> } {
  const outcomes = new Set<string>(['DENY']);
  const when = MANDATED.map((state) => {
    const grant = ACCESS_POLICY[domain][viewer.role][state].read;
    let decided: string;
    switch (grant) {
      case Grant.ALWAYS:
        decided = `'ALLOW'`;
        outcomes.add('ALLOW');
        break;
      case Grant.WITH_CONSENT:
        decided = `(case when exists (select 1 from consent c where c.person_id = ${at.personId} and c.domain = '${domain}'
            and (c.recipient_id = ${self(viewer)} or c.recipient_id is null) and ${CONSENT_IN_FORCE}) then 'ALLOW' else 'DENY' end)`;
        outcomes.add('ALLOW');
        break;
      case Grant.OWN_WRITINGS:
        decided = `'OWN'`;
        outcomes.add('OWN');
        break;
      case Grant.CORE_ONLY:
        decided = `'CORE'`;
        outcomes.add('CORE');
        break;
      case Grant.NEVER:
        decided = `'DENY'`;
        break;
    }
    return `when '${state}' then ${decided}`;
  });
  let sql = `(case ${at.mandate} ${when.join(' ')} else 'DENY' end)`;
  if (domain === DataDomain.IDENTITY) {
    if (!at.withheld) throw new Error('planned SQL: IDENTITY is decided with whether it is withheld');
    sql = `(case when ${at.withheld} then 'DENY' else ${sql} end)`;
  }
  return { sql, outcomes };
}

/**
 * Whether the viewer reads a domain value of the person as the domain guard lets it through,
 * as SQL (boolean): ALLOW reads it, OWN reads it only when the viewer's structure wrote it
 * (`at.writtenBy`, the value's writer column), DENY never. The same expression tells whether the
 * read is audited (the guard records an allowed read, and an own writing shown). Null when the
 * decision can narrow to the judicial core, which a planned value cannot do.
 */
export function domainReadSql(
  viewer: Pick<Viewer, 'structureId' | 'role'>,
  domain: DataDomain,
  at: { personId: string; mandate: string; withheld?: string; writtenBy: string },
): string | null {
  const decision = domainDecisionSql(viewer, domain, at);
  if (decision.outcomes.has('CORE')) return null;
  return `(case ${decision.sql} when 'ALLOW' then true when 'OWN' then coalesce(${at.writtenBy} = ${self(viewer)}, false) else false end)`;
}

/**
 * The rows of a kind of record about the persons of the caller's statement that the viewer sees
 * (alias `r`): the table to join on `personId` (the record's person column, to equal the
 * caller's person id), the condition over `r` and the viewer's mandate state `at.mandate` on
 * the row's person, the text[] of each row's domains (audited as read) and the kind's order:
 * the record reader's rule, in the caller's statement.
 */
export function visibleRecordsSql(
  declaration: RecordDeclaration<never>,
  viewer: Pick<Viewer, 'structureId' | 'role'>,
  at: { mandate: string },
): { table: string; personId: string; where: string; domains: string; orderBy: string } {
  const visible = recordVisibleSql(declaration as RecordDeclaration, viewer as Parameters<typeof recordVisibleSql>[1], at.mandate);
  const row = declaration.sql;
  return { table: `${row.table} r`, personId: row.personId, where: visible.sql, domains: `${row.domains}::text[]`, orderBy: row.orderBy };
}

/**
 * The records of a kind under the viewer's mandates (alias `r`, the mandate row `m`, its state
 * `m.state`), for a list that starts from the records rather than from persons: the FROM clause
 * with its parameters, and the condition that the viewer sees the row, as the record reader's
 * `list` decides it.
 */
export function mandatedRecordsSql(
  declaration: RecordDeclaration<never>,
  viewer: Pick<Viewer, 'structureId' | 'role'>,
): { from: string; params: unknown[]; visible: string } {
  const mandates = mandateSubquery(viewer.structureId);
  const visible = recordVisibleSql(declaration as RecordDeclaration, viewer as Parameters<typeof recordVisibleSql>[1], 'm.state');
  return {
    from: `${declaration.sql.table} r join (${mandates.sql}) m on m.person_id = ${declaration.sql.personId}`,
    params: mandates.params,
    visible: visible.sql,
  };
}

/**
 * A person as a planned answer's Person fields read it (columns id, pseudonym, mandate_state,
 * identity_withheld), for a join from a row naming the person (`personId`) whose viewer's mandate
 * state is already known (`mandate`): a subquery to join laterally.
 */
export function personRowSql(viewer: Pick<Viewer, 'structureId'>, at: { personId: string; mandate: string }): string {
  return `(select p.id, p.pseudonym, ${at.mandate} as mandate_state, ${identityWithheldSql(self(viewer))} as identity_withheld
           from person p where p.id = ${at.personId})`;
}

/**
 * One person under the viewer's mandates, as a planned answer's Person fields read it (columns
 * id, pseudonym, mandate_state, identity_withheld): no row for an unknown person and for one
 * outside the mandates alike, as PersonAccess.mandate decides (NONE).
 */
export function mandatedPersonSql(viewer: Pick<Viewer, 'structureId'>, personId: string): { sql: string; params: unknown[] } {
  if (!UUID.test(personId)) throw new Error('mandatedPersonSql: not a uuid');
  const mandates = mandateSubquery(viewer.structureId, [personId]);
  return {
    sql: `select p.id, p.pseudonym, m.state as mandate_state, ${identityWithheldSql(self(viewer))} as identity_withheld
          from person p join (${mandates.sql}) m on m.person_id = p.id where p.id = ?::uuid`,
    params: [...mandates.params, personId],
  };
}
