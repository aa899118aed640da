import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { formatError, isClientError, isDatabaseUnavailable } from '../../src/server/errors';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../src/shared/errors';

function format(error: Error): GraphQLFormattedError {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['field'] });
  return formatError(wrapped.toJSON(), wrapped);
}

describe('formatError', () => {
  it('shows the contract errors as they are', () => {
    expect(format(new ForbiddenError()).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(format(new NotFoundError('Referral')).message).toBe('Referral not found');
    expect(format(new BadUserInputError('bad id', 'id')).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(format(new ConflictError('stale', { currentVersion: 3 })).extensions).toEqual({ code: 'CONFLICT', currentVersion: 3 });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR: no message, no SQL, no stack', () => {
    const leaked = new Error('insert into "person_identity" ("first_name") values ($1) - duplicate key');
    const formatted = format(leaked);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('says SERVICE_UNAVAILABLE when the database cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(format(refused)).toMatchObject({ message: 'The database is unavailable; retry in a moment', extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('turns argument validation into BAD_USER_INPUT naming the argument', () => {
    const invalid = new ArgumentValidationError([
      { property: 'departement', constraints: { matches: 'departement must be an INSEE département code' }, children: [] },
    ]);
    expect(format(invalid)).toMatchObject({
      message: 'Invalid argument: departement must be an INSEE département code',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'departement' },
    });
  });
});

describe('isDatabaseUnavailable', () => {
  it.each([
    [Object.assign(new Error('x'), { code: 'ECONNRESET' }), true],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
    [Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }), true],
    [new Error('x', { cause: new Error('Connection terminated unexpectedly') }), true],
    [new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'), true],
    // A socket's raw error object thrown as is reaches GraphQL as NonErrorThrown, holding it.
    [Object.assign(new Error('Unexpected error value: { code: "ECONNRESET" }'), { name: 'NonErrorThrown', thrownValue: { errno: -104, code: 'ECONNRESET', syscall: 'read' } }), true],
    [Object.assign(new Error('duplicate key value'), { code: '23505' }), false],
    [new TypeError('cannot read properties of undefined'), false],
  ])('%p → %p', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

describe('isClientError: what is logged at info, not at error', () => {
  it('is true for the contract errors, invalid arguments and documents that do not parse or validate', () => {
    expect(isClientError(new ForbiddenError())).toBe(true);
    expect(isClientError(new ArgumentValidationError([]))).toBe(true);
    expect(isClientError(new GraphQLError('Cannot query field "x"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))).toBe(true);
    expect(isClientError(new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }))).toBe(true);
  });

  it('is false for a bug or a database outage', () => {
    expect(isClientError(new Error('boom'))).toBe(false);
    expect(isClientError(new GraphQLError('wrapped', { originalError: Object.assign(new Error('down'), { code: 'ECONNREFUSED' }), extensions: { code: 'BAD_USER_INPUT' } }))).toBe(false);
  });
});
