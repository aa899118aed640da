import { parseCrontab, type JobHelpers } from 'graphile-worker';
import pino from 'pino';
import { ClientKind, Role } from '../../src/auth/role';
import { SYSTEM_ACTOR } from '../../src/audit/system-actor';
import { CRONTAB, RETENTION, taskList } from '../../src/jobs/worker';
import { outcomePublicationService } from '../../src/outcomes/outcome-publication.service';
import { REFRESH_STALE_FACTS_SQL } from '../../src/outcomes/outcome.sql';
import { RETENTION_YEARS } from '../../src/policy/access-policy';
import { DataDomain } from '../../src/policy/data-domain';
import {
  ERASED_TEXT,
  PERSON_TEXT_COLUMNS,
  PSEUDONYMISE_ACTION,
  findExpired,
  parseAsOf,
  pseudonymise,
  type RetentionRun,
  type TextColumnRule,
} from '../../src/retention/retention';
import { toIsoDate } from '../../src/shared/scalars';
import { tableVersusHistory } from '../support/mandates';
import { runTs } from '../support/processes';
import { TestApp } from '../support/test-app';

type Row = Record<string, unknown>;
/** A table's rows by primary key, each as its JSON text (jsonb's canonical form) and parsed. */
type TableRows = Map<string, { text: string; row: Row }>;
type Snapshot = Map<string, TableRows>;

/** Tables with a person column (or a foreign key to person), and person itself: what retention must go through. */
const PERSON_TABLES_SQL = `
select c.table_name as name
from information_schema.columns c
join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
where c.table_schema = current_schema() and (c.column_name in ('person_id', 'person_ids') or c.table_name = 'person')
union
select cl.relname from pg_constraint k join pg_class cl on cl.oid = k.conrelid
where k.contype = 'f' and k.confrelid = 'person'::regclass
order by 1`;

/** Text-like columns: text, varchar, char, their arrays, JSON (anything that can hold free text). */
const TEXT_COLUMNS_SQL = `
select table_name, column_name
from information_schema.columns
where table_schema = current_schema() and table_name = any(?::text[])
  and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or udt_name in ('_text', '_varchar', '_bpchar', 'citext'))
order by 1, 2`;

/** The audit log and the outcome queue are checked on their own: one is appended to, the other fills with the touched persons. */
const APPENDED = new Set(['audit_entry', 'audit_read', 'outcome_fact_stale']);

/** Two years ahead of today: the demo's closed files then count as ended. */
function yearsAhead(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return toIsoDate(new Date(Date.UTC(y + years, m - 1, d)));
}

