import type { EntityManager } from '@mikro-orm/postgresql';
import { auditWrite } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { assertVersion } from '../context/transaction';
import { type WriteRule, writeForPerson, writeRecord } from '../policy/person-write';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import { TRANSFER_RECORD } from '../policy/record-kinds';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import { PersonTransfer, TransferStatus } from './person-transfer.entity';
import { Person } from './person.entity';
import { PersonFileStatus } from './person.enums';
import { personLoaders } from './person.loaders';
import type { CloseFileArgs, DecideTransferArgs, RefuseTransferArgs, RestrictPersonArgs, TransferPersonArgs } from './lifecycle.inputs';
import { PersonFileView, PersonRestrictionView, TransferView } from './lifecycle.type';
import { PersonView } from './person.type';

/** A transfer entity as its view reads it. */
function transferView(ctx: RequestContext, transfer: PersonTransfer): TransferView {
  return TransferView.from(
    {
      id: transfer.id,
      personId: transfer.person.id,
      fromSpipId: transfer.fromSpip.id,
      toSpipId: transfer.toSpip.id,
      status: transfer.status,
      reason: transfer.reason,
      refusalReason: transfer.refusalReason,
      createdAt: transfer.createdAt,
      decidedAt: transfer.decidedAt,
      version: transfer.version,
    },
    ctx.viewer.structureId,
  );
}

/**
 * The file's lifecycle (contract.md, "The record's lifecycle"): transfer between SPIPs,
 * closing at the end of the measure, restriction of the identity. The mandates follow
 * from the rows (person, person_transfer) through the database's triggers; every write
 * is audited and evented in its transaction.
 */
export class LifecycleService {
  /** The SPIP holding an open file asks another SPIP to take it over. */
  async transfer(ctx: RequestContext, args: TransferPersonArgs): Promise<TransferView> {
    assertAllowed(ctx.viewer, Permission.FILE_MANAGE);
    const personId = parseId(args.personId, 'personId');
    const toSpipId = parseId(args.toSpipId, 'toSpipId');
    const created = await writeForPerson(ctx, personId, this.heldFile(ctx, personId, 'Transferring a file'), async (em) => {
      const person = await em.findOneOrFail(Person, personId);
      const to = await em.findOne(Structure, toSpipId);
      if (!to || to.kind !== StructureKind.SPIP) throw new BadUserInputError('toSpipId must be the id of a SPIP', 'toSpipId');
      if (to.id === person.spip.id) throw new BadUserInputError('The file is already held by this SPIP', 'toSpipId');
      await this.assertNoPendingTransfer(em, personId);
      const transfer = new PersonTransfer(person, person.spip, to, args.reason.trim());
      em.persist(transfer);
      await em.flush();
      auditWrite(ctx, { personId, domains: [DataDomain.JUDICIAL], action: 'transferPerson', ids: { transferId: transfer.id } });
      this.event(ctx, OutboxEventType.TRANSFER_REQUESTED, transfer);
      return transfer;
    });
    ctx.access.forget(personId);
    return transferView(ctx, created);
  }

  /** The receiving SPIP takes the file over: it holds it now; the former SPIP keeps its own writings, read-only. */
  accept(ctx: RequestContext, args: DecideTransferArgs): Promise<TransferView> {
    return this.decide(ctx, args, TransferStatus.ACCEPTED, 'acceptTransfer', (transfer) => {
      transfer.person.spip = transfer.toSpip;
    });
  }

  /** The receiving SPIP refuses, with a reason: nothing moves, its pending mandate ends. */
  refuse(ctx: RequestContext, args: RefuseTransferArgs): Promise<TransferView> {
    return this.decide(ctx, args, TransferStatus.REFUSED, 'refuseTransfer', (transfer) => {
      transfer.refusalReason = args.reason.trim();
    });
  }

