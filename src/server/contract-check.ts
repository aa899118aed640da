import { BreakingChangeType, DangerousChangeType, buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

export interface ContractReport {
  /** Changes that break a type or field of the contract that the emitted schema serves. */
  breaks: string[];
  /** Contract types and fields the emitted schema does not serve (yet). */
  notServed: string[];
}

/** Absent from the emitted schema altogether: not a change to something served. */
const NOT_SERVED: readonly string[] = [BreakingChangeType.TYPE_REMOVED, BreakingChangeType.FIELD_REMOVED];

/**
 * Compares the emitted schema with the public contract (shared/spec/contract.graphql):
 * anything that exists in both must keep its shape, nullability, arguments, defaults
 * and enum values. Additions are free.
 */
export function checkContract(contractSdl: string, emittedSdl: string): ContractReport {
  const contract = buildSchema(contractSdl);
  const emitted = buildSchema(emittedSdl);
  const breaks: string[] = [];
  const notServed: string[] = [];
  for (const change of findBreakingChanges(contract, emitted)) {
    (NOT_SERVED.includes(change.type) ? notServed : breaks).push(change.description);
  }
  for (const change of findDangerousChanges(contract, emitted)) {
    if (change.type === DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE) breaks.push(change.description);
  }
  return { breaks, notServed };
}
