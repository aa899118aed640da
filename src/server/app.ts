import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express, { type Request, type Response, type NextFunction } from 'express';
import type { Logger } from 'pino';
import { ReadAuditWriter } from '../audit/read-audit-writer';
import { authenticate } from '../auth/authenticate';
import { PlatformKey } from '../auth/platform-key';
import { installPersonWriteGuard } from '../policy/person-write-guard';
import { TokenVerifier } from '../auth/tokens';
import type { AppConfig } from '../config/env';
import { ErrorCode, ServiceUnavailableError } from '../shared/errors';
import { SubjectAccessService } from '../exchange/subject-access.service';
import type { RequestContext, RequestSettings } from '../context/request-context';
import { formatError, isDatabaseUnavailable } from './errors';
import { liveness, readiness } from './health';
import { directoryExportHandler, outcomesCsvHandler, subjectAccessHandler } from './http-exports';
import { personImportHandler } from './http-imports';
import { noStorePlugin, readAuditPlugin, requestLoggingPlugin } from './plugins';
import { contextFor } from './request-context';
import { Metrics } from './metrics';
import { accessLog } from './access-log';
import { RateLimits } from './rate-limits';
import { useCursorSecret } from '../shared/pagination';
import { compiledExecution } from './compiled-execution';
import { ideRouter } from './ide';
import { oauthRouter } from './oauth';
import { loadManifest, manifestStore, persistedOperationsPlugin } from './persisted-operations';
import { buildAppSchema } from './schema';
import { annotateRequestSpan } from '../observability/request-span';

export interface AppDeps {
  config: AppConfig;
  orm: MikroORM;
  logger: Logger;
}