  private async decide(
    ctx: RequestContext,
    args: DecideTransferArgs,
    to: TransferStatus,
    action: string,
    apply: (transfer: PersonTransfer) => void,
  ): Promise<TransferView> {
    assertAllowed(ctx.viewer, Permission.FILE_MANAGE);
    const id = parseId(args.id, 'id');
    const target = { entity: PersonTransfer, declaration: TRANSFER_RECORD, id, label: 'Transfer' };
    const rule = (found: PersonTransfer) => {
      if (found.toSpip.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the receiving SPIP decides on a transfer');
      if (found.status !== TransferStatus.PENDING) throw new ConflictError(`The transfer is already ${found.status}`);
      assertVersion('The transfer', found.version, args.expectedVersion);
      return { what: 'Deciding on a transfer', pendingDecides: true };
    };
    const decided = await writeRecord(ctx, target, rule, async (found, em) => {
      await em.refresh(found.person);
      found.status = to;
      found.decidedAt = new Date();
      apply(found);
      await em.flush();
      auditWrite(ctx, { personId: found.person.id, domains: [DataDomain.JUDICIAL], action, ids: { transferId: found.id } });
      this.event(ctx, to === TransferStatus.ACCEPTED ? OutboxEventType.TRANSFER_ACCEPTED : OutboxEventType.TRANSFER_REFUSED, found);
      return found;
    });
    ctx.access.forget(decided.person.id);
    return transferView(ctx, decided);
  }

  /** The holding SPIP closes the file at the end of the measure: its mandate ends (read-only for the retention period). */
  async close(ctx: RequestContext, args: CloseFileArgs): Promise<PersonView> {
    assertAllowed(ctx.viewer, Permission.FILE_MANAGE);
    const personId = parseId(args.personId, 'personId');
    const person = await writeForPerson(ctx, personId, this.heldFile(ctx, personId, 'Closing a file'), async (em) => {
      const held = await em.findOneOrFail(Person, personId);
      await this.assertNoPendingTransfer(em, personId);
      held.fileStatus = PersonFileStatus.CLOSED;
      held.fileClosedAt = new Date();
      held.fileClosedReason = args.reason.trim();
      held.lastContactAt = held.fileClosedAt;
      await em.flush();
      auditWrite(ctx, { personId, domains: [DataDomain.JUDICIAL], action: 'closeFile' });
      recordEvent(ctx, OutboxEventType.FILE_CLOSED, {
        personId,
        domain: DataDomain.JUDICIAL,
        payload: { personId, spipId: ctx.viewer.structureId, status: PersonFileStatus.CLOSED },
      });
      return held;
    });
    ctx.access.forget(person.id);
    return PersonView.from(person);
  }

  /**
   * The holding SPIP restricts the person: the identity is shown to itself and to the
   * structures it names only (the policy engine withholds it from the others). Naming the
   * structures again replaces the list. Audited; no event (an event would tell partners
   * that the person is restricted).
   */
  async restrict(ctx: RequestContext, args: RestrictPersonArgs): Promise<PersonView> {
    assertAllowed(ctx.viewer, Permission.FILE_MANAGE);
    const personId = parseId(args.personId, 'personId');
    const visibleTo = [...new Set(args.visibleTo.map((id) => parseId(id, 'visibleTo')))];
    const person = await writeForPerson(ctx, personId, this.heldFile(ctx, personId, 'Restricting a person'), async (em) => {
      const held = await em.findOneOrFail(Person, personId);
      const known = await em.find(Structure, { id: { $in: visibleTo } }, { fields: ['id'] });
      if (known.length !== visibleTo.length) throw new BadUserInputError('visibleTo must name structures of this API', 'visibleTo');
      held.restrictedAt ??= new Date();
      held.restrictedVisibleTo = visibleTo.filter((id) => id !== held.spip.id).sort();
      await em.flush();
      auditWrite(ctx, { personId, domains: [DataDomain.IDENTITY], action: 'restrictPerson' });
      return held;
    });
    ctx.access.forget(person.id);
    return PersonView.from(person);
  }

  /** The holding SPIP lifts the restriction (nothing to do when there is none; audited either way). */
  async unrestrict(ctx: RequestContext, personId: string): Promise<PersonView> {
    assertAllowed(ctx.viewer, Permission.FILE_MANAGE);
    const id = parseId(personId, 'personId');
    const person = await writeForPerson(ctx, id, this.heldFile(ctx, id, 'Lifting a restriction'), async (em) => {
      const held = await em.findOneOrFail(Person, id);
      held.restrictedAt = null;
      held.restrictedVisibleTo = [];
      await em.flush();
      auditWrite(ctx, { personId: id, domains: [DataDomain.IDENTITY], action: 'unrestrictPerson' });
      return held;
    });
    ctx.access.forget(person.id);
    return PersonView.from(person);
  }

  /** The transfers of a person the viewer may see (the policy engine decides), newest first. */
  async transfersOf(ctx: RequestContext, personId: string): Promise<TransferView[]> {
    const rows = await ctx.access.visibleRecords(TRANSFER_RECORD, personId);
    return rows.map(({ row }) =>
      TransferView.from(
        {
          id: row.id as string,
          personId: row.person_id as string,
          fromSpipId: row.from_spip_id as string,
          toSpipId: row.to_spip_id as string,
          status: row.status as TransferStatus,
          reason: row.reason as string,
          refusalReason: row.refusal_reason as string | null,
          createdAt: new Date(row.created_at as string),
          decidedAt: row.decided_at ? new Date(row.decided_at as string) : null,
          version: row.version as number,
        },
        ctx.viewer.structureId,
      ),
    );
  }

  /**
   * The file as judicial data: the domain guard decides who reads it. Its closing reason is the
   * SPIP's free text, as judicial detail: shown to the SPIP that holds (or closed) the file and to
   * who reads JUDICIAL_DETAIL, not to every partner reading the judicial core.
   */
  async fileOf(ctx: RequestContext, personId: string): Promise<PersonFileView | null> {
    const person = await personLoaders(ctx).personFileById.load(personId);
    if (!person) return null;
    const reasonShown =
      person.fileClosedReason !== null && (person.spip.id === ctx.viewer.structureId || (await ctx.access.canRead(personId, DataDomain.JUDICIAL_DETAIL)));
    return Object.assign(new PersonFileView(), {
      personId,
      writtenById: person.spip.id,
      holderId: person.spip.id,
      status: person.fileStatus,
      closedAt: person.fileClosedAt,
      closedReason: reasonShown ? person.fileClosedReason : null,
    });
  }

  /** The restriction, to the SPIP holding the file only (the one that decides on it). */
  async restrictionOf(ctx: RequestContext, personId: string): Promise<PersonRestrictionView | null> {
    const person = await personLoaders(ctx).personFileById.load(personId);
    if (!person?.restrictedAt || person.spip.id !== ctx.viewer.structureId) return null;
    if ((await ctx.access.mandate(personId)) !== 'FULL') return null;
    return Object.assign(new PersonRestrictionView(), { since: person.restrictedAt, visibleToIds: person.restrictedVisibleTo });
  }

  async pseudonymisedAt(ctx: RequestContext, personId: string): Promise<Date | null> {
    return (await personLoaders(ctx).personFileById.load(personId))?.pseudonymisedAt ?? null;
  }

  /**
   * The rule of a write on the file: the person's open file, held by the viewer's SPIP, under
   * a full mandate (the door checks it after this): FORBIDDEN when another SPIP holds it,
   * CONFLICT when it is closed. Read under the door's lock of the person's row.
   */
  private heldFile(ctx: RequestContext, personId: string, what: string): (em: EntityManager) => Promise<WriteRule> {
    return async (em) => {
      const person = await em.findOneOrFail(Person, personId, { refresh: true });
      if (person.spip.id !== ctx.viewer.structureId) throw new ForbiddenError(`${what} is for the SPIP holding the file`);
      if (person.fileStatus !== PersonFileStatus.OPEN) throw new ConflictError('The file is closed');
      return { what };
    };
  }

  private async assertNoPendingTransfer(em: EntityManager, personId: string): Promise<void> {
    const pending = await em.count(PersonTransfer, { person: personId, status: TransferStatus.PENDING });
    if (pending > 0) throw new ConflictError('A transfer of this file is pending: it must be accepted or refused first');
  }

  private event(ctx: RequestContext, type: OutboxEventType, transfer: PersonTransfer): void {
    recordEvent(ctx, type, {
      personId: transfer.person.id,
      domain: DataDomain.JUDICIAL,
      payload: { transferId: transfer.id, fromSpipId: transfer.fromSpip.id, toSpipId: transfer.toSpip.id, status: transfer.status },
    });
  }
}

export const lifecycleService = new LifecycleService();
