import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './request-context';
import { ConflictError } from '../shared/errors';

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
