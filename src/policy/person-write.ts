import type { EntityClass, EntityProperty, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context/request-context';
import { appendsOf, conflictOf, inTransaction } from '../context/transaction';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { PipelinedTransaction } from '../shared/simple-query';
import type { MandateState } from './access-policy';
import { mandateAndConsentsSql } from './consent.repository';
import type { DataDomain } from './data-domain';
import { identityWithheldSql } from './mandate.repository';
import type { RecordDeclaration } from './records';

/** What a write about a person needs of the viewer's mandate, checked under the person's lock. */
export interface WriteRule {
  /** What the write does, for a refusal's message ("Writing a case note"). */
  what: string;
  /** The domain(s) written, when the policy decides the write per domain (and may ask for consent). */
  domain?: DataDomain | readonly DataDomain[];
  /** A pending mandate lets the receiver decide on its referral; every other write needs a full one. */
  pendingDecides?: boolean;
  /**
   * The one structure that may make this write (the holder of an appointment, a placement's
   * service, the enrolling structure, a party to a referral): any other is FORBIDDEN with
   * `refusal`, before its mandate is looked at.
   */
  actor?: { structureId: string; refusal: string };
}

/**
 * The persons whose write door is open in each unit of work (by its EntityManager): the
 * person-write guard (person-write-guard.ts) refuses a change to a person's record outside it.
 */
const openDoors = new WeakMap<EntityManager, Set<string>>();

/** Whether the unit of work on `em` locked the person and checked the mandate (for the guard). */
export function doorIsOpen(em: EntityManager, personId: string): boolean {
  return openDoors.get(em)?.has(personId) ?? false;
}

/**
 * Locks the persons' rows until the commit (FOR NO KEY UPDATE, the lock the mandate triggers
 * take too, in id order), and forgets what the request held about them: what is checked next
 * is what the write commits under. A decision that ends a mandate (a transfer accepted, a
 * referral completed, a follow-up closed, a consent revoked) writes through this door or
 * through the mandate triggers, so it either waits for the write to commit or is seen by it.
 * Returns the ids that exist.
 */
async function lockPersons(ctx: RequestContext, personIds: readonly string[]): Promise<Set<string>> {
  const rows = await ctx.em.execute<{ id: string }[]>('select id from person where id = any(?::uuid[]) order by id for no key update', [
    `{${[...new Set(personIds)].join(',')}}`,
  ]);
  for (const id of personIds) ctx.access.forget(id);
  let open = openDoors.get(ctx.em);
  if (!open) openDoors.set(ctx.em, (open = new Set()));
  for (const { id } of rows) open.add(id);
  return new Set(rows.map((row) => row.id));
}

async function checkRule(ctx: RequestContext, personId: string, rule: WriteRule): Promise<void> {
  if (rule.actor && rule.actor.structureId !== ctx.viewer.structureId) throw new ForbiddenError(rule.actor.refusal);
  const domains = rule.domain === undefined ? [] : typeof rule.domain === 'string' ? [rule.domain] : rule.domain;
  if (domains.length === 0 || rule.pendingDecides) {
    await ctx.access.assertWritableMandate(personId, rule.what, rule.pendingDecides ?? false);
  } else {
    // The mandate and, where the first domain asks for it, the consents in one statement.
    await ctx.access.assertCanWriteUnderFullMandate(personId, domains[0], rule.what);
  }
  for (const domain of domains) await ctx.access.assertCanWrite(personId, domain);
}

async function inDoor<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const nested = ctx.em.isInTransaction();
  try {
    return await inTransaction(ctx, work);
  } finally {
    if (!nested) openDoors.delete(ctx.em);
  }
}

/**
 * The one way to write about a person (access-policy.md, "One door"): in one transaction,
 * the person's row is locked, the viewer's mandate (and the domain, with the consent it may
 * need) is checked under that lock, then `work` writes, audits and records its events. A
 * person the viewer has no mandate on is NOT_FOUND, as an unknown id; an ended mandate is
 * FORBIDDEN. A rule given as a function runs under the lock once the person is known to be
 * visible, and may refuse first (who may act, the state the file must be in).
 */
