import { BadUserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs: anything else is a malformed argument, rejected before any query. */
export function parseId(value: string, argumentName: string): string {
  if (!isUuid(value)) {
    throw new BadUserInputError(`${argumentName} must be an ID returned by this API (a UUID)`, argumentName);
  }
  return value.toLowerCase();
}
