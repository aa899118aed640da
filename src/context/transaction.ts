import { DeadlockException, OptimisticLockError, UniqueConstraintViolationException, type EntityClass, type RequiredEntityData } from '@mikro-orm/core';
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
    await insertAppends(em);
    await em.commit();
    return result;
  } catch (error) {
    await abandon(ctx);
    throw conflictOf(error);
  }
}

/** What a failed write answers: a conflict where the database refused a concurrent change, else the error itself. */
export function conflictOf(error: unknown): unknown {
  if (error instanceof OptimisticLockError) {
    return new ConflictError('The record was changed by someone else meanwhile; read it again and retry');
  }
  if (error instanceof UniqueConstraintViolationException) {
    return new ConflictError('The record already exists');
  }
  // Writes to one person's history wait for each other (the mandate triggers lock the
  // person); two that also wait on each other's rows are a deadlock, rolled back.
  if (error instanceof DeadlockException) {
    return new ConflictError('Another change to the same person was written at the same time; retry');
  }
  return error;
}

/**
 * Nothing of a failed write stays: its transaction rolls back (when the database still
 * answers), and the entities and loaders the request held, which the write may have
 * changed in memory, are dropped; the rest of the request reads afresh.
 */
async function abandon(ctx: RequestContext): Promise<void> {
  pendingAppends.delete(ctx.em);
  try {
    if (ctx.em.isInTransaction()) await ctx.em.rollback();
  } catch {
    ctx.em.resetTransactionContext();
  }
  ctx.em.clear();
  ctx.loaders.clear();
}

/** The append-only rows of each open write, by entity, in the order they were appended. */
const pendingAppends = new WeakMap<EntityManager, Map<EntityClass<object>, object[]>>();

/**
 * Appends a row that is only ever inserted (an audit entry, an outbox event) to the write
 * in progress on `em`: it is inserted just before the commit, in the same transaction, with
 * the other rows of its table in one INSERT (em.insertMany of plain data). No entity, change
 * set or identity-map entry is made for it, so nothing in the transaction may read it back
 * through the EntityManager. Outside a write it throws: such a row would never be written.
 */
export function appendOnCommit<T extends object>(em: EntityManager, entity: EntityClass<T>, row: RequiredEntityData<T>): void {
  if (!em.isInTransaction() && !pendingAppends.has(em)) throw new Error(`${entity.name} rows are appended within a write (inTransaction)`);
  let byEntity = pendingAppends.get(em);
  if (!byEntity) pendingAppends.set(em, (byEntity = new Map()));
  const rows = byEntity.get(entity as EntityClass<object>);
  if (rows) rows.push(row);
  else byEntity.set(entity as EntityClass<object>, [row]);
}

/**
 * Runs `build` for a write that sends its rows past the unit of work (the door's inserts,
 * policy/person-write.ts): the rows it appends (appendOnCommit) are returned, by entity in the
 * order they came, for that write to insert before its commit.
 */
export function appendsOf<T>(em: EntityManager, build: () => T): { result: T; appends: [EntityClass<object>, object[]][] } {
  if (em.isInTransaction() || pendingAppends.has(em)) throw new Error('appendsOf: a write is already in progress on this EntityManager');
  const byEntity = new Map<EntityClass<object>, object[]>();
  pendingAppends.set(em, byEntity);
  try {
    return { result: build(), appends: [...byEntity] };
  } finally {
    pendingAppends.delete(em);
  }
}

async function insertAppends(em: EntityManager): Promise<void> {
  const byEntity = pendingAppends.get(em);
  if (!byEntity) return;
  pendingAppends.delete(em);
  for (const [entity, rows] of byEntity) await em.insertMany(entity, rows);
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
