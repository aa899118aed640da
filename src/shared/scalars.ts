import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/** `YYYY-MM-DD` of a Date, read in UTC as graphql-scalars parses calendar dates at UTC midnight. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * The contract's `Date`: graphql-scalars' validation, with calendar dates kept as
 * `YYYY-MM-DD` strings on the server side, as PostgreSQL `date` columns hold them.
 */
export const DateScalar = new GraphQLScalarType<string | null, string>({
  ...DateResolver.toConfig(),
  parseValue: (value) => {
    const parsed = DateResolver.parseValue(value);
    return parsed ? toIsoDate(parsed) : null;
  },
  parseLiteral: (ast, variables) => {
    const parsed = DateResolver.parseLiteral(ast, variables);
    return parsed ? toIsoDate(parsed) : null;
  },
});

/** The contract's `DateTime` (RFC 3339, serialised in UTC). */
export const DateTimeScalar = DateTimeResolver;