export function writeForPerson<T>(
  ctx: RequestContext,
  personId: string,
  rule: WriteRule | ((em: EntityManager) => Promise<WriteRule>),
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return inDoor(ctx, async (em) => {
    const found = await lockPersons(ctx, [personId]);
    if (!found.has(personId)) throw new NotFoundError('Person');
    if (typeof rule === 'function') {
      await ctx.access.assertVisible(personId);
      rule = await rule(em);
    }
    await checkRule(ctx, personId, rule);
    return work(em);
  });
}

/** Within a write about persons: admits persons to it, each locked and checked under its lock. */
export interface PersonDoor {
  /**
   * Locks the persons' rows (in one statement, in id order) and checks the rule for each:
   * NOT_FOUND for an unknown person or one the viewer has no mandate on.
   */
  enter(personIds: readonly string[], rule: WriteRule): Promise<void>;
}

/**
 * A write about several persons, or about persons known only once the write has begun (an
 * import matches its lines inside its transaction): `work` admits each person it writes about
 * through the door it is given before writing. Persons created by the write itself (a
 * registration) need no admission: no one can hold a mandate on them yet.
 */
export function writePersons<T>(ctx: RequestContext, work: (door: PersonDoor, em: EntityManager) => Promise<T>): Promise<T> {
  return inDoor(ctx, (em) =>
    work(
      {
        enter: async (personIds, rule) => {
          if (personIds.length === 0) return;
          const found = await lockPersons(ctx, personIds);
          for (const id of personIds) {
            if (!found.has(id)) throw new NotFoundError('Person');
            await checkRule(ctx, id, rule);
          }
        },
      },
      em,
    ),
  );
}

/** Which record a write is about: its entity, its declaration and its id. */
export interface RecordTarget<E extends R, R = E> {
  entity: EntityClass<E>;
  declaration: RecordDeclaration<R>;
  id: string;
  /** Its name in a NOT_FOUND ("Case note"). */
  label: string;
}

/**
 * A write on an existing record about a person: the record's person is locked, then the
 * record is read afresh under that lock and must be visible to the viewer (else NOT_FOUND,
 * as an unknown id), then the rule is checked, then `work` changes it. A rule given as a
 * function of the record may refuse first, before the mandate is looked at (who may act on the
 * record, the state it must be in): those answers stay what they were before the door. The record's own version, where it has one, is the work's to assert.
 */
export function writeRecord<E extends R, R extends object, T>(
  ctx: RequestContext,
  target: RecordTarget<E, R>,
  rule: WriteRule | ((record: E) => WriteRule | Promise<WriteRule>),
  work: (record: E, em: EntityManager) => Promise<T>,
): Promise<T> {
  return inDoor(ctx, async (em) => {
    const { table, personId: personColumn } = target.declaration.sql;
    const [row] = await em.execute<{ person_id: string }[]>(`select ${personColumn} as person_id from ${table} r where r.id = ?`, [target.id]);
    if (!row) throw new NotFoundError(target.label);
    await lockPersons(ctx, [row.person_id]);
    const record = (await em.findOne(target.entity, target.id as never, { refresh: true })) as E | null;
    if (!record || !(await ctx.access.sees(target.declaration, record))) throw new NotFoundError(target.label);
    await checkRule(ctx, row.person_id, typeof rule === 'function' ? await rule(record) : rule);
    return work(record, em);
  });
}

/** A record a write creates, as plain values (em.insert's), and the columns the database fills that the answer needs. */
export interface NewRecord<E extends object> {
  entity: EntityClass<E>;
  data: RequiredEntityData<E>;
  returning: readonly (keyof E & string)[];
}

/** The properties of each entity by name, looked up once (insertSql runs for every small write). */
const propertiesOf = new Map<string, Record<string, EntityProperty>>();

