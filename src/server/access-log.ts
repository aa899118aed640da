import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { type Options, pinoHttp } from 'pino-http';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * HTTP access logs (pino-http): one line per request with the server's request id, the method,
 * the path (never the query string: a GET query's variables may hold person data), the status
 * and the time taken; 5xx at error, 4xx and the rest at info; probes and scrapes not logged.
 */
export function accessLog(logger: Logger) {
  return pinoHttp({
    // pino-http types its logger with its own custom levels; ours has the standard ones.
    logger: logger as unknown as Options['logger'],
    genReqId: (_req, res) => String((res as Response).locals.requestId),
    autoLogging: { ignore: (req) => QUIET_PATHS.has(String((req as Request).originalUrl ?? req.url).split('?')[0]) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'http request',
    customErrorMessage: () => 'http request failed',
    serializers: {
      // originalUrl: under a mounted router (/graphql) Express rewrites url and path.
      req: (req: { method: string; raw?: Request; url?: string }) => ({ method: req.method, path: String(req.raw?.originalUrl ?? req.url ?? '').split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    quietReqLogger: true,
  });
}
