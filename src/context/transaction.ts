import { DeadlockException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './request-context';
import { ConflictError } from '../shared/errors';

/**
 * Runs a write and its audit entry in one transaction, on the request's own EntityManager:
 * one EntityManager for the unit of work, so that the loaders, the access policy and every
 * helper reading through the context read inside the transaction too. A write called from
 * within a write joins its transaction. Two partners editing the same row at once: the
 * second commit finds the version moved and gets CONFLICT.
 */
export async function inTransaction<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const { em } = ctx;
  if (em.isInTransaction()) return work(em);
  await em.begin();
  try {
    const result = await work(em);
    await em.commit();
    return result;
  } catch (error) {
    await abandon(ctx);
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

/**
 * Nothing of a failed write stays: its transaction rolls back (when the database still
 * answers), and the entities and loaders the request held, which the write may have
 * changed in memory, are dropped; the rest of the request reads afresh.
 */
async function abandon(ctx: RequestContext): Promise<void> {
  try {
    if (ctx.em.isInTransaction()) await ctx.em.rollback();
  } catch {
    ctx.em.resetTransactionContext();
  }
  ctx.em.clear();
  ctx.loaders.clear();
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