/**
 * The INSERT of rows of one entity as em.insert sends it (the columns in the order of the
 * first row's sorted keys, each value converted by its property's type and inlined by the
 * platform), without building a query builder for each write; `returning` the columns asked.
 */
function insertSql(em: EntityManager, entity: EntityClass<object>, rows: readonly object[], returning: readonly string[] = []): string {
  const platform = em.getPlatform();
  let properties = propertiesOf.get(entity.name);
  if (!properties) propertiesOf.set(entity.name, (properties = em.getMetadata().get(entity.name).properties as Record<string, EntityProperty>));
  const props = Object.keys(rows[0])
    .sort()
    .map((name) => properties[name]);
  const values = rows.map((row) => {
    const literals = props.map((prop) => {
      let value = (row as Record<string, unknown>)[prop.name];
      if (value !== null && value !== undefined && prop.customType) value = prop.customType.convertToDatabaseValue(value, platform, { mode: 'query' });
      return value === null || value === undefined ? 'NULL' : platform.quoteValue(value);
    });
    return `(${literals.join(', ')})`;
  });
  const columns = props.map((prop) => platform.quoteIdentifier(prop.fieldNames[0])).join(', ');
  const returned = returning.map((name) => platform.quoteIdentifier(properties[name].fieldNames[0])).join(', ');
  const table = platform.quoteIdentifier(em.getMetadata().get(entity.name).tableName);
  return `insert into ${table} (${columns}) values ${values.join(', ')}${returned ? ` returning ${returned}` : ''}`;
}

/**
 * The door for a write that only creates a record about a person, with its audit entry and
 * its event (a case note): the same transaction, lock and checks as writeForPerson, sent in two
 * round trips instead of one per statement. The first message begins the transaction, locks the
 * person's row (reading its restriction with the lock) and then, in a statement of its own and
 * so with a snapshot taken once the lock is held, reads the viewer's mandate and the consents;
 * the rule is decided on them as writeForPerson decides it, reading nothing more. The second
 * message inserts the record and the rows `build` appended (auditWrite, recordEvent) and
 * commits. Answers the record's `returning` columns. Within a write already in progress, it
 * joins that write through writeForPerson.
 */
export async function insertForPerson<E extends object>(
  ctx: RequestContext,
  personId: string,
  rule: WriteRule,
  build: () => NewRecord<E>,
): Promise<Record<string, unknown>> {
  if (ctx.em.isInTransaction()) {
    return writeForPerson(ctx, personId, rule, async (em) => {
      const record = build();
      const [row] = await em.execute<Record<string, unknown>[]>(insertSql(em, record.entity, [record.data], record.returning));
      return row;
    });
  }
  const { em, viewer } = ctx;
  try {
    return await PipelinedTransaction.run(em, async (transaction) => {
      const policy = mandateAndConsentsSql(viewer.structureId, personId);
      const [, locked, mandates] = await transaction.send([
        'begin',
        transaction.format(`select p.id, ${identityWithheldSql('?::uuid')} as withheld from person p where p.id = ?::uuid for no key update`, [
          viewer.structureId,
          viewer.structureId,
          personId,
        ]),
        transaction.format(policy.sql, policy.params),
      ]);
      ctx.access.forget(personId);
      if (locked.length === 0) throw new NotFoundError('Person');
      const mandate = (mandates[0] as { state: MandateState; consented: DataDomain[] } | undefined) ?? null;
      ctx.access.primeForWrite(personId, mandate, locked[0].withheld === true);
      await checkRule(ctx, personId, rule);
      const { result: record, appends } = appendsOf(em, build);
      const [inserted] = await transaction.send([
        insertSql(em, record.entity, [record.data], record.returning),
        ...appends.map(([entity, rows]) => insertSql(em, entity, rows)),
        'commit',
      ]);
      return inserted[0];
    });
  } catch (error) {
    // The database's refusals as MikroORM names them (a unique key, a deadlock), the door's own as they are.
    const fromDatabase = error instanceof Error && 'severity' in error;
    throw conflictOf(fromDatabase ? em.getDriver().convertException(error) : error);
  }
}
