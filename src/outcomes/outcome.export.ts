import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { authenticate } from '../auth/authenticate';
import type { TokenVerifier } from '../auth/tokens';
import { createRequestContext } from '../server/context';
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

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The report as CSV: one column per group dimension, one per count; suppressed counts are "S". */
export function toCsv(report: OutcomeReportView): string {
  const header = ['from', 'to', ...report.groupBy.map((d) => GROUP_KEY[d]), 'persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'];
  const lines = report.rows.map((row) => [
    report.from,
    report.to,
    ...row.group.map((key) => key.slice(key.indexOf('=') + 1)),
    ...[row.persons, row.housedAtRelease, row.rightsOpened, row.inCare, row.employed].map((count) =>
      count.suppressed ? SUPPRESSED : String(count.value),
    ),
  ]);
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
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
 * GET /exports/outcomes.csv?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=DEPARTEMENT,MEASURE with a
 * bearer token: the same report as programOutcomes, with the same suppression.
 */
export function outcomesCsvHandler(deps: { orm: MikroORM; verifier: TokenVerifier; logger: Logger }) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId);
    const log = deps.logger.child({ requestId });
    const em = deps.orm.em.fork({ loggerContext: { requestId } });
    try {
      const viewer = await authenticate(em, deps.verifier, req.header('authorization'));
      const ctx = createRequestContext(requestId, em, viewer, log);
      ctx.operationName = 'exportOutcomesCsv';
      const report = await outcomeService.report(ctx, String(req.query.from ?? ''), String(req.query.to ?? ''), parseGroupBy(req.query.groupBy));
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="outcomes-${report.from}-${report.to}.csv"`)
        .send(toCsv(report));
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
