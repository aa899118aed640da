import { GraphQLError } from 'graphql';

/** The stable error codes of the public contract (`extensions.code`). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** The challenge a 401 answers with (RFC 6750): a bearer token is what the API expects. */
export const BEARER_CHALLENGE = 'Bearer realm="passerelle"';

/** An error whose message and extensions are safe to show to any client. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    const headers = code === ErrorCode.UNAUTHENTICATED ? new Map([['www-authenticate', BEARER_CHALLENGE]]) : undefined;
    // `http` (status and headers, for Apollo) is never shown: formatError takes it out.
    const { http, ...shown } = extra as { http?: { headers?: Map<string, string> } };
    super(message, {
      extensions: { code, ...shown, ...(status ? { http: { status, ...(headers ? { headers } : {}), ...(http ?? {}) } } : {}) },
    });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required: send a valid bearer token') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'This operation is not allowed for your role') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found`);
  }
}

export class BadUserInputError extends AppError {
  constructor(
    message: string,
    readonly argumentName?: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is unavailable; retry in a moment') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
