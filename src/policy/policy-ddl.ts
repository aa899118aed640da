import { type PolicyObject, mandateObjects } from './mandate-ddl';
import { mandateHistoryTables } from './mandate-rule';

export type { PolicyObject } from './mandate-ddl';

/**
 * The policy's objects in the database (views, functions, triggers), as the policy generates
 * them now. Migrations hold them as literal text: `npm run policy:snapshot -- <Name>` writes a
 * migration that replaces them with this output, and tests/integration/policy-sql-drift.test.ts
 * fails when the migrated database differs from it.
 */
export function policyObjects(): PolicyObject[] {
  return mandateObjects();
}

/**
 * Names the policy's objects in the database start with: an object of the database with such a
 * name that the policy no longer generates is drift too.
 */
export const POLICY_OBJECT_PREFIXES: readonly string[] = ['mandate'];

/**
 * What a snapshot runs once the objects are replaced: every person's mandates recomputed by the
 * rule as now generated (rows that do not change are not written), the history's tables locked
 * so that no write slips between.
 */
export function policySnapshotEpilogue(): string[] {
  const tables = mandateHistoryTables().map(({ table }) => table);
  return [`lock table ${tables.join(', ')} in share mode;`, `select mandate_refresh(array(select id from person order by id));`];
}