describe('retention: pseudonymisation at the end of the retention period', () => {
  let app: TestApp;
  const today = toIsoDate(new Date());
  const asOf = yearsAhead(today, RETENTION_YEARS);
  let tables: string[];
  let keys: Map<string, string[]>;
  /** A person with everything the demo's closed files lack (free text in every table), expired. */
  let arranged: string;
  /** An expired person but for a recent audited write. */
  let recentlyWritten: string;
  let dryRun: RetentionRun;
  let beforeRun: Snapshot;
  let names: Map<string, string[]>;

  const sql = <T = Row>(query: string, params: unknown[] = []): Promise<T[]> => app.em().getConnection().execute<T[]>(query, params);

  async function snapshot(only: string[] = tables): Promise<Snapshot> {
    const result: Snapshot = new Map();
    for (const table of only) {
      const key = keys.get(table)!;
      const rows = await sql<{ text: string }>(`select to_jsonb(t)::text as text from "${table}" t`);
      const byKey: TableRows = new Map();
      for (const { text } of rows) {
        const row = JSON.parse(text) as Row;
        byKey.set(key.map((column) => String(row[column])).join('|'), { text, row });
      }
      expect(byKey.size).toBe(rows.length);
      result.set(table, byKey);
    }
    return result;
  }

  function personOf(table: string, row: Row): string {
    return String(table === 'person' ? row.id : row.person_id);
  }

  /** The published outcomes as an evaluator reads them over HTTP, every published year (the text of the answers). */
  async function publishedAnswers(): Promise<string[]> {
    const years = await sql<{ year: number }>(`select year from outcome_publication order by year`);
    const token = await app.tokenFor('eval.ofdt');
    const answers: string[] = [];
    for (const { year } of years) {
      for (const groupBy of [[], ['DEPARTEMENT'], ['MEASURE', 'STRUCTURE_KIND']]) {
        const response = await app.post(
          {
            query: `query($from: Date!, $to: Date!, $groupBy: [OutcomeDimension!]) { programOutcomes(from: $from, to: $to, groupBy: $groupBy) {
              years { year publishedAt } rows { group persons { value suppressed } housedAtRelease { value suppressed }
              rightsOpened { value suppressed } inCare { value suppressed } employed { value suppressed } } } }`,
            variables: { from: `${year}-01-01`, to: `${year}-12-31`, groupBy },
          },
          token,
        );
        const text = await response.text();
        expect(JSON.parse(text).errors).toBeUndefined();
        answers.push(text);
      }
    }
    return answers;
  }

  async function publishedRows(): Promise<string[]> {
    const rows = await sql<{ text: string }>(
      `select to_jsonb(p)::text as text from outcome_publication p
       union all select to_jsonb(c)::text from outcome_published_cell c order by 1`,
    );
    return rows.map((row) => row.text);
  }

  /** The expected list, computed here from the raw rows rather than by the module's SQL. */
  async function expectedExpired(day: string): Promise<string[]> {
    const [y, m, d] = day.split('-').map(Number);
    const cutoff = Date.UTC(y - RETENTION_YEARS, m - 1, d);
    const times = (rows: { person_id: string; at: Date | null }[]) => {
      const latest = new Map<string, number>();
      for (const row of rows) {
        if (row.at === null) continue;
        latest.set(row.person_id, Math.max(latest.get(row.person_id) ?? -Infinity, new Date(row.at).getTime()));
      }
      return latest;
    };
    const persons = await sql<{ id: string; pseudonymised_at: Date | null; created_at: Date; last_contact_at: Date | null; file_closed_at: Date | null }>(
      `select id, pseudonymised_at, created_at, last_contact_at, file_closed_at from person`,
    );
    const open = new Set((await sql<{ person_id: string }>(`select person_id from mandate where state in ('FULL', 'PENDING')`)).map((row) => row.person_id));
    const mandateEnds = times(await sql(`select person_id, ended_at as at from mandate`));
    const writes = times(await sql(`select person_id, at from audit_entry where kind = 'WRITE' and person_id is not null`));
    const transfers = times(await sql(`select person_id, created_at as at from person_transfer union all select person_id, decided_at from person_transfer`));
    return persons
      .filter((p) => p.pseudonymised_at === null && !open.has(p.id))
      .filter((p) => {
        const last = Math.max(
          ...[p.created_at, p.last_contact_at, p.file_closed_at].filter((at): at is Date => at !== null).map((at) => new Date(at).getTime()),
          mandateEnds.get(p.id) ?? -Infinity,
          writes.get(p.id) ?? -Infinity,
          transfers.get(p.id) ?? -Infinity,
        );
        return last < cutoff;
      })
      .map((p) => p.id)
      .sort();
  }

  beforeAll(async () => {
    app = await TestApp.start();
    tables = (await sql<{ name: string }>(PERSON_TABLES_SQL)).map((row) => row.name);
    const primaryKeys = await sql<{ table_name: string; columns: string[] }>(
      // From the catalog: information_schema hides the constraints of tables the role may only read (mandate).
      `select c.relname as table_name, array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum)) as columns
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
       where i.indisprimary and n.nspname = current_schema()
       group by c.relname`,
    );
    keys = new Map(primaryKeys.map((row) => [row.table_name, row.columns]));
    for (const table of tables) expect(keys.has(table)).toBe(true);

    // The demo's past years, published as the worker does.
    expect((await outcomePublicationService.publishDue(app.em(), today, '03-01')).length).toBeGreaterThan(0);

    // Closed files with no mandate left: the demo's past cohorts.
    const closed = await sql<{ id: string; spip_id: string; created_at: Date }>(
      `select p.id, p.spip_id, p.created_at from person p
       where p.file_status = 'CLOSED' and not exists (select 1 from mandate m where m.person_id = p.id and m.state in ('FULL', 'PENDING'))
         and exists (select 1 from right_step_change c where c.person_id = p.id)
         and exists (select 1 from referral r where r.person_id = p.id)
         and exists (select 1 from person_health_record h where h.person_id = p.id)
       order by p.created_at, p.id limit 2`,
    );
    expect(closed).toHaveLength(2);
    arranged = closed[0].id;
    recentlyWritten = closed[1].id;
    const [spipAccount] = await sql<{ id: string; structure_id: string }>(
      `select a.id, a.structure_id from account a where a.structure_id = ? and a.role = 'PROBATION_OFFICER' order by a.login limit 1`,
      [closed[0].spip_id],
    );
    const [otherSpip] = await sql<{ id: string }>(`select id from structure where kind = 'SPIP' and id <> ? order by name limit 1`, [closed[0].spip_id]);
    // Free text everywhere the demo's closed files have none, written long ago (none of it is a contact after the cutoff).
    const at = new Date(new Date(closed[0].created_at).getTime() + 86_400_000);
    await sql(`update person set file_closed_reason = 'Fin de mesure ; part vivre chez sa sœur à Lyon' where id = ?`, [arranged]);
    await sql(
      `insert into person_transfer (person_id, from_spip_id, to_spip_id, status, reason, refusal_reason, created_at, updated_at, decided_at)
       values (?, ?, ?, 'REFUSED', 'Hébergé chez sa mère, 4 rue des Lilas', 'Adresse non confirmée par la famille', ?, ?, ?)`,
      [arranged, closed[0].spip_id, otherSpip.id, at, at, at],
    );
    await sql(
      `update referral set decline_reason = 'Refus du conjoint', cancel_reason = 'Incarcéré de nouveau', idempotency_key = 'dossier-Dupont-2023'
       where id = (select id from referral where person_id = ? order by id limit 1)`,
      [arranged],
    );
    await sql(
      `insert into appointment (person_id, structure_id, created_by_id, domain, kind, place, scheduled_at, status, held_at, created_at, updated_at)
       values (?, ?, ?, 'SOCIAL', 'HOME_VISIT', 'Chez sa mère, 4 rue des Lilas, Grenoble', ?, 'HELD', ?, ?, ?)`,
      [arranged, spipAccount.structure_id, spipAccount.id, at, at, at, at],
    );
    await sql(
      `insert into case_note (person_id, domain, author_structure_id, author_account_id, text, created_at, updated_at)
       values (?, 'SOCIAL', ?, ?, 'A revu sa fille ; conflit avec son ancien employeur', ?, ?)`,
      [arranged, spipAccount.structure_id, spipAccount.id, at, at],
    );
    await sql(`update right_step set note = 'Dossier déposé à la CAF de Grenoble' where person_id = ?`, [arranged]);
    await sql(`update right_step_change set note = 'Pièces fournies par sa sœur' where person_id = ?`, [arranged]);
    await sql(`update person_health_record set treatment = 'Méthadone 40 mg', notes = 'Rechute en mars' where person_id = ?`, [arranged]);
    // An audited write today: a contact after the cutoff keeps the person's record.
    await sql(
      `insert into audit_entry (account_id, structure_id, role, client, kind, operation, person_id, domains, request_id, detail)
       values (?, ?, 'PROBATION_OFFICER', 'USER', 'WRITE', 'UpdateSocial', ?, '{SOCIAL}', 'test-request', '{"action": "updateSocialSituation"}')`,
      [spipAccount.id, spipAccount.structure_id, recentlyWritten],
    );
    names = new Map(
      (await sql<{ person_id: string; first_name: string; last_name: string }>(`select person_id, first_name, last_name from person_identity`)).map((row) => [
        row.person_id,
        [row.first_name, row.last_name],
      ]),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('classifies every text column of every table holding person data: erased, or kept with a reason', async () => {
    expect(tables).toEqual(expect.arrayContaining(['person', 'person_identity', 'referral', 'case_note', 'audit_entry', 'audit_read', 'outcome_fact']));
    const columns = await sql<{ table_name: string; column_name: string }>(TEXT_COLUMNS_SQL, [`{${tables.join(',')}}`]);
    const unclassified = columns.filter((c) => PERSON_TEXT_COLUMNS[c.table_name]?.[c.column_name] === undefined).map((c) => `${c.table_name}.${c.column_name}`);
    expect(unclassified).toEqual([]);
    // And nothing classified that the database does not have (a renamed column would escape erasure).
    const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const stale = Object.entries(PERSON_TEXT_COLUMNS).flatMap(([table, cols]) => Object.keys(cols).map((column) => `${table}.${column}`)).filter((name) => !present.has(name));
    expect(stale).toEqual([]);
    for (const rules of Object.values(PERSON_TEXT_COLUMNS)) {
      for (const rule of Object.values(rules)) if ('keep' in rule) expect(rule.keep.length).toBeGreaterThan(20);
    }
    // The free text the access policy names is erased, the statistics' inputs kept.
    const erased = (table: string, column: string) => 'erase' in PERSON_TEXT_COLUMNS[table][column];
    for (const [table, column] of [
      ['person_identity', 'last_name'], ['person_judicial_detail', 'offence'], ['person_social', 'resources'], ['person_health_record', 'notes'],
      ['case_note', 'text'], ['referral', 'motive'], ['person_transfer', 'reason'], ['person', 'file_closed_reason'],
    ]) {
      expect(erased(table, column)).toBe(true);
    }
    for (const [table, column] of [['person', 'pseudonym'], ['person_social', 'employment_status'], ['outcome_fact', 'measure'], ['audit_entry', 'detail']]) {
      expect(erased(table, column)).toBe(false);
    }
  });

  it('takes the as-of date only as a calendar day', () => {
    expect(parseAsOf('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2028-13-01', '28-01-01', '2028-1-01', 'tomorrow', '', '0000-01-01', '2028-01-01T00:00:00Z']) expect(parseAsOf(bad)).toBeNull();
  });

  it('lists, in a dry run, the persons with no open mandate and no contact for two years, and changes nothing', async () => {
    const answersBefore = await publishedAnswers();
    const before = await snapshot();
    const publishedBefore = await publishedRows();
    dryRun = await pseudonymise(app.em(), asOf, { dryRun: true });
    expect(await snapshot()).toEqual(before);
    expect(await publishedRows()).toEqual(publishedBefore);
    expect(await publishedAnswers()).toEqual(answersBefore);

    expect(dryRun).toMatchObject({ asOf, dryRun: true, runId: null, rowsChanged: {} });
    const ids = dryRun.persons.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(1000);
    expect([...ids].sort()).toEqual(await expectedExpired(asOf));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(arranged);
    expect(ids).not.toContain(recentlyWritten);
    // Without today's audited write it would have been listed: the audit log counts as contact.
    const [recent] = await sql<{ last: Date }>(
      `select greatest(p.created_at, p.last_contact_at, p.file_closed_at, (select max(ended_at) from mandate m where m.person_id = p.id)) as last
       from person p where id = ?`,
      [recentlyWritten],
    );
    expect(new Date(recent.last).getTime()).toBeLessThan(Date.parse(`${today}T00:00:00Z`));
    // Nobody under an open mandate; oldest contact first; the pseudonym and the last contact, before the cutoff.
    const open = await sql(`select 1 from mandate where person_id = any(?::uuid[]) and state in ('FULL', 'PENDING')`, [`{${ids.join(',')}}`]);
    expect(open).toEqual([]);
    const cutoff = Date.parse(`${yearsAhead(asOf, -RETENTION_YEARS)}T00:00:00Z`);
    for (const person of dryRun.persons) {
      expect(person.pseudonym).toMatch(/^P-[0-9A-Z]{8}$/);
      expect(person.lastContactAt.getTime()).toBeLessThan(cutoff);
    }
    const order = dryRun.persons.map((p) => p.lastContactAt.getTime());
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // findExpired is the same list.
    expect((await findExpired(app.em(), asOf)).map((p) => p.id)).toEqual(ids);
    // Today's own run finds fewer: only the contacts of more than two years ago.
    const todays = (await findExpired(app.em(), today)).map((p) => p.id);
    expect(todays.length).toBeLessThan(ids.length);
    expect(ids).toEqual(expect.arrayContaining(todays));
  });

  it('runs as a command: the dry run prints each person (id, pseudonym, last contact, never a name) and the total, and exits 0', async () => {
    const before = await snapshot(['person', 'person_identity', 'case_note', 'referral']);
    const result = await runTs('scripts/retention.ts', ['--dry-run', '--as-of', asOf], { DATABASE_URL: app.databaseUrl });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const total = lines.pop();
    expect(total).toBe(`${dryRun.persons.length} person(s) would be pseudonymised as of ${asOf} (no open mandate, no contact for ${RETENTION_YEARS} years); nothing changed (dry run)`);
    expect(lines).toEqual(dryRun.persons.map((p) => `${p.id}  ${p.pseudonym}  ${toIsoDate(p.lastContactAt)}`));
    for (const person of dryRun.persons) {
      for (const name of names.get(person.id) ?? []) expect(result.stdout.includes(name)).toBe(false);
    }
    expect(await snapshot(['person', 'person_identity', 'case_note', 'referral'])).toEqual(before);
  });

  it('refuses a malformed --as-of with exit code 2 and a message, touching nothing', async () => {
    for (const args of [['--as-of', '2028-02-30'], ['--dry-run', '--as-of=demain'], ['--force']]) {
      const result = await runTs('scripts/retention.ts', args, { DATABASE_URL: app.databaseUrl });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^retention: .+\nusage: npm run retention -- \[--dry-run\] \[--as-of YYYY-MM-DD\]\n$/);
      expect(result.stdout).toBe('');
    }
    await expect(pseudonymise(app.em(), '2028-02-30', { dryRun: false })).rejects.toThrow(/calendar day/);
  });

  it('pseudonymises exactly the persons the dry run listed: identity and free text gone everywhere, the rest as it was', async () => {
    // What the holding SPIP still reads today of a listed person under its ended mandate.
    const cpip = await app.tokenFor('cpip.grenoble');
    const personQuery = `query($id: ID!) { person(id: $id) { id pseudonym mandate identity { firstName lastName birthDate } } }`;
    const listed = new Set(dryRun.persons.map((p) => p.id));
    type Node = { id: string; pseudonym: string; identity: { lastName: string } | null };
    const page = (await (await app.post({ query: `{ persons(first: 100, mandate: ENDED) { edges { node { id pseudonym identity { lastName } } } } }` }, cpip)).json()) as {
      data: { persons: { edges: { node: Node }[] } };
    };
    const seen = page.data.persons.edges
      .map((edge) => edge.node)
      .find((node) => listed.has(node.id) && node.identity !== null);
    expect(seen).toBeDefined();
    const answersBefore = await publishedAnswers();

    beforeRun = await snapshot();
    const publishedBefore = await publishedRows();
    const factsBefore = await sql(`select * from outcome_fact order by person_id`);
    const run = await pseudonymise(app.em(), asOf, { dryRun: false });
    const after = await snapshot();

    expect(run.dryRun).toBe(false);
    expect(run.persons).toEqual(dryRun.persons);
    expect(run.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.rowsChanged.person).toBe(listed.size);
    expect(run.rowsChanged.person_identity).toBe([...beforeRun.get('person_identity')!.values()].filter(({ row }) => listed.has(personOf('person_identity', row))).length);

    const rulesOf = (table: string): Record<string, TextColumnRule> => PERSON_TEXT_COLUMNS[table] ?? {};
    const exercised = new Set<string>();
    for (const table of tables.filter((name) => !APPENDED.has(name))) {
      const rows = beforeRun.get(table)!;
      const now = after.get(table)!;
      const rules = rulesOf(table);
      const deleted = Object.values(rules).some((rule) => 'erase' in rule && rule.erase === 'row');
      for (const [key, { text, row }] of rows) {
        const person = personOf(table, row);
        if (!listed.has(person)) {
          // Everyone else's rows, byte for byte.
          expect([table, now.get(key)?.text]).toEqual([table, text]);
          continue;
        }
        if (deleted) {
          expect([table, key, now.has(key)]).toEqual([table, key, false]);
          exercised.add(table);
          continue;
        }
        const changed = now.get(key)?.row;
        expect([table, key, changed !== undefined]).toEqual([table, key, true]);
        for (const [column, value] of Object.entries(row)) {
          const rule = rules[column];
          const next = changed![column];
          if (table === 'person' && column === 'pseudonymised_at') {
            expect(value).toBeNull();
            expect(next).not.toBeNull();
          } else if (rule && 'erase' in rule) {
            const had = value !== null && !(Array.isArray(value) && value.length === 0);
            if (had) exercised.add(`${table}.${column}`);
            const expected = rule.erase === 'null' ? null : rule.erase === 'empty' ? [] : value === null ? null : ERASED_TEXT;
            expect([table, column, next]).toEqual([table, column, expected]);
          } else {
            // Kept: statuses, dates, enumerations, ids, versions, the pseudonym, updated_at.
            expect([table, column, next]).toEqual([table, column, value]);
          }
        }
      }
      // No row appears for anyone.
      for (const key of now.keys()) expect([table, rows.has(key)]).toEqual([table, true]);
    }
    // Every erasure was exercised on data that had something to erase.
    const erasable = Object.entries(PERSON_TEXT_COLUMNS).flatMap(([table, rules]) =>
      Object.entries(rules).flatMap(([column, rule]) => ('erase' in rule ? [rule.erase === 'row' ? table : `${table}.${column}`] : [])),
    );
    expect([...new Set(erasable)].filter((name) => !exercised.has(name))).toEqual([]);

    // Their names appear nowhere among the person tables' rows (the audit log never held them).
    const remaining = [...after.entries()].flatMap(([table, rows]) => [...rows.values()].filter(({ row }) => table !== 'audit_read' && listed.has(personOf(table, row))).map(({ text }) => text));
    for (const person of [arranged, ...[...listed].slice(0, 200)]) {
      for (const name of names.get(person) ?? []) expect(remaining.some((text) => text.includes(name))).toBe(false);
    }
    for (const phrase of ['sœur', 'Lilas', 'Méthadone', 'Dupont', 'CAF de Grenoble', 'employeur', 'Incarcéré', 'conjoint', 'Adresse non confirmée']) {
      expect(remaining.some((text) => text.includes(phrase))).toBe(false);
    }

    // Outcome facts as they were; recomputed from what is left, still the same.
    expect(await sql(`select * from outcome_fact order by person_id`)).toEqual(factsBefore);
    const staleAfter = [...after.get('outcome_fact_stale')!.values()].map(({ row }) => String(row.person_id));
    expect(staleAfter.every((id) => listed.has(id) || beforeRun.get('outcome_fact_stale')!.has(id))).toBe(true);
    await app.em().getConnection().execute(REFRESH_STALE_FACTS_SQL, [], 'run');
    const facts = (rows: Row[]) => rows.map(({ computed_at: _computedAt, ...rest }) => rest);
    expect(facts(await sql(`select * from outcome_fact order by person_id`))).toEqual(facts(factsBefore));
    // The mandate table is still what the history implies (and, above, unchanged row for row).
    expect(await tableVersusHistory((query, params = []) => app.em().getConnection().execute(query, params))).toEqual([]);

    // The published outcomes: the stored snapshot and the evaluator's answers, identical; nothing new to publish.
    expect(await publishedRows()).toEqual(publishedBefore);
    expect(await outcomePublicationService.publishDue(app.em(), today, '03-01')).toEqual([]);
    expect(await publishedAnswers()).toEqual(answersBefore);

    // The audit log: every entry as it was, one appended per person, naming it by id only.
    const auditBefore = beforeRun.get('audit_entry')!;
    const auditAfter = after.get('audit_entry')!;
    for (const [key, { text }] of auditBefore) expect(auditAfter.get(key)?.text).toBe(text);
    const appended = [...auditAfter.entries()].filter(([key]) => !auditBefore.has(key)).map(([, { row }]) => row);
    expect(appended.map((row) => row.person_id).sort()).toEqual([...listed].sort());
    for (const row of appended) {
      expect(row).toMatchObject({
        account_id: SYSTEM_ACTOR.accountId,
        structure_id: SYSTEM_ACTOR.structureId,
        role: Role.PLATFORM_ADMIN,
        client: ClientKind.MACHINE,
        kind: 'WRITE',
        operation: 'retention',
        request_id: run.runId,
        domains: Object.values(DataDomain).sort(),
        detail: { action: PSEUDONYMISE_ACTION, asOf },
        restricted: false,
      });
    }
    expect(after.get('audit_read')).toEqual(beforeRun.get('audit_read'));

    // Through the API: the pseudonym, and no identity.
    const answer = await (await app.post({ query: personQuery, variables: { id: seen!.id } }, cpip)).json();
    expect(answer).toEqual({ data: { person: { id: seen!.id, pseudonym: seen!.pseudonym, mandate: 'ENDED', identity: null } } });
  });

  it('changes nothing when run again: the pseudonymised are not listed twice', async () => {
    const before = await snapshot();
    const published = await publishedRows();
    const again = await pseudonymise(app.em(), asOf, { dryRun: false });
    expect(again).toEqual({ asOf, dryRun: false, persons: [], rowsChanged: {}, runId: null });
    expect(await snapshot()).toEqual(before);
    expect(await publishedRows()).toEqual(published);
    expect(await findExpired(app.em(), asOf)).toEqual([]);
    const result = await runTs('scripts/retention.ts', ['--as-of', asOf], { DATABASE_URL: app.databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`0 person(s) pseudonymised as of ${asOf} (no open mandate, no contact for ${RETENTION_YEARS} years)\n`);
    expect(await snapshot()).toEqual(before);
  });

  it('runs every day in the worker, as of today, and logs counts, never names', async () => {
    const scheduled = parseCrontab(CRONTAB).filter((item) => item.task === RETENTION);
    expect(scheduled).toHaveLength(1);
    const [threeAm] = scheduled;
    expect(threeAm.match({ min: 0, hour: 3, date: 1, month: 1, dow: 1 })).toBe(true);
    expect(threeAm.match({ min: 0, hour: 4, date: 1, month: 1, dow: 1 })).toBe(false);

    // A file closed three years ago by the SPIP of Isère, written directly as a bulk load would.
    const [spip] = await sql<{ id: string }>(`select id from structure where name = 'SPIP de l''Isère'`);
    const [old] = await sql<{ id: string }>(
      `insert into person (pseudonym, spip_id, registered_by_id, file_status, created_at, updated_at, file_closed_at, last_contact_at)
       values ('P-RETENT10', ?, ?, 'CLOSED', now() - interval '3 years', now() - interval '3 years', now() - interval '34 months', now() - interval '34 months')
       returning id`,
      [spip.id, spip.id],
    );
    await sql(`insert into person_identity (person_id, first_name, last_name, phone) values (?, 'Gaspard', 'Oublié', '06 12 34 56 78')`, [old.id]);
    expect((await findExpired(app.em(), today)).map((p) => p.id)).toEqual([old.id]);

    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const tasks = taskList({ orm: app.orm, logger, outcomePublicationDay: '03-01', webhooks: app.config.webhooks });
    await tasks[RETENTION]!({}, {} as JobHelpers);

    expect(await sql(`select 1 from person_identity where person_id = ?`, [old.id])).toEqual([]);
    const [person] = await sql<{ pseudonym: string; pseudonymised_at: Date | null }>(`select pseudonym, pseudonymised_at from person where id = ?`, [old.id]);
    expect(person.pseudonym).toBe('P-RETENT10');
    expect(person.pseudonymised_at).not.toBeNull();
    const [entry] = await sql<{ request_id: string; detail: unknown }>(`select request_id, detail from audit_entry where person_id = ? and kind = 'WRITE'`, [old.id]);
    expect(entry.detail).toEqual({ action: PSEUDONYMISE_ACTION, asOf: today });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      job: RETENTION,
      asOf: today,
      pseudonymised: 1,
      rows: { person: 1, person_identity: 1 },
      runId: entry.request_id,
      msg: 'retention: records pseudonymised',
    });
    for (const secret of ['Gaspard', 'Oublié', '06 12', old.id, 'P-RETENT10']) expect(lines[0].includes(secret)).toBe(false);
  });
});
