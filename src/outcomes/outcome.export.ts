import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate';
import type { TokenVerifier } from '../auth/tokens';
import { createRequestContext, type RequestSettings } from '../server/context';
import { isDatabaseUnavailable } from '../server/errors';
import { AppError, BadUserInputError, ErrorCode } from '../shared/errors';
import { DIMENSIONS, GROUP_KEY, outcomeService } from './outcome.service';
import type { OutcomeDimension, OutcomeReportView } from './outcome.type';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

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
  return stringify([header, ...lines], { delimiter, bom, record_delimiter: 'windows' });
}

function parseDialect(raw: unknown): CsvDialect {
  if (raw === undefined || raw === '') return 'fr';
  if (typeof raw === 'string' && raw in CSV_DIALECTS) return raw as CsvDialect;
  throw new BadUserInputError(`dialect must be one of ${Object.keys(CSV_DIALECTS).join(', ')}`, 'dialect');
}

function parseGroupBy(raw: unknown): OutcomeDimension[] {
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string') throw new BadUserInputError('groupBy must be a comma-separated list', 'groupBy');
  return raw.split(',').map((name) => {
    const dimension = name.trim().toUpperCase() as OutcomeDimension;
    if (!DIMENSIONS.includes(dimension)) throw new BadUserInputError(`Unknown group dimension ${name}`, 'groupBy');
    return dimension;
  });
}

/**
 * GET /exports/outcomes.csv?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=DEPARTEMENT,MEASURE[&dialect=rfc4180]
 * with a bearer token: the same report as programOutcomes, with the same suppression.
 */
export function outcomesCsvHandler(deps: { orm: MikroORM; verifier: TokenVerifier; logger: Logger; settings: RequestSettings }) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId);
    const log = deps.logger.child({ requestId });
    const em = deps.orm.em.fork({ loggerContext: { requestId } });
    try {
      const viewer = await authenticate(em, deps.verifier, req.header('authorization'));
      const ctx = createRequestContext(requestId, em, viewer, log, deps.settings);
      ctx.operationName = 'exportOutcomesCsv';
      const dialect = parseDialect(req.query.dialect);
      const report = await outcomeService.report(ctx, String(req.query.from ?? ''), String(req.query.to ?? ''), parseGroupBy(req.query.groupBy));
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="outcomes-${report.from}-${report.to}.csv"`)
        .send(toCsv(report, dialect));
    } catch (error) {
      if (error instanceof AppError) {
        res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
      } else if (isDatabaseUnavailable(error)) {
        res.status(503).json({ errors: [{ message: 'The database is unavailable; retry in a moment', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
      } else {
        log.error({ err: error }, 'outcomes export failed');
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
    }
  };
}
