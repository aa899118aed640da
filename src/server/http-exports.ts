import type { Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { readsOf } from '../audit/audit.service';
import type { ReadAuditWriter } from '../audit/read-audit-writer';
import { authenticate } from '../auth/authenticate';
import type { TokenVerifier } from '../auth/tokens';
import type { RequestContext, RequestSettings } from '../context/request-context';
import { directoryExport } from '../directory/directory-export';
import { parseDialect, parseGroupBy, toCsv } from '../outcomes/outcome.export';
import { outcomeService } from '../outcomes/outcome.service';
import { AppError, BEARER_CHALLENGE, ErrorCode } from '../shared/errors';
import { EXPORT_PERSON_RECORD, type SubjectAccessService } from '../exchange/subject-access.service';
import type { SubjectAccessFormat } from '../exchange/subject-access.type';
import { isDatabaseUnavailable } from './errors';
import { contextFor } from './request-context';
import { ENDPOINT_WEIGHTS, type RateLimits } from './rate-limits';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

export interface HandlerDeps {
  orm: MikroORM;
  verifier: TokenVerifier;
  logger: Logger;
  settings: RequestSettings;
  rateLimits?: RateLimits;
}

/**
 * An HTTP endpoint outside GraphQL with a bearer token: the same authentication and request
 * context as /graphql, errors answered with their code and an HTTP status, never a stack trace.
 */
export function authenticatedHandler(deps: HandlerDeps, operation: string, work: (ctx: RequestContext, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId);
    const log = deps.logger.child({ requestId, ...(res.locals.correlationId ? { correlationId: res.locals.correlationId } : {}) });
    const em = deps.orm.em.fork({ loggerContext: { requestId } });
    try {
      const viewer = await authenticate(em, deps.verifier, req.header('authorization'));
      await deps.rateLimits?.account(viewer.accountId, ENDPOINT_WEIGHTS[operation] ?? 1);
      const ctx = contextFor(requestId, em, viewer, log, deps.settings);
      ctx.operationName = operation;
      await work(ctx, req, res);
    } catch (error) {
      if (error instanceof AppError) {
        const { http, ...extensions } = error.extensions as { http?: { headers?: Map<string, string> } };
        if (error.code === ErrorCode.UNAUTHENTICATED) res.setHeader('www-authenticate', BEARER_CHALLENGE);
        for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
        res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions }] });
      } else if (isDatabaseUnavailable(error)) {
        res.status(503).json({ errors: [{ message: 'The database is unavailable; retry in a moment', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
      } else {
        log.error({ err: error }, `${operation} failed`);
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
    }
  };
}

/**
 * GET /exports/outcomes.csv?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=DEPARTEMENT,MEASURE[&dialect=rfc4180]
 * with a bearer token: the same report as programOutcomes, with the same suppression.
 */
export function outcomesCsvHandler(deps: HandlerDeps) {
  return authenticatedHandler(deps, 'exportOutcomesCsv', async (ctx, req, res) => {
    const dialect = parseDialect(req.query.dialect);
    const report = await outcomeService.report(ctx, String(req.query.from ?? ''), String(req.query.to ?? ''), parseGroupBy(req.query.groupBy));
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="outcomes-${report.from}-${report.to}.csv"`)
      .send(toCsv(report, dialect));
  });
}

/** GET /directory/data-inclusion/structures and /services (bearer token): the directory in data·inclusion v1. */
export function directoryExportHandler(deps: HandlerDeps, what: 'structures' | 'services') {
  return authenticatedHandler(deps, `exportDataInclusion${what === 'structures' ? 'Structures' : 'Services'}`, async (ctx, _req, res) => {
    const records = what === 'structures' ? await directoryExport.structures(ctx) : await directoryExport.services(ctx);
    res.status(200).json(records);
  });
}

const SUBJECT_ACCESS_TYPES: Record<SubjectAccessFormat, string> = {
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * GET /exports/persons/{id}/record.json and /record.pdf (bearer token): a person's subject-access
 * export, everything the asking structure reads about the person and who accessed the record.
 * The export's audit entry and the request's reads are committed before a byte leaves; never
 * stored by a cache; named by the pseudonym. An unknown id and a person outside the mandate get
 * the same 404, a malformed id 400 BAD_USER_INPUT, evaluators and administrators 403.
 */
export function subjectAccessHandler(deps: HandlerDeps, exports: { service: SubjectAccessService; readAudit: ReadAuditWriter }, format: SubjectAccessFormat) {
  const handler = authenticatedHandler(deps, EXPORT_PERSON_RECORD, async (ctx, req, res) => {
    const { body, fileName } = await exports.service.export(ctx, String(req.params.id), format);
    await exports.readAudit.write(readsOf(ctx));
    res.status(200).type(SUBJECT_ACCESS_TYPES[format]).setHeader('content-disposition', `attachment; filename="${fileName}"`).send(body);
  });
  return (req: Request, res: Response): Promise<void> => {
    res.setHeader('cache-control', 'no-store');
    return handler(req, res);
  };
}
