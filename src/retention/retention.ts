import { randomUUID } from 'node:crypto';
import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditKind } from '../audit/audit-entry.entity';
import { SYSTEM_ACTOR } from '../audit/system-actor';
import { RETENTION_YEARS } from '../policy/access-policy';
import { DataDomain } from '../policy/data-domain';

/**
 * The end of retention (access-policy.md, "Retention"): a person with no open mandate and no
 * contact for RETENTION_YEARS before the as-of date is pseudonymised for statistics. Identity
 * and free text go; the pseudonym, statuses, dates, enumerations, ids, the outcome facts and
 * the audit log stay.
 */

/** What replaces free text that the schema requires (a NOT NULL column, or a check). */
export const ERASED_TEXT = '[erased]';

/** The audit action of a pseudonymisation (detail.action of its audit entries). */
export const PSEUDONYMISE_ACTION = 'pseudonymise';

/** What pseudonymisation does with a text column of a table holding person data. */
export type TextColumnRule =
  /** The whole row is deleted (the identity: names, birth date, sex, contact). */
  | { erase: 'row' }
  /** Set to null. */
  | { erase: 'null' }
  /** A value present becomes ERASED_TEXT (the column or a check requires one); null stays null. */
  | { erase: 'marker' }
  /** A free-text array is emptied. */
  | { erase: 'empty' }
  /** Kept, for the reason given. */
  | { keep: string };

const ROW = { erase: 'row' } as const;
const NULL = { erase: 'null' } as const;
const MARKER = { erase: 'marker' } as const;
const EMPTY = { erase: 'empty' } as const;
const keep = (reason: string): TextColumnRule => ({ keep: reason });

const ENUM = 'A value of a closed list (checked by the database), not free text.';
const AUDIT = 'The audit log: append-only (the database rejects updates and deletes) and kept longer than the data it describes (access-policy.md, "Audit"); ids, roles, domains and operation names, no person data.';
const FACT = 'An outcome fact (a dimension value: a département code, a measure, structure kinds, an action id): outcomes stay for statistics.';

/**
 * Every text, varchar, text-array and JSON column of every table that holds a person column,
 * erased or kept with its reason. A test compares this list with the database's columns
 * (information_schema): a new column of a person table fails it until it is classified here.
 * The erasure statements are built from it.
 */
export const PERSON_TEXT_COLUMNS: Readonly<Record<string, Readonly<Record<string, TextColumnRule>>>> = {
  person: {
    pseudonym: keep('The stable, non-identifying handle ("P-7K3Q9XDF"): what remains of the person, for statistics and the audit log.'),
    file_status: keep(ENUM),
    file_closed_reason: NULL,
  },
  person_identity: {
    first_name: ROW,
    last_name: ROW,
    sex: ROW,
    phone: ROW,
    email: ROW,
  },
  person_judicial: {
    measure: keep(`${ENUM} An outcome dimension (MEASURE).`),
  },
  person_judicial_detail: {
    offence: NULL,
    prison_number: NULL,
  },
  person_social: {
    resources: NULL,
    employment: NULL,
    employment_status: keep(`${ENUM} The outcome "employed" reads it.`),
  },
  person_housing: {
    status: keep(`${ENUM} The outcome "housed at release" reads it.`),
  },
  person_health_record: {
    substances: EMPTY,
    treatment: NULL,
    notes: NULL,
  },
  person_transfer: {
    status: keep(ENUM),
    reason: MARKER,
    refusal_reason: NULL,
  },
  referral: {
    needs: keep(`${ENUM} (each need of the list)`),
    status: keep(ENUM),
    motive: NULL,
    decline_reason: MARKER,
    cancel_reason: NULL,
    idempotency_key: NULL,
  },
  follow_up: {
    closing_reason: NULL,
  },
  appointment: {
    domain: keep(ENUM),
    kind: keep(ENUM),
    status: keep(ENUM),
    place: NULL,
  },
  case_note: {
    domain: keep(ENUM),
    text: MARKER,
  },
  placement: {
    end_reason: NULL,
  },
  right_step: {
    kind: keep(ENUM),
    status: keep(`${ENUM} The outcome "rights opened" reads it.`),
    note: NULL,
  },
  right_step_change: {
    kind: keep(ENUM),
    from_status: keep(ENUM),
    to_status: keep(ENUM),
    note: NULL,
  },
  consent: {
    domain: keep(ENUM),
  },
  mandate: {
    state: keep(`${ENUM} Kept by the database's triggers from the history; nothing else writes it.`),
    opened_by: keep(`${ENUM} Kept by the database's triggers from the history; nothing else writes it.`),
  },
  outcome_fact: {
    departement: keep(FACT),
    measure: keep(FACT),
    kinds: keep(FACT),
    action: keep(FACT),
  },
  outbox_event: {
    type: keep(ENUM),
    domain: keep(ENUM),
    payload: keep('Ids, statuses and dates of a state change, never person data (src/outbox/outbox.ts); events are delivered by id.'),
  },
  audit_entry: {
    role: keep(AUDIT),
    client: keep(AUDIT),
    kind: keep(AUDIT),
    operation: keep(AUDIT),
    request_id: keep(AUDIT),
    domains: keep(AUDIT),
    detail: keep(`${AUDIT} detail holds the action and the ids it touched.`),
  },
  audit_read: {
    role: keep(AUDIT),
    client: keep(AUDIT),
    operation: keep(AUDIT),
    request_id: keep(AUDIT),
    person_domains: keep(AUDIT),
  },
};

