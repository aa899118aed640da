import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException } from '@mikro-orm/core';
import { type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from '../shared/errors';

/** Codes Apollo and graphql-js give to errors in the client's own request; their messages are safe. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True when an error means the database cannot be reached, as opposed to a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof candidate.code === 'string' && CONNECTION_ERROR_CODES.has(candidate.code)) return true;
    if (candidate.name === 'KnexTimeoutError' || candidate.name === 'ConnectionException') return true;
    // knex answers "Transaction query already complete" to a query on a transaction whose
    // connection died under it (it rolled the transaction back): the database went away.
    if (
      typeof candidate.message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|Timeout acquiring a connection|Transaction query already complete/i.test(candidate.message)
    ) {
      return true;
    }
    // A value thrown that is not an Error (a socket's raw error object) reaches GraphQL as
    // NonErrorThrown, holding it as thrownValue.
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause ??
      (current as { thrownValue?: unknown }).thrownValue ??
      (current instanceof DriverException ? (current as { previous?: unknown }).previous : undefined);
  }
  return false;
}

/**
 * Whether an error is the client's own mistake (a contract error, an invalid argument, a
 * document that does not parse or validate): logged at info without a stack, never at error.
 */
export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof ArgumentValidationError) return true;
  const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code) && !isDatabaseUnavailable(original);
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions as Record<string, unknown>;
  return { ...formatted, extensions };
}

/**
 * What a client may see of an error: the contract's errors as they are, the client's
 * own request errors, and nothing else (no stack trace, no SQL, no internal message).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return withoutStacktrace(formatted);
  if (original instanceof ArgumentValidationError) {
    const invalid = original.extensions.validationErrors ?? [];
    const names = invalid.map((entry) => entry.property);
    return {
      message: `Invalid argument: ${invalid.flatMap((entry) => Object.values(entry.constraints ?? {})).join('; ') || names.join(', ')}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        argumentName: names[0],
        invalidArguments: names,
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code) && !isDatabaseUnavailable(original)) {
    return withoutStacktrace(formatted);
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: 'The database is unavailable; retry in a moment',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
