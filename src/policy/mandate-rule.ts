import { MandateState, RETENTION_YEARS } from './access-policy';
import { MandateSource } from './mandate.entity';
import type { StoredMandateState } from './mandate.entity';

/**
 * The mandate derivation (access-policy.md, "Mandate"), written once: which structure holds
 * which mandate on which person, from the history (person files, transfers, referrals,
 * follow-ups). Every SQL form of it is generated from the declarations below:
 * - the view `mandate_source` (one row per source) and `mandate_history` (the mandate each
 *   source set implies), which the functions and triggers of src/policy/mandate-ddl.ts use to
 *   keep the table `mandate` equal to the history;
 * - `mandatesFromHistorySql`, the same mandates of one structure derived from the history on
 *   every call, with the readers' retention, the oracle tests and benchmarks compare with.
 * Landed migrations freeze one output of it; tests/integration/policy-sql-drift.test.ts fails
 * when the database holds another.
 */

/** How strong each state is: per structure and person, the strongest source states the mandate. */
export const MANDATE_RANK: Readonly<Record<StoredMandateState, number>> = { [MandateState.FULL]: 3, [MandateState.PENDING]: 2, [MandateState.ENDED]: 1 };

/** The state of a source: the first case whose condition holds, else `otherwise`. */
export interface MandateStateRule {
  cases: readonly { when: string; state: StoredMandateState }[];
  otherwise: StoredMandateState;
}

/** One source of mandates, as SQL over one row of its table (under its alias). */
export interface MandateSourceDeclaration {
  /** What it is: the comment of its branch. */
  description: string;
  table: string;
  alias: string;
  /** The column of the table naming the person: its triggers refresh these persons' mandates. */
  personColumn: string;
  /** The structure holding the mandate. */
  structure: string;
  /** Only the rows for which this holds are sources (none: every row). */
  where?: string;
  state: MandateStateRule;
  /** When the mandate began (timestamptz). */
  began: string;
  /** When it ended (timestamptz), null while it is not ENDED; the retention period runs from it. */
  ended: string;
  openedBy: MandateSource;
  /** The row that opened it (uuid), or null. */
  openedById: string;
}

const always = (state: StoredMandateState): MandateStateRule => ({ cases: [], otherwise: state });
const ACTIVE_REFERRAL = `r.status in ('ACCEPTED', 'IN_PROGRESS')`;

/** Every source of a mandate. Timestamps are what the retention rule reads; follow-up dates are midnight UTC. */
export const MANDATE_SOURCES: readonly MandateSourceDeclaration[] = [
  {
    description: 'The SPIP holding the file: full while it is open, ended once closed.',
    table: 'person',
    alias: 'p',
    personColumn: 'id',
    structure: 'p.spip_id',
    state: { cases: [{ when: `p.file_status = 'OPEN'`, state: MandateState.FULL }], otherwise: MandateState.ENDED },
    began: 'p.created_at',
    ended: `case when p.file_status = 'OPEN' then null else p.file_closed_at end`,
    openedBy: MandateSource.FILE,
    openedById: 'null::uuid',
  },
  {
    description: 'The SPIP that registered a person moved before transfers were recorded: ended, at the last contact.',
    table: 'person',
    alias: 'p',
    personColumn: 'id',
    structure: 'p.registered_by_id',
    where: `p.registered_by_id <> p.spip_id
    and not exists (select 1 from person_transfer t where t.person_id = p.id and t.status = 'ACCEPTED' and t.from_spip_id = p.registered_by_id)`,
    state: always(MandateState.ENDED),
    began: 'p.created_at',
    ended: 'coalesce(p.last_contact_at, p.updated_at)',
    openedBy: MandateSource.TRANSFER,
    openedById: 'null::uuid',
  },
  {
    description: "A transfer accepted: the former SPIP's mandate ends at the decision.",
    table: 'person_transfer',
    alias: 't',
    personColumn: 'person_id',
    structure: 't.from_spip_id',
    where: `t.status = 'ACCEPTED'`,
    state: always(MandateState.ENDED),
    began: 't.created_at',
    ended: 't.decided_at',
    openedBy: MandateSource.TRANSFER,
    openedById: 't.id',
  },
  {
    description: "A transfer pending or refused: the receiving SPIP's mandate is pending, then ended once refused.",
    table: 'person_transfer',
    alias: 't',
    personColumn: 'person_id',
    structure: 't.to_spip_id',
    where: `t.status in ('PENDING', 'REFUSED')`,
    state: { cases: [{ when: `t.status = 'PENDING'`, state: MandateState.PENDING }], otherwise: MandateState.ENDED },
    began: 't.created_at',
    ended: `case when t.status = 'PENDING' then null else t.decided_at end`,
    openedBy: MandateSource.TRANSFER,
    openedById: 't.id',
  },
  {
    description: 'A referral received: pending, full while accepted or in progress, ended once declined, completed or cancelled.',
    table: 'referral',
    alias: 'r',
    personColumn: 'person_id',
    structure: 'r.to_structure_id',
    state: {
      cases: [
        { when: `r.status = 'PENDING'`, state: MandateState.PENDING },
        { when: ACTIVE_REFERRAL, state: MandateState.FULL },
      ],
      otherwise: MandateState.ENDED,
    },
    began: `case when ${ACTIVE_REFERRAL} then coalesce(r.decided_at, r.created_at) else r.created_at end`,
    ended: `case when r.status in ('PENDING', 'ACCEPTED', 'IN_PROGRESS') then null else coalesce(r.closed_at, r.decided_at, r.updated_at) end`,
    openedBy: MandateSource.REFERRAL,
    openedById: 'r.id',
  },
  {
    description: 'A follow-up: full while open, ended once closed.',
    table: 'follow_up',
    alias: 'f',
    personColumn: 'person_id',
    structure: 'f.structure_id',
    state: { cases: [{ when: 'f.end_date is null', state: MandateState.FULL }], otherwise: MandateState.ENDED },
    began: `f.start_date::timestamp at time zone 'UTC'`,
    ended: `f.end_date::timestamp at time zone 'UTC'`,
    openedBy: MandateSource.FOLLOW_UP,
    openedById: 'f.id',
  },
];

