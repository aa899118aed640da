import { stringify } from 'csv-stringify/sync';
import { BadUserInputError } from '../shared/errors';
import { DIMENSIONS, GROUP_KEY } from './outcome.service';
import type { OutcomeDimension, OutcomeReportView } from './outcome.type';

/** The marker of a suppressed count in the CSV export. */
export const SUPPRESSED = 'S';

/**
 * CSV dialects: French spreadsheet software (the default) reads ";" and needs a UTF-8 byte
 * order mark to decode accents; "rfc4180" is the plain "," form for scripts.
 */
export const CSV_DIALECTS = {
  fr: { delimiter: ';', bom: true },
  rfc4180: { delimiter: ',', bom: false },
} as const;
export type CsvDialect = keyof typeof CSV_DIALECTS;

/**
 * The report as CSV: one column per group dimension, one per count; suppressed counts are
 * "S"; the years of the period not yet published are left out (the "years" column says
 * which were counted).
 */
export function toCsv(report: OutcomeReportView, dialect: CsvDialect = 'fr'): string {
  const published = report.years.filter((y) => y.publishedAt !== null).map((y) => y.year);
  const header = ['from', 'to', 'years', ...report.groupBy.map((d) => GROUP_KEY[d]), 'persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'];
  const lines = report.rows.map((row) => [
    report.from,
    report.to,
    published.join(' '),
    ...row.group.map((key) => key.slice(key.indexOf('=') + 1)),
    ...[row.persons, row.housedAtRelease, row.rightsOpened, row.inCare, row.employed].map((count) =>
      count.suppressed ? SUPPRESSED : String(count.value),
    ),
  ]);
  const { delimiter, bom } = CSV_DIALECTS[dialect];
  return stringify([header, ...lines].map((line) => line.map(neutralised)), { delimiter, bom, record_delimiter: 'windows' });
}

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
 * first: CSV injection, OWASP) starts with an apostrophe instead, and is shown as text.
 */
export function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function parseDialect(raw: unknown): CsvDialect {
  if (raw === undefined || raw === '') return 'fr';
  if (typeof raw === 'string' && raw in CSV_DIALECTS) return raw as CsvDialect;
  throw new BadUserInputError(`dialect must be one of ${Object.keys(CSV_DIALECTS).join(', ')}`, 'dialect');
}

export function parseGroupBy(raw: unknown): OutcomeDimension[] {
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string') throw new BadUserInputError('groupBy must be a comma-separated list', 'groupBy');
  return raw.split(',').map((name) => {
    const dimension = name.trim().toUpperCase() as OutcomeDimension;
    if (!DIMENSIONS.includes(dimension)) throw new BadUserInputError(`Unknown group dimension ${name}`, 'groupBy');
    return dimension;
  });
}
