import { DeadlockException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../server/context';
import { ConflictError } from './errors';

/**
 * Runs a write and its audit entry in one transaction. Two partners editing the same
 * row at once: the second commit finds the version moved and gets CONFLICT.
 */
export async function inTransaction<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional((em) => work(em as EntityManager));
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw new ConflictError('The record was changed by someone else meanwhile; read it again and retry');
    }
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError('The record already exists');
    }
    // Writes to one person's history wait for each other (the mandate triggers lock the
    // person); two that also wait on each other's rows are a deadlock, rolled back.
    if (error instanceof DeadlockException) {
      throw new ConflictError('Another change to the same person was written at the same time; retry');
    }
    throw error;
  }
}

/** The client read version `expected`; the row is now at `current`. */
export function assertVersion(what: string, current: number, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && expected !== current) {
    throw new ConflictError(`${what} is at version ${current}, not ${expected}: it changed since you read it`, {
      currentVersion: current,
      expectedVersion: expected,
    });
  }
}