export interface PasserelleServer {
  httpServer: http.Server;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** From now on /readyz answers 503 (the node leaves the load balancer); requests are still served. */
  beginDrain(): void;
  /** Stops accepting requests and waits for the ones in flight. */
  stop(): Promise<void>;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The client's own id for the request (`x-correlation-id`, or the `x-request-id` it sent), when
 * well formed: kept beside the server's request id, in the logs and echoed back, never as the id
 * the audit log records (a client could otherwise give two requests one id).
 */
function correlationIdOf(req: Request): string | null {
  const given = req.header('x-correlation-id') ?? req.header('x-request-id');
  return given && CORRELATION_ID.test(given) ? given : null;
}

/** The HTTP application: /graphql (Apollo), /healthz and /readyz. */
export async function createServer({ config, orm, logger }: AppDeps): Promise<PasserelleServer> {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, the client's address (the token endpoint's rate limit) comes from
  // X-Forwarded-For as far as TRUST_PROXY says (express's setting); by default, from the socket.
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  // Answers are person data sent with no-store, to POSTs: an ETag (a SHA-1 of every body) serves no cache.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const platformKey = config.platformKey ? await PlatformKey.load(config.platformKey) : null;
  if (!platformKey) logger.warn('PLATFORM_SIGNING_KEY is not set: machine clients get no token (the OAuth endpoints are off)');
  const verifier = new TokenVerifier(config.jwt, platformKey);
  useCursorSecret(config.cursorSecret);
  const settings: RequestSettings = { outcomePublicationDay: config.outcomes.publicationDay, production: config.nodeEnv === 'production' };

  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth },
    costLimit: { maxCost: config.limits.maxCost },
    maxAliases: { n: config.limits.maxAliases },
    // Counted by graphql-js's own parser (parseOptions below): a document over the limit is a
    // parse error, 400 GRAPHQL_PARSE_FAILED, not an exception thrown from a plugin.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.nodeEnv === 'production' },
  });
  const protection = armor.protect();

  // Requests write about persons only through the policy's door (src/policy/person-write.ts).
  installPersonWriteGuard(orm.em);
  const metrics = new Metrics(orm, logger);
  const rateLimits = new RateLimits(orm, config.rateLimits);
  const schema = await buildAppSchema();
  // One writer of the reads for /graphql and the exports, so that their rows commit together.
  const readAudit = new ReadAuditWriter(orm.em.fork({ loggerContext: { label: 'read-audit' } }));
  const subjectAccess = { service: new SubjectAccessService(schema), readAudit };
  // The SDK's documented operations, sendable by hash alone; with PERSISTED_OPERATIONS=machines the only ones partner systems may run.
  const manifest = loadManifest();
  const apollo = new ApolloServer<RequestContext>({
    ...(config.executor === 'graphql-js' ? { schema } : { gateway: compiledExecution(schema, { plannedReads: config.plannedReads }) }),
    introspection: config.introspection,
    // With introspection off, error messages tell no name the schema has either ("Did you mean
    // ...?" on a mistyped enum value or field); graphql-armor blocks field suggestions in production.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    parseOptions: { maxTokens: config.limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    // Tokens travel in the Authorization header only, never in cookies: a request a page could
    // forge carries none. A request with the header needs a CORS preflight, so it passes (GET included).
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    persistedQueries: { cache: manifestStore(manifest) },
    // main.ts owns the signals and stops the server, then the ORM, then the database, in that order.
    stopOnTerminationSignals: false,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint: the default plugin would time every field to answer no-store.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      ...(config.persistedOperations === 'machines' ? [persistedOperationsPlugin(manifest)] : []),
      readAuditPlugin(readAudit),
      requestLoggingPlugin(logger, metrics),
    ],
  });
  await apollo.start();

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    const correlationId = correlationIdOf(req);
    res.locals.requestId = requestId;
    res.locals.correlationId = correlationId;
    // On the request's trace (when traced), the id the logs and the audit log know it by.
    annotateRequestSpan(req, { 'passerelle.request_id': requestId });
    res.setHeader('x-request-id', requestId);
    if (correlationId) res.setHeader('x-correlation-id', correlationId);
    next();
  });
  app.use(metrics.httpMiddleware());
  app.use(accessLog(logger));
  // Partner frontends on their own origins (CORS_ORIGINS): preflights answered 204 with the
  // allowed origin; any other origin gets no CORS header (the browser then withholds the answer).
  // Tokens travel in the Authorization header, never in cookies: no credentials mode. Apollo's
  // CSRF prevention still refuses simple requests that a page could send without a preflight.
  const allowedOrigins = new Set(config.corsOrigins);
  app.use(
    cors({
      origin: (origin, done) => done(null, origin !== undefined && allowedOrigins.has(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'x-correlation-id', 'apollo-require-preflight'],
      exposedHeaders: ['x-request-id', 'x-correlation-id', 'retry-after'],
      maxAge: 600,
    }),
  );
  // A preflight from any other origin is answered the same way, without a CORS header.
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'OPTIONS' ? res.status(204).end() : next()));
  // In production the metrics need their token: without one, the path is off.
  if (config.metricsToken || config.nodeEnv !== 'production') app.get('/metrics', metrics.handler(config.metricsToken));
  app.get('/healthz', liveness);
  let draining = false;
  app.get('/readyz', readiness(orm, () => draining));
  app.get('/exports/outcomes.csv', outcomesCsvHandler({ orm, verifier, logger, settings, rateLimits }));
  app.get('/exports/persons/:id/record.json', subjectAccessHandler({ orm, verifier, logger, settings, rateLimits }, subjectAccess, 'json'));
  app.get('/exports/persons/:id/record.pdf', subjectAccessHandler({ orm, verifier, logger, settings, rateLimits }, subjectAccess, 'pdf'));
  app.get('/directory/data-inclusion/structures', directoryExportHandler({ orm, verifier, logger, settings, rateLimits }, 'structures'));
  app.get('/directory/data-inclusion/services', directoryExportHandler({ orm, verifier, logger, settings, rateLimits }, 'services'));
  app.post('/imports/persons', personImportHandler({ orm, verifier, logger, settings, rateLimits }));
  if (platformKey) app.use(oauthRouter({ orm, key: platformKey, logger, rateLimits }));
  // The GraphQL IDE, development only (IDE; src/server/ide.ts): /ide, and GET /graphql when a browser opens it.
  if (config.ide) {
    const ide = ideRouter();
    if (ide) app.use(ide);
    else logger.warn('IDE is on but ruru, a devDependency, is not installed: no GraphQL IDE (IDE=off silences this)');
  }
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const requestId = String(res.locals.requestId);
        const em = orm.em.fork({ loggerContext: { requestId } });
        const log = logger.child({ requestId, ...(res.locals.correlationId ? { correlationId: res.locals.correlationId } : {}) });
        try {
          const viewer = await authenticate(em, verifier, req.header('authorization'));
          await rateLimits.account(viewer.accountId);
          return contextFor(requestId, em, viewer, log, settings);
        } catch (error) {
          if (isDatabaseUnavailable(error)) {
            log.warn({ err: error }, 'database unavailable while authenticating');
            throw new ServiceUnavailableError();
          }
          throw error;
        }
      },
    }),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  // Malformed bodies and anything else thrown outside GraphQL: a JSON error, never a stack trace.
  app.use((error: { status?: number; statusCode?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, requestId: res.locals.requestId }, 'http error');
    res.status(status).json({
      errors: [
        status < 500
          ? { message: 'Malformed request: the body must be a JSON GraphQL request', extensions: { code: 'BAD_REQUEST' } }
          : { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
      ],
    });
  });

  return {
    httpServer,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    beginDrain: () => {
      draining = true;
    },
    stop: () => {
      draining = true;
      return apollo.stop();
    },
  };
}