/** Advisory lock of a pseudonymisation run ("RETN"): the job on several nodes and the command run one at a time. */
const RETENTION_LOCK = 0x5245544e;

/** The temporary table of a run's persons: every statement of the run reads the same list. */
const EXPIRED_TABLE = 'retention_expired';

/**
 * The persons whose retention has ended on the as-of date (the only parameter), oldest
 * contact first: not pseudonymised yet, no open mandate (a FULL or PENDING row of the
 * mandate table), and a last contact before the cutoff, RETENTION_YEARS before the as-of
 * date (midnight UTC, as the API's dates). The last contact is the latest of the person's
 * registration, recorded last contact and file closing, the latest end of a mandate on the
 * person, the latest audited write on the person, and the latest transfer decision. The
 * person's own columns filter first; the rest are index lookups per remaining person
 * (mandate_person_id_index, audit_entry_person_at_index read backwards once,
 * person_transfer_person_id_index); `offset 0` keeps the lateral from being inlined and
 * computed twice.
 */
const EXPIRED_SQL = `
with bound as (
  select (?::date - interval '${RETENTION_YEARS} years')::timestamp at time zone 'UTC' as cutoff
)
select p.id, p.pseudonym, c.last_contact_at
from bound b
join person p
  on p.pseudonymised_at is null
 and p.created_at < b.cutoff
 and (p.last_contact_at is null or p.last_contact_at < b.cutoff)
 and (p.file_closed_at is null or p.file_closed_at < b.cutoff)
cross join lateral (
  select greatest(
    p.created_at, p.last_contact_at, p.file_closed_at,
    (select max(m.ended_at) from mandate m where m.person_id = p.id),
    (select a.at from audit_entry a where a.person_id = p.id and a.kind = '${AuditKind.WRITE}' order by a.at desc limit 1),
    (select max(coalesce(t.decided_at, t.created_at)) from person_transfer t where t.person_id = p.id)
  ) as last_contact_at
  offset 0
) c
where not exists (select 1 from mandate m where m.person_id = p.id and m.state in ('FULL', 'PENDING'))
  and c.last_contact_at < b.cutoff
order by c.last_contact_at, p.id`;

export interface ExpiredPerson {
  id: string;
  pseudonym: string;
  lastContactAt: Date;
}

export interface RetentionRun {
  /** The as-of date (YYYY-MM-DD). */
  asOf: string;
  dryRun: boolean;
  /** The persons pseudonymised (or, in a dry run, that would be), oldest contact first. */
  persons: ExpiredPerson[];
  /** Rows erased or deleted per table (empty in a dry run): counts only, for the logs. */
  rowsChanged: Record<string, number>;
  /** The audit log's request id of the run's entries; null in a dry run. */
  runId: string | null;
}

/** A calendar day YYYY-MM-DD from 1900 to 2100, or null. */
export function parseAsOf(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return null;
  const year = day.getUTCFullYear();
  return year >= 1900 && year <= 2100 ? value : null;
}

function checkedAsOf(asOf: string): string {
  const day = parseAsOf(asOf);
  if (!day) throw new Error(`retention: the as-of date must be a calendar day YYYY-MM-DD (from 1900 to 2100), not "${asOf}"`);
  return day;
}

interface ExpiredRow {
  id: string;
  pseudonym: string;
  last_contact_at: Date;
}

function toExpired(row: ExpiredRow): ExpiredPerson {
  return { id: row.id, pseudonym: row.pseudonym, lastContactAt: new Date(row.last_contact_at) };
}

