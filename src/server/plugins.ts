import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Kind } from 'graphql';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import { readsOf } from '../audit/audit.service';
import type { ReadAuditWriter } from '../audit/read-audit-writer';
import { AppError, ErrorCode } from '../shared/errors';
import type { RequestContext } from '../context/request-context';
import { isClientError, isDatabaseUnavailable } from './errors';

/**
 * Records the operation name for the audit log, logs every request once
 * (who, what, how long, which error codes), and logs unexpected errors in full
 * with the request id, since clients only see a masked message.
 */
export function requestLoggingPlugin(logger: Logger, metrics: Metrics | null = null): ApolloServerPlugin<RequestContext> {
  return {
    async contextCreationDidFail({ error }) {
      if (error instanceof AppError) {
        logger.debug({ code: error.code }, 'request refused before execution');
      } else {
        logger.error({ err: error }, 'context creation failed');
      }
    },
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      // For the metrics: labels from the schema (the operation's type and first root field), not from the client.
      let type = 'unknown';
      let field = 'unknown';
      return {
        async didResolveOperation({ request, operation, contextValue: ctx }) {
          ctx.operationName = request.operationName ?? operation?.name?.value ?? null;
          if (!operation) return;
          type = operation.operation;
          const first = operation.selectionSet.selections[0];
          if (first?.kind === Kind.FIELD) field = first.name.value;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (!error.originalError || isClientError(original)) {
              // The client's own mistake: its code and where, at info, no stack and no message (graphql-js
              // quotes the invalid value in it: variables may hold person data).
              contextValue.log.info({ code: error.extensions?.code, path: error.path, locations: error.locations }, 'client error');
              continue;
            }
            const level = isDatabaseUnavailable(original) ? 'warn' : 'error';
            contextValue.log[level]({ err: original, path: error.path }, 'resolver error');
          }
        },
        async willSendResponse({ response, contextValue: ctx }) {
          const body = response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          ctx.log.info(
            {
              operation: ctx.operationName,
              account: ctx.viewer.accountId,
              role: ctx.viewer.role,
              durationMs,
              errorCodes: errors.map((error) => error.extensions?.code),
            },
            'graphql request',
          );
          metrics?.graphqlRequest(type, field, errors.length > 0 ? String(errors[0].extensions?.code ?? 'UNKNOWN') : 'OK', durationMs / 1000);
        },
      };
    },
  };
}

/**
 * Writes the request's reads of person data to the audit log before the response leaves
 * (committed with the reads of concurrent requests: ReadAuditWriter). If that fails, the data
 * does not leave either.
 */
export function readAuditPlugin(writer: ReadAuditWriter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          try {
            await writer.write(readsOf(ctx));
          } catch (error) {
            const unavailable = isDatabaseUnavailable(error);
            ctx.log[unavailable ? 'warn' : 'error']({ err: error }, 'audit of reads failed: response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                {
                  message: unavailable ? 'The database is unavailable; retry in a moment' : 'The access could not be audited; nothing was returned',
                  extensions: { code: unavailable ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR },
                },
              ];
              if (unavailable) response.http.status = 503;
            }
          }
        },
      };
    },
  };
}

/** Errors in the request itself: a document that does not parse or validate, variables that do not coerce. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * Answers `cache-control: no-store`, as Apollo's cache-control plugin did for a schema
 * without cache hints, without its hook on every field: responses hold person data. A client
 * that accepts `application/json` only (not `application/graphql-response+json`) gets its
 * request errors with status 200, as GraphQL over HTTP says it should (the legacy media type);
 * others get 400.
 */
export function noStorePlugin(): ApolloServerPlugin<RequestContext> {
  const hooks = {
    async willSendResponse({ request, response }: {
      request: { http?: { headers: Map<string, string> } };
      response: { http: { headers: Map<string, string>; status?: number }; body: { kind: string; singleResult?: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] } } };
    }) {
      response.http.headers.set('cache-control', 'no-store');
      if (response.body.kind !== 'single') return;
      const single = response.body.singleResult ?? {};
      // Nothing answered because the database is away (a write cut in its transaction): 503, as
      // for a request refused before execution, so that load balancers and clients retry.
      const nothing = single.data === undefined || single.data === null || Object.values(single.data as object).every((value) => value === null);
      if (nothing && single.errors?.length && single.errors.every((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
        response.http.status = 503;
        response.http.headers.set('retry-after', '1');
        return;
      }
      if (response.http.status !== 400) return;
      const accept = request.http?.headers.get('accept') ?? '';
      if (!accept.includes('application/json') || accept.includes('application/graphql-response+json')) return;
      const { data, errors = [] } = response.body.singleResult ?? {};
      if (data === undefined && errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))) {
        response.http.status = 200;
      }
    },
  };
  return {
    async requestDidStart() {
      return hooks;
    },
  };
}
