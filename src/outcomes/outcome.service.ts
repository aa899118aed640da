import { Account } from '../accounts/account.entity';
import { AuditEntry, AuditKind } from '../audit/audit-entry.entity';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../server/context';
import { BadUserInputError } from '../shared/errors';
import { Structure } from '../structures/structure.entity';
import { ALL, type CubeCell, type Measure, type ProtectedCell, projectYears, protectCube } from './disclosure';
import { OUTCOME_CUBE_SQL, REFRESH_STALE_FACTS_SQL, type OutcomeCubeRow } from './outcome.sql';
import { OutcomeDimension, type OutcomeReportView, type OutcomeRowView } from './outcome.type';

/** The dimensions in cube order, and their keys in OutcomeRow.group. */
export const DIMENSIONS: readonly OutcomeDimension[] = [
  OutcomeDimension.DEPARTEMENT,
  OutcomeDimension.MEASURE,
  OutcomeDimension.STRUCTURE_KIND,
  OutcomeDimension.ACTION,
];
export const GROUP_KEY: Record<OutcomeDimension, string> = {
  [OutcomeDimension.DEPARTEMENT]: 'departement',
  [OutcomeDimension.MEASURE]: 'measure',
  [OutcomeDimension.STRUCTURE_KIND]: 'structureKind',
  [OutcomeDimension.ACTION]: 'action',
};

const MAX_YEARS = 10;
/** Advisory lock key of the facts refresh ("OUTC"). */
const OUTCOME_LOCK = 0x4f555443;
/** Tables by one or two dimensions: finer ones would be mostly suppressed, and cost more to protect. */
export const MAX_GROUP_DIMENSIONS = 2;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function cubeCell(row: OutcomeCubeRow): CubeCell {
  const values = [row.departement, row.measure, row.kinds, row.action];
  // GROUPING(departement, measure, kinds, action): bit 3 is departement, bit 0 is action.
  const coords = values.map((value, index) => ((row.margins >> (3 - index)) & 1 ? ALL : String(value)));
  return {
    coords,
    counts: {
      persons: row.persons,
      housedAtRelease: row.housed_at_release,
      rightsOpened: row.rights_opened,
      inCare: row.in_care,
      employed: row.employed,
    },
  };
}

/**
 * Program outcomes for evaluators: computed from person-level data (outcome.sql.ts),
 * per whole calendar year, protected by primary and complementary suppression
 * (disclosure.ts), never a person.
 */
export class OutcomeService {
  /** The outcomes of the years covering [from, to], grouped by the dimensions asked. */
  async report(ctx: RequestContext, from: string, to: string, groupBy: readonly OutcomeDimension[] | null | undefined): Promise<OutcomeReportView> {
    assertAllowed(ctx.viewer, Permission.OUTCOMES_READ);
    if (!DATE.test(from)) throw new BadUserInputError('from must be a date (YYYY-MM-DD)', 'from');
    if (!DATE.test(to)) throw new BadUserInputError('to must be a date (YYYY-MM-DD)', 'to');
    if (to < from) throw new BadUserInputError('to must not be before from', 'to');
    const tenYearsAfter = `${Number(from.slice(0, 4)) + MAX_YEARS}${from.slice(4)}`;
    if (to > tenYearsAfter) throw new BadUserInputError(`The period may not exceed ${MAX_YEARS} years`, 'to');
    const dimensions = [...new Set(groupBy ?? [])];
    for (const dimension of dimensions) {
      if (!DIMENSIONS.includes(dimension)) throw new BadUserInputError(`Unknown group dimension ${dimension}`, 'groupBy');
    }
    if (dimensions.length > MAX_GROUP_DIMENSIONS) {
      throw new BadUserInputError(`groupBy takes at most ${MAX_GROUP_DIMENSIONS} dimensions`, 'groupBy');
    }
    const firstYear = Number(from.slice(0, 4));
    const lastYear = Number(to.slice(0, 4));
    const periodFrom = `${firstYear}-01-01`;
    const periodTo = `${lastYear}-12-31`;

    const rows = await this.cubeRows(ctx, periodFrom, periodTo);
    const byYear = new Map<number, CubeCell[]>();
    for (const row of rows) {
      if (!byYear.has(row.year)) byYear.set(row.year, []);
      byYear.get(row.year)!.push(cubeCell(row));
    }
    const cubes: Map<string, ProtectedCell>[] = [...byYear.values()].map(protectCube);
    const grouped = dimensions.map((d) => DIMENSIONS.indexOf(d));
    const released = projectYears(cubes, grouped, DIMENSIONS.length);
    await this.audit(ctx, { from: periodFrom, to: periodTo, groupBy: dimensions.join(',') });
    return {
      from: periodFrom,
      to: periodTo,
      groupBy: dimensions,
      rows: released
        .map((row): OutcomeRowView => {
          const count = (measure: Measure) => row.counts[measure];
          return {
            group: dimensions.map((d) => `${GROUP_KEY[d]}=${row.coords[DIMENSIONS.indexOf(d)]}`),
            persons: count('persons'),
            housedAtRelease: count('housedAtRelease'),
            rightsOpened: count('rightsOpened'),
            inCare: count('inCare'),
            employed: count('employed'),
          };
        })
        .sort((a, b) => a.group.join('|').localeCompare(b.group.join('|'))),
    };
  }

  /**
   * Brings the facts up to date (persons marked stale by the writes since) and reads the
   * cube rows, in one transaction serialised by an advisory lock, so that two evaluators
   * never recompute the same persons at once.
   */
  private cubeRows(ctx: RequestContext, from: string, to: string): Promise<OutcomeCubeRow[]> {
    return ctx.em.transactional(async (em) => {
      const connection = em.getConnection();
      const transaction = em.getTransactionContext();
      await connection.execute(`select pg_advisory_xact_lock(${OUTCOME_LOCK})`, [], 'all', transaction);
      await connection.execute(REFRESH_STALE_FACTS_SQL, [], 'run', transaction);
      return connection.execute<OutcomeCubeRow[]>(OUTCOME_CUBE_SQL, [from, to], 'all', transaction);
    });
  }

  /** An aggregate read of person data is audited too: no person, the domains it draws on. */
  private async audit(ctx: RequestContext, detail: Record<string, string>): Promise<void> {
    const em = ctx.em.fork();
    const entry = new AuditEntry(
      {
        account: em.getReference(Account, ctx.viewer.accountId),
        structure: em.getReference(Structure, ctx.viewer.structureId),
        role: ctx.viewer.role,
        client: ctx.viewer.clientKind,
      },
      AuditKind.READ,
      ctx.requestId,
    );
    entry.operation = ctx.operationName;
    entry.domains = [DataDomain.HEALTH_SUMMARY, DataDomain.HOUSING, DataDomain.JUDICIAL, DataDomain.SOCIAL];
    entry.detail = { action: 'programOutcomes', ...detail };
    await em.persistAndFlush(entry);
  }
}

export const outcomeService = new OutcomeService();