/**
 * Which source states the mandate among a structure's sources on a person (SQL ORDER BY over
 * mandate_source's columns): the strongest; ended, the one that ended last (ended_at is then
 * the latest end); else the one that began first; then a fixed order.
 */
export const MANDATE_PRECEDENCE = 'rank desc, case when rank = 1 then ended_at end desc nulls last, began_at, opened_by, opened_by_id';

/** An ended mandate shows for this long after its end; open ones always. */
export const MANDATE_RETENTION = `interval '${RETENTION_YEARS} years'`;

/** The tables mandates are derived from, each with the column naming the person, in declaration order. */
export function mandateHistoryTables(): { table: string; personColumn: string }[] {
  const tables = new Map<string, string>();
  for (const source of MANDATE_SOURCES) {
    const known = tables.get(source.table);
    if (known !== undefined && known !== source.personColumn) {
      throw new Error(`mandate sources on ${source.table} name the person by ${known} and by ${source.personColumn}`);
    }
    tables.set(source.table, source.personColumn);
  }
  return [...tables].map(([table, personColumn]) => ({ table, personColumn }));
}

/** The rank of a source's state, as SQL (3 FULL, 2 PENDING, 1 ENDED). */
export function rankSql(rule: MandateStateRule): string {
  if (rule.cases.length === 0) return String(MANDATE_RANK[rule.otherwise]);
  const cases = rule.cases.map((c) => `when ${c.when} then ${MANDATE_RANK[c.state]}`).join(' ');
  return `case ${cases} else ${MANDATE_RANK[rule.otherwise]} end`;
}

/** The state of a rank, as SQL over an integer expression. */
export function stateOfRankSql(rank: string): string {
  const states = Object.entries(MANDATE_RANK).sort(([, a], [, b]) => b - a);
  const last = states.pop()!;
  return `case ${rank} ${states.map(([state, value]) => `when ${value} then '${state}'`).join(' ')} else '${last[0]}' end`;
}

/** One branch of mandate_source. */
function sourceBranch(source: MandateSourceDeclaration): string {
  return `  select ${source.structure} as structure_id, ${source.alias}.${source.personColumn} as person_id,
         ${rankSql(source.state)} as rank,
         ${source.began} as began_at,
         ${source.ended} as ended_at,
         '${source.openedBy}'::text as opened_by, ${source.openedById} as opened_by_id
  from ${source.table} ${source.alias}${source.where ? `\n  where ${source.where}` : ''}`;
}

/** The query of the view mandate_source: every source of a mandate, with its rank, its start and its end. */
export function mandateSourceSql(): string {
  return MANDATE_SOURCES.map(sourceBranch).join('\n  union all\n');
}

/** The query of the view mandate_history: per structure and person, the mandate its sources imply. */
export function mandateHistorySql(): string {
  return `  select distinct on (structure_id, person_id)
         structure_id, person_id,
         ${stateOfRankSql('rank')} as state,
         began_at as since, ended_at, opened_by, opened_by_id
  from mandate_source
  order by structure_id, person_id, ${MANDATE_PRECEDENCE}`;
}

/**
 * The mandates of one structure, rows (person_id, state) within the retention period, derived
 * from the whole history on every call by the declarations (not through the views nor the
 * table): the oracle the mandate table and its readers (mandate.repository.ts) are compared
 * with, in tests and benchmarks. `onlyPersons` adds a `= any(?::uuid[])` filter.
 */
export function mandatesFromHistorySql(structureId: string, onlyPersons?: readonly string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const branches = MANDATE_SOURCES.map((source) => {
    const rank = rankSql(source.state);
    params.push(structureId);
    const conditions = [`${source.structure} = ?`];
    if (source.where) conditions.push(`(${source.where})`);
    conditions.push(`(${rank} <> ${MANDATE_RANK[MandateState.ENDED]} or (${source.ended}) > now() - ${MANDATE_RETENTION})`);
    if (onlyPersons) {
      params.push(`{${onlyPersons.join(',')}}`);
      conditions.push(`${source.alias}.${source.personColumn} = any(?::uuid[])`);
    }
    return `select ${source.alias}.${source.personColumn} as person_id, ${rank} as rank from ${source.table} ${source.alias} where ${conditions.join(' and ')}`;
  });
  return {
    sql: `select person_id, ${stateOfRankSql('max(rank)')} as state from (${branches.join('\n      union all\n      ')}) ranked group by person_id`,
    params,
  };
}
