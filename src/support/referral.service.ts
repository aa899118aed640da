import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { conventionLoaders } from './convention.loaders';
import { conventionService } from './convention.service';
import { ConventionView } from './convention.type';
import { followUpService } from './follow-up.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { personLoaders } from '../persons/person.loaders';
import { RECEIVING_KINDS, recordDomain } from '../policy/access-policy';
import { DataDomain } from '../policy/data-domain';
import { assertAllowed } from '../policy/authz';
import { FigureDisclosure } from '../policy/directory-figures';
import { REFERRAL_RECORD } from '../policy/record-kinds';
import { Permission } from '../policy/permissions';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeForPerson, writeRecord } from '../policy/person-write';
import { Service } from '../structures/service.entity';
import type { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import { structureLoaders } from '../structures/structure.loaders';
import { ACTIVE_REFERRAL_STATUSES, assertTransition } from './referral-state';
import { moveReferral } from './referral-transition';
import { Referral } from './referral.entity';
import { ReferralStatus } from './referral.enums';
import type { Need } from '../shared/need';
import { type MaybePromise, whenReady } from '../shared/maybe-async';
import { type Connection, type KeyValue, keysetPage, type PageArgs } from '../shared/connection';
import { type ReferralColumns, type ReferralRecord, referralRecord } from './referral.rows';
import type { ReferPersonInput, ReferralsArgs } from './referral.inputs';
import { ReferralView, ReferralWarningCode, type ReferralWarningView } from './referral.type';

const SIX_MONTHS_DAYS = 183;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Referrals: the SPIP refers, the receiving structure decides, the state machine holds. */
export class ReferralService {
  /** The referrals the viewer's structure sent or received, newest first. */
  async list(ctx: RequestContext, args: ReferralsArgs): Promise<ReferralView[]> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_READ);
    const rows = await this.partyRows(ctx, args, null);
    return rows.map((row) => this.shown(ctx, referralRecord(row)));
  }

  /** The same list, a page at a time (referralsConnection). */
  page(ctx: RequestContext, args: ReferralsArgs, page: PageArgs): Promise<Connection<ReferralView>> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_READ);
    return keysetPage({
      list: 'referrals',
      keyLength: 2,
      args: page,
      fetch: (after, limit) => this.partyRows(ctx, args, { after, limit }),
      key: (row) => [row.cursor_at, row.id],
      node: (row) => this.shown(ctx, referralRecord(row)),
    });
  }

  /**
   * The referrals the viewer's structure is a party to (sent or received) under its mandates,
   * as the record rule shows them, newest first; after a keyset position and limited when paged.
   */
  private partyRows(
    ctx: RequestContext,
    args: ReferralsArgs,
    page: { after: KeyValue[] | null; limit: number } | null,
  ): Promise<(ReferralColumns & { cursor_at: string })[]> {
    const params: unknown[] = [ctx.viewer.structureId, ctx.viewer.structureId];
    let status = '';
    if (args.status) {
      status = ' and r.status = ?';
      params.push(args.status);
    }
    // The structure is a party to every referral it sent or received; the record rule still decides.
    return ctx.records.list(REFERRAL_RECORD, {
      where: { sql: `(r.from_structure_id = ? or r.to_structure_id = ?)${status}`, params },
      keyset: { columns: ['r.created_at', 'r.id'], casts: ['timestamptz', 'uuid'], direction: 'desc' },
      after: page?.after ?? null,
      limit: page?.limit ?? null,
      select: 'r.created_at::text as cursor_at',
    });
  }

  /** One referral the viewer may see; null alike when unknown or not visible. */
  async get(ctx: RequestContext, id: string): Promise<ReferralView | null> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_READ);
    const shown = await ctx.records.get(REFERRAL_RECORD, Referral, parseId(id, 'id'));
    return shown ? this.shown(ctx, shown.record) : null;
  }

  /** A referral a record points to, when the viewer may see it. */
  async optionalById(ctx: RequestContext, id: string | null): Promise<ReferralView | null> {
    if (!id) return null;
    const shown = await ctx.records.get(REFERRAL_RECORD, Referral, id);
    return shown ? this.shown(ctx, shown.record) : null;
  }

  /** Referrals of a visible person that the viewer may see, newest first (batched). */
  ofPerson(ctx: RequestContext, personId: string): MaybePromise<ReferralView[]> {
    return whenReady(ctx.access.visibleRecords(REFERRAL_RECORD, personId), (rows) =>
      rows.map(({ row }) => ReferralView.fromColumns(row as unknown as ReferralColumns)),
    );
  }

  /** A referral leaving the server is an access to its person's record: audited. */
  private shown(ctx: RequestContext, referral: ReferralRecord): ReferralView {
    ctx.readAudit.touch(referral.person.id);
    return ReferralView.from(referral);
  }

  /** What the receiver should know before deciding: release too far, quota reached. */
  async warningsOf(ctx: RequestContext, referral: ReferralView): Promise<ReferralWarningView[]> {
    if (referral.status !== ReferralStatus.PENDING && referral.status !== ReferralStatus.ACCEPTED) return [];
    const warnings: ReferralWarningView[] = [];
    // Computed only from what the viewer reads: under an ended mandate, the release date is not its own.
    if (!(await ctx.access.canRead(referral.personId, DataDomain.JUDICIAL))) return this.quotaWarnings(ctx, referral, warnings);
    const judicial = await personLoaders(ctx).judicialByPerson.load(referral.personId);
    const release = judicial?.expectedReleaseDate ?? null;
    const limit = isoDay(new Date(Date.now() + SIX_MONTHS_DAYS * 86_400_000));
    if (!release) {
      warnings.push({ code: ReferralWarningCode.RELEASE_DATE_UNKNOWN, message: 'The expected release date is unknown.' });
    } else if (release > limit) {
      warnings.push({
        code: ReferralWarningCode.RELEASE_BEYOND_SIX_MONTHS,
        message: `Release is expected on ${release}, more than six months away.`,
      });
    }
    return this.quotaWarnings(ctx, referral, warnings);
  }

  private async quotaWarnings(ctx: RequestContext, referral: ReferralView, warnings: ReferralWarningView[]): Promise<ReferralWarningView[]> {
    if (referral.conventionId && referral.status === ReferralStatus.PENDING) {
      const convention = await conventionLoaders(ctx).conventionById.load(referral.conventionId);
      // The use of the quota is a directory figure: warned about only to whom it is exact.
      const used = convention ? await conventionService.conventionUseFigure(ctx, ConventionView.from(convention)) : null;
      if (convention && used && used.decision.disclosure === FigureDisclosure.EXACT && used.count > convention.yearlyQuota) {
        warnings.push({
          code: ReferralWarningCode.CONVENTION_QUOTA_REACHED,
          message: `The convention provides for ${convention.yearlyQuota} referrals a year; this is number ${used.count} this year.`,
        });
      }
    }
    return warnings;
  }

  /**
   * The SPIP holding the file refers the person to a receiving structure (or one of its
   * services) for needs it serves; the same idempotency key twice returns the first referral.
   */
  async refer(ctx: RequestContext, input: ReferPersonInput): Promise<ReferralView> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_CREATE);
    const personId = parseId(input.personId, 'personId');
    await ctx.access.assertFullMandate(personId, 'Referring a person');
    if (input.idempotencyKey) {
      const first = await this.replay(ctx, input.idempotencyKey, personId, input.toStructureId);
      if (first) return first;
    }
    const to = await ctx.em.findOne(Structure, parseId(input.toStructureId, 'toStructureId'));
    if (!to) throw new BadUserInputError('toStructureId is not a structure of the directory', 'toStructureId');
    if (!RECEIVING_KINDS.includes(to.kind)) {
      throw new BadUserInputError(`A ${to.kind} does not receive referrals; send them to ${RECEIVING_KINDS.join(', ')}`, 'toStructureId');
    }
    const services = await ctx.em.find(Service, { structure: to, receivesReferrals: true }, { orderBy: { name: 'asc' } });
    const service = input.serviceId ? services.find((s) => s.id === input.serviceId!.toLowerCase()) : null;
    if (input.serviceId && !service) {
      throw new BadUserInputError(`serviceId is not a service of ${to.name} that receives referrals`, 'serviceId');
    }
    const served = new Set((service ? [service] : services).flatMap((s) => s.needs));
    const unserved = input.needs.filter((need) => !served.has(need));
    if (unserved.length > 0) {
      throw new BadUserInputError(`${service?.name ?? to.name} does not serve ${unserved.join(', ')}`, 'needs');
    }
    try {
      const referral = await writeForPerson(ctx, personId, { what: 'Referring a person' }, async (em) => {
        const person = await em.findOneOrFail(Person, personId);
        if (person.spip.id !== ctx.viewer.structureId) {
          throw new ForbiddenError('Only the SPIP holding the file refers the person');
        }
        return this.createIn(ctx, { person, to, service: service ?? null, needs: input.needs, motive: input.motive, idempotencyKey: input.idempotencyKey });
      });
      return ReferralView.from(referral);
    } catch (error) {
      // Two requests with the same key at once: the second meets the unique index and gets the first.
      if (error instanceof ConflictError && input.idempotencyKey) {
        const first = await this.replay(ctx, input.idempotencyKey, personId, input.toStructureId);
        if (first) return first;
      }
      throw error;
    }
  }

  /**
   * Creates a referral from the viewer's structure inside the caller's transaction: no
   * second open referral to the same structure, the convention it counts against, its
   * event and its audit entry.
   */
  async createIn(
    ctx: RequestContext,
    fields: { person: Person; to: Structure; service: Service | null; needs: Need[]; motive?: string | null; idempotencyKey?: string | null },
  ): Promise<Referral> {
    const { em } = ctx;
    const { person, to } = fields;
    // Only an open referral the viewer sees is a conflict: another sender's, hidden from it (a CSAPA's
    // shelter request), must not be revealed by the refusal, so the request goes through on its own.
    const visible = await ctx.access.visibleRecords(REFERRAL_RECORD, person.id, 'checked');
    const active = visible.filter(({ row }) => row.to_structure_id === to.id && ACTIVE_REFERRAL_STATUSES.includes(row.status as ReferralStatus));
    if (active.length > 0) throw new ConflictError(`The person already has an open referral to ${to.name}`);
    const from = em.getReference(Structure, ctx.viewer.structureId);
    const created = new Referral(person, from, to, fields.needs, em.getReference(Account, ctx.viewer.accountId));
    created.service = fields.service;
    created.motive = fields.motive?.trim() || null;
    created.idempotencyKey = fields.idempotencyKey ?? null;
    created.convention = await conventionService.conventionFor(em, created);
    em.persist(created);
    recordEvent(ctx, OutboxEventType.REFERRAL_CREATED, {
      personId: person.id,
      domain: recordDomain(to.kind, fields.needs),
      payload: { referralId: created.id, fromStructureId: ctx.viewer.structureId, toStructureId: to.id, status: created.status },
    });
    // The audit entry names the referral's domain: a referral to a CSAPA tells of care (access log).
    auditWrite(ctx, { personId: person.id, domains: [recordDomain(to.kind, fields.needs)], action: 'referPerson', ids: { referralId: created.id } });
    return created;
  }

  /** The receiving structure accepts: its mandate becomes full and a follow-up opens. */
  accept(ctx: RequestContext, id: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.ACCEPTED, 'acceptReferral', async (referral, em, kind) => {
      referral.decidedAt = new Date();
      referral.decidedBy = em.getReference(Account, ctx.viewer.accountId);
      await followUpService.openFor(ctx, referral, kind);
    });
  }

  /** The receiving structure declines, with a reason; its mandate ends. */
  decline(ctx: RequestContext, id: string, reason: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.DECLINED, 'declineReferral', async (referral, em) => {
      referral.decidedAt = new Date();
      referral.decidedBy = em.getReference(Account, ctx.viewer.accountId);
      referral.declineReason = reason.trim();
    });
  }

  /** The receiving structure has started the support. */
  start(ctx: RequestContext, id: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.IN_PROGRESS, 'startReferral', async () => undefined);
  }

  /** The receiving structure completes the support: the follow-up closes, the mandate ends. */
  complete(ctx: RequestContext, id: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.COMPLETED, 'completeReferral', async (referral, em, kind) => {
      await followUpService.closeFor(ctx, referral, kind, 'Referral completed');
    });
  }

  /** The referring SPIP cancels, with a reason; an open follow-up closes. */
  cancel(ctx: RequestContext, id: string, reason: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.CANCELLED, 'cancelReferral', async (referral, em, kind) => {
      referral.cancelReason = reason.trim();
      await followUpService.closeFor(ctx, referral, kind, `Referral cancelled by its sender: ${reason.trim()}`);
    });
  }

  /**
   * One move of the state machine, by the party entitled to it, at the version read,
   * with its audit entry in the same transaction.
   */
  private async transition(
    ctx: RequestContext,
    id: string,
    expectedVersion: number | null | undefined,
    to: ReferralStatus,
    action: string,
    apply: (referral: Referral, em: EntityManager, receiverKind: StructureKind) => Promise<void>,
  ): Promise<ReferralView> {
    const bySender = to === ReferralStatus.CANCELLED;
    assertAllowed(ctx.viewer, bySender ? Permission.REFERRAL_CANCEL : Permission.REFERRAL_DECIDE);
    const referralId = parseId(id, 'id');
    // An ended mandate is read-only; a pending one lets the receiver decide, nothing more.
    const rule = (found: Referral) => ({
      what: 'Changing a referral',
      pendingDecides: !bySender,
      actor: bySender
        ? { structureId: found.fromStructure.id, refusal: 'Only the referring structure cancels a referral' }
        : { structureId: found.toStructure.id, refusal: 'Only the receiving structure decides on a referral' },
    });
    const target = { entity: Referral, declaration: REFERRAL_RECORD, id: referralId, label: 'Referral' };
    const referral = await writeRecord(ctx, target, rule, async (found, em) => {
      assertTransition(found.status, to);
      assertVersion('The referral', found.version, expectedVersion);
      const receiver = (await structureLoaders(ctx).structureById.load(found.toStructure.id))!;
      await apply(found, em, receiver.kind);
      moveReferral(ctx, found, to, receiver.kind);
      auditWrite(ctx, { personId: found.person.id, domains: [recordDomain(receiver.kind, found.needs)], action, ids: { referralId } });
      return found;
    });
    return ReferralView.from(referral);
  }

  /**
   * An idempotent replay: the referral the viewer's structure sent with this key, returned
   * to its sender only, for the same person and target, once the caller has made the checks
   * of a first call, and audited like any read. Another person or target is a CONFLICT.
   */
  async replay(ctx: RequestContext, key: string, personId: string, toStructureId: string): Promise<ReferralView | null> {
    const first = await ctx.em.findOne(Referral, { fromStructure: ctx.viewer.structureId, idempotencyKey: key });
    if (!first) return null;
    if (first.person.id !== personId || first.toStructure.id !== toStructureId.toLowerCase()) {
      throw new ConflictError('This idempotency key was used for another referral');
    }
    const shown = await ctx.records.get(REFERRAL_RECORD, Referral, first.id);
    if (!shown) throw new ConflictError('This idempotency key was used for another referral');
    return this.shown(ctx, shown.record);
  }
}

export const referralService = new ReferralService();