/** The persons whose retention has ended on `asOf` (YYYY-MM-DD), oldest contact first. */
export async function findExpired(em: EntityManager, asOf: string): Promise<ExpiredPerson[]> {
  const rows = await em.getConnection().execute<ExpiredRow[]>(EXPIRED_SQL, [checkedAsOf(asOf)], 'all', em.getTransactionContext());
  return rows.map(toExpired);
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

const ERASED_LITERAL = `'${ERASED_TEXT.replaceAll("'", "''")}'`;

/**
 * The statements that erase the run's persons' data, one per table, built from
 * PERSON_TEXT_COLUMNS: a DELETE for a table whose columns go with the row, an UPDATE of the
 * erased columns elsewhere, touching only rows that still hold something to erase (fewer
 * rows for the triggers, and a second run changes nothing). The person row itself is
 * always updated: it records when it was pseudonymised. Neither updated_at nor version is
 * touched: nobody edits these rows any more (no mandate allows a write), and updated_at
 * feeds the ends of mandates (the mandate_source view), which must not move.
 */
export function erasureStatements(): { table: string; sql: string }[] {
  const statements: { table: string; sql: string }[] = [];
  for (const [table, columns] of Object.entries(PERSON_TEXT_COLUMNS)) {
    const key = table === 'person' ? 'id' : 'person_id';
    const scope = `${quoted(key)} in (select id from ${EXPIRED_TABLE})`;
    const erased = Object.entries(columns).flatMap(([column, rule]) => ('erase' in rule ? [{ column: quoted(column), how: rule.erase }] : []));
    if (erased.some(({ how }) => how === 'row')) {
      if (!erased.every(({ how }) => how === 'row')) throw new Error(`${table}: a table is either deleted row by row or updated, not both`);
      statements.push({ table, sql: `delete from ${quoted(table)} where ${scope}` });
      continue;
    }
    const sets = erased.map(({ column, how }) => {
      if (how === 'null') return `${column} = null`;
      if (how === 'empty') return `${column} = '{}'`;
      return `${column} = case when ${column} is null then null else ${ERASED_LITERAL} end`;
    });
    const pending = erased.map(({ column, how }) => {
      if (how === 'null') return `${column} is not null`;
      if (how === 'empty') return `cardinality(${column}) > 0`;
      return `${column} <> ${ERASED_LITERAL}`;
    });
    if (table === 'person') {
      statements.push({ table, sql: `update person set ${[...sets, 'pseudonymised_at = now()'].join(', ')} where ${scope}` });
    } else if (sets.length > 0) {
      statements.push({ table, sql: `update ${quoted(table)} set ${sets.join(', ')} where ${scope} and (${pending.join(' or ')})` });
    }
  }
  return statements;
}

/**
 * Pseudonymises the persons whose retention has ended on `asOf` (YYYY-MM-DD), in one
 * transaction: the list is selected once, its person rows locked (a write to their history
 * waits), and every statement erases exactly that list; one audit entry per person records
 * it. A dry run lists the same persons and changes nothing. Persons already pseudonymised
 * are not listed again.
 */
export async function pseudonymise(em: EntityManager, asOf: string, options: { dryRun: boolean }): Promise<RetentionRun> {
  const day = checkedAsOf(asOf);
  if (options.dryRun) return { asOf: day, dryRun: true, persons: await findExpired(em, day), rowsChanged: {}, runId: null };
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const transaction = tx.getTransactionContext();
    const run = async (sql: string, params: unknown[] = []): Promise<number> => {
      const result = await connection.execute<QueryResult>(sql, params, 'run', transaction);
      return result.affectedRows;
    };
    await connection.execute(`select pg_advisory_xact_lock(${RETENTION_LOCK})`, [], 'all', transaction);
    await run(`create temporary table ${EXPIRED_TABLE} on commit drop as ${EXPIRED_SQL} for no key update of p`, [day]);
    await run(`analyze ${EXPIRED_TABLE}`);
    const rows = await connection.execute<ExpiredRow[]>(
      `select id, pseudonym, last_contact_at from ${EXPIRED_TABLE} order by last_contact_at, id`,
      [],
      'all',
      transaction,
    );
    const runId = randomUUID();
    const rowsChanged: Record<string, number> = {};
    if (rows.length > 0) {
      for (const { table, sql } of erasureStatements()) rowsChanged[table] = await run(sql);
      // Append-only: one entry per person, naming it by id only; the domains are the whole record's.
      await run(
        `insert into audit_entry (id, at, account_id, structure_id, role, client, kind, operation, person_id, domains, request_id, detail)
         select gen_random_uuid(), now(), ?, ?, ?, ?, ?, 'retention', e.id, ?::text[], ?, ?::jsonb
         from ${EXPIRED_TABLE} e`,
        [
          SYSTEM_ACTOR.accountId,
          SYSTEM_ACTOR.structureId,
          SYSTEM_ACTOR.role,
          SYSTEM_ACTOR.client,
          AuditKind.WRITE,
          `{${Object.values(DataDomain).sort().join(',')}}`,
          runId,
          JSON.stringify({ action: PSEUDONYMISE_ACTION, asOf: day }),
        ],
      );
    }
    return { asOf: day, dryRun: false, persons: rows.map(toExpired), rowsChanged, runId: rows.length > 0 ? runId : null };
  });
}
