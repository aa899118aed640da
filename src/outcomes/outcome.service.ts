import { auditAggregateRead } from '../audit/audit.service';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../shared/errors';
import { type Measure, MEASURES, type ProtectedCell, projectYears } from './disclosure';
import { OutcomePublication, OutcomePublishedCell } from './outcome-publication.entity';
import { groupingOf, publicationDate } from './outcome-publication.service';
import { OutcomeDimension, type OutcomeReportView, type OutcomeRowView, type OutcomeYearView } from './outcome.type';

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
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** Tables by one or two dimensions: finer ones would be mostly suppressed, and cost more to protect. */
export const MAX_GROUP_DIMENSIONS = 2;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Stored columns of the published counts, by measure. */
const STORED: Record<Measure, keyof OutcomePublishedCell> = {
  persons: 'persons',
  housedAtRelease: 'housedAtRelease',
  rightsOpened: 'rightsOpened',
  inCare: 'inCare',
  employed: 'employed',
};

function checkedDate(value: string, argument: string): string {
  if (!DATE.test(value)) throw new BadUserInputError(`${argument} must be a date (YYYY-MM-DD)`, argument);
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new BadUserInputError(`${argument} must fall between ${FIRST_YEAR} and ${LAST_YEAR}`, argument);
  return value;
}

/**
 * Program outcomes for evaluators: the published years only (outcome-publication.service.ts),
 * each protected once when it was published (disclosure.ts), never a person.
 */
export class OutcomeService {
  /** The outcomes of the published years covering [from, to], grouped by the dimensions asked. */
  async report(
    ctx: RequestContext,
    from: string,
    to: string,
    groupBy: readonly OutcomeDimension[] | null | undefined,
  ): Promise<OutcomeReportView> {
    assertAllowed(ctx.viewer, Permission.OUTCOMES_READ);
    checkedDate(from, 'from');
    checkedDate(to, 'to');
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
    const years = Array.from({ length: lastYear - firstYear + 1 }, (_, k) => firstYear + k);

    const publications = await ctx.em.find(OutcomePublication, { year: { $in: years } });
    const publishedAt = new Map(publications.map((p) => [p.year, p.publishedAt]));
    const grouping = groupingOf(dimensions.map((d) => DIMENSIONS.indexOf(d)));
    const cells = await ctx.em.find(OutcomePublishedCell, { year: { $in: [...publishedAt.keys()] }, grouping }, { disableIdentityMap: true });
    const byYear = new Map<number, Map<string, ProtectedCell>>();
    for (const cell of cells) {
      if (!byYear.has(cell.year)) byYear.set(cell.year, new Map());
      const coords = [cell.departement, cell.measure, cell.kinds, cell.action];
      const suppressed = new Set(MEASURES.filter((m) => cell[STORED[m]] === null));
      const counts = Object.fromEntries(MEASURES.map((m) => [m, (cell[STORED[m]] as number | null) ?? 0])) as unknown as ProtectedCell['counts'];
      byYear.get(cell.year)!.set(coords.join('\u0001'), { coords, counts, suppressed });
    }
    const grouped = dimensions.map((d) => DIMENSIONS.indexOf(d));
    const released = projectYears([...byYear.values()], grouped, DIMENSIONS.length);
    const periodFrom = `${firstYear}-01-01`;
    const periodTo = `${lastYear}-12-31`;
    // An aggregate read of person data is audited too: no person, the domains it draws on.
    await auditAggregateRead(ctx, {
      domains: [DataDomain.HEALTH_SUMMARY, DataDomain.HOUSING, DataDomain.JUDICIAL, DataDomain.SOCIAL],
      action: 'programOutcomes',
      detail: { from: periodFrom, to: periodTo, groupBy: dimensions.join(','), years: [...publishedAt.keys()].sort().join(',') },
    });
    return {
      from: periodFrom,
      to: periodTo,
      groupBy: dimensions,
      years: years.map(
        (year): OutcomeYearView => ({ year, publishedAt: publishedAt.get(year) ?? null, publicationDate: publicationDate(year, ctx.settings.outcomePublicationDay) }),
      ),
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
}

export const outcomeService = new OutcomeService();
