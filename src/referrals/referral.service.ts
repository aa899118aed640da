import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { followUpService } from '../followups/follow-up.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { MandateState, RECEIVING_KINDS, recordDomain } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { type Figure, FigureDisclosure, figureFor, shownCount } from '../policy/directory-figures';
import { mandateSubquery } from '../policy/mandate.repository';
import { Permission } from '../policy/permissions';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../server/context';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors';
import { keepWhere } from '../shared/filter';
import { parseId } from '../shared/ids';
import { assertVersion, inTransaction } from '../shared/transaction';
import { Convention } from '../structures/convention.entity';
import { Service } from '../structures/service.entity';
import type { StructureKind } from '../structures/structure-kind';
import { Structure } from '../structures/structure.entity';
import { structureService } from '../structures/structure.service';
import { DirectoryFigure, WithheldFigureView } from '../structures/structure.type';
import { ACTIVE_REFERRAL_STATUSES, assertTransition } from './referral-state';
import { Referral } from './referral.entity';
import { type Need, ReferralStatus } from './referral.enums';
import type { ReferralRecord } from './referral.rows';
import type { ReferPersonInput, ReferralsArgs } from './referral.inputs';
import { ConventionView, ReferralView, ReferralWarningCode, type ReferralWarningView } from './referral.type';

const SIX_MONTHS_DAYS = 183;

const TRANSITION_EVENT: Record<ReferralStatus, OutboxEventType> = {
  [ReferralStatus.PENDING]: OutboxEventType.REFERRAL_CREATED,
  [ReferralStatus.ACCEPTED]: OutboxEventType.REFERRAL_ACCEPTED,
  [ReferralStatus.DECLINED]: OutboxEventType.REFERRAL_DECLINED,
  [ReferralStatus.IN_PROGRESS]: OutboxEventType.REFERRAL_STARTED,
  [ReferralStatus.COMPLETED]: OutboxEventType.REFERRAL_COMPLETED,
  [ReferralStatus.CANCELLED]: OutboxEventType.REFERRAL_CANCELLED,
};

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Referrals: the SPIP refers, the receiving structure decides, the state machine holds. */
export class ReferralService {
  /**
   * A referral is visible to its sender and receiver while they hold any mandate on the
   * person; to another structure with a full mandate only under the domain the referral
   * belongs to (HEALTH_SUMMARY when it reveals health, SOCIAL otherwise).
   */
  private async isVisible(ctx: RequestContext, referral: ReferralRecord): Promise<boolean> {
    const personId = referral.person.id;
    const mandate = await ctx.access.mandate(personId);
    if (mandate === MandateState.NONE) return false;
    const own = [referral.fromStructure.id, referral.toStructure.id].includes(ctx.viewer.structureId);
    if (own) return true;
    if (mandate !== MandateState.FULL) return false;
    const receiver = await ctx.loaders.structureById.load(referral.toStructure.id);
    return ctx.access.canRead(personId, recordDomain(receiver!.kind, referral.needs));
  }

  /** The referrals the viewer's structure sent or received, newest first. */
  async list(ctx: RequestContext, args: ReferralsArgs): Promise<ReferralView[]> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_READ);
    const mandates = mandateSubquery(ctx.viewer.structureId);
    const params: unknown[] = [...mandates.params, ctx.viewer.structureId, ctx.viewer.structureId];
    let status = '';
    if (args.status) {
      status = ' and r.status = ?';
      params.push(args.status);
    }
    const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
      `select r.* from referral r join (${mandates.sql}) m on m.person_id = r.person_id
       where (r.from_structure_id = ? or r.to_structure_id = ?)${status}
       order by r.created_at desc, r.id desc`,
      params,
    );
    return rows.map((row) => this.shown(ctx, ctx.em.map(Referral, row)));
  }

  /** One referral the viewer may see; null alike when unknown or not visible. */
  async get(ctx: RequestContext, id: string): Promise<ReferralView | null> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_READ);
    const referral = await ctx.em.findOne(Referral, parseId(id, 'id'));
    return referral && (await this.isVisible(ctx, referral)) ? this.shown(ctx, referral) : null;
  }

  /** A referral a record points to, when the viewer may see it. */
  async optionalById(ctx: RequestContext, id: string | null): Promise<ReferralView | null> {
    if (!id) return null;
    const referral = await ctx.em.findOne(Referral, id);
    return referral && (await this.isVisible(ctx, referral)) ? this.shown(ctx, referral) : null;
  }

  /** Referrals of a visible person that the viewer may see, newest first (batched). */
  async ofPerson(ctx: RequestContext, personId: string): Promise<ReferralView[]> {
    if (!ctx.access.mayReadPersons) return [];
    const referrals = await ctx.loaders.referralsByPerson.load(personId);
    return (await keepWhere(referrals, (referral) => this.isVisible(ctx, referral))).map((referral) => this.shown(ctx, referral));
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
    const judicial = await ctx.loaders.judicialByPerson.load(referral.personId);
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
    if (referral.conventionId && referral.status === ReferralStatus.PENDING) {
      const convention = await ctx.loaders.conventionById.load(referral.conventionId);
      // The use of the quota is a directory figure: warned about only to whom it is exact.
      const used = convention ? await this.conventionUseFigure(ctx, ConventionView.from(convention)) : null;
      if (convention && used && used.decision.disclosure === FigureDisclosure.EXACT && used.count > convention.yearlyQuota) {
        warnings.push({
          code: ReferralWarningCode.CONVENTION_QUOTA_REACHED,
          message: `The convention provides for ${convention.yearlyQuota} referrals a year; this is number ${used.count} this year.`,
        });
      }
    }
    return warnings;
  }

  async conventionOf(ctx: RequestContext, conventionId: string | null): Promise<ConventionView | null> {
    if (!conventionId) return null;
    const convention = await ctx.loaders.conventionById.load(conventionId);
    return convention ? ConventionView.from(convention) : null;
  }

  /**
   * Referrals received this year under a convention, cancelled ones aside, with what the
   * figure rule lets the viewer know: the figure is about the receiver and the partner.
   */
  async conventionUseFigure(ctx: RequestContext, convention: ConventionView): Promise<Figure> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const [subject, count] = await Promise.all([
      structureService.figureSubject(ctx, convention.structureId, [convention.partnerId]),
      ctx.loaders.conventionUseThisYear.load(convention.id),
    ]);
    return figureFor(ctx.viewer, subject, count);
  }

  /** Referrals received this year under a convention, exact only where the figure rule allows. */
  async conventionUse(ctx: RequestContext, convention: ConventionView): Promise<number | null> {
    return shownCount(await this.conventionUseFigure(ctx, convention));
  }

  /** The figures of a convention the viewer may not know, and why (the figure rule). */
  async conventionWithheldFigures(ctx: RequestContext, convention: ConventionView): Promise<WithheldFigureView[]> {
    const [used, activeFiles] = await Promise.all([
      this.conventionUseFigure(ctx, convention),
      structureService.activeFilesFigureOfConvention(ctx, convention),
    ]);
    const unlessExact = (figure: Figure) => (figure.decision.disclosure === FigureDisclosure.EXACT ? null : figure.decision.reason);
    return WithheldFigureView.listOf([
      [DirectoryFigure.REFERRALS_THIS_YEAR, unlessExact(used)],
      [DirectoryFigure.ACTIVE_FILES, unlessExact(activeFiles)],
    ]);
  }

  /**
   * The SPIP holding the file refers the person to a receiving structure (or one of its
   * services) for needs it serves; the same idempotency key twice returns the first referral.
   */
  async refer(ctx: RequestContext, input: ReferPersonInput): Promise<ReferralView> {
    assertAllowed(ctx.viewer, Permission.REFERRAL_CREATE);
    const personId = parseId(input.personId, 'personId');
    if (input.idempotencyKey) {
      const first = await this.byIdempotencyKey(ctx, input.idempotencyKey, personId, input.toStructureId);
      if (first) return first;
    }
    await ctx.access.assertFullMandate(personId, 'Referring a person');
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
      const referral = await inTransaction(ctx, async (em) => {
        const person = await em.findOneOrFail(Person, personId);
        if (person.spip.id !== ctx.viewer.structureId) {
          throw new ForbiddenError('Only the SPIP holding the file refers the person');
        }
        return this.createIn(em, ctx, { person, to, service: service ?? null, needs: input.needs, motive: input.motive, idempotencyKey: input.idempotencyKey });
      });
      return ReferralView.from(referral);
    } catch (error) {
      // Two requests with the same key at once: the second meets the unique index and gets the first.
      if (error instanceof ConflictError && input.idempotencyKey) {
        const first = await this.byIdempotencyKey(ctx, input.idempotencyKey, personId, input.toStructureId);
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
    em: EntityManager,
    ctx: RequestContext,
    fields: { person: Person; to: Structure; service: Service | null; needs: Need[]; motive?: string | null; idempotencyKey?: string | null },
  ): Promise<Referral> {
    const { person, to } = fields;
    const active = await em.count(Referral, { person, toStructure: to, status: { $in: [...ACTIVE_REFERRAL_STATUSES] } });
    if (active > 0) throw new ConflictError(`The person already has an open referral to ${to.name}`);
    const from = em.getReference(Structure, ctx.viewer.structureId);
    const created = new Referral(person, from, to, fields.needs, em.getReference(Account, ctx.viewer.accountId));
    created.service = fields.service;
    created.motive = fields.motive?.trim() || null;
    created.idempotencyKey = fields.idempotencyKey ?? null;
    created.convention = await this.conventionFor(em, created);
    em.persist(created);
    recordEvent(em, ctx, OutboxEventType.REFERRAL_CREATED, {
      personId: person.id,
      domain: recordDomain(to.kind, fields.needs),
      payload: { referralId: created.id, fromStructureId: ctx.viewer.structureId, toStructureId: to.id, status: created.status },
    });
    auditWrite(em, ctx, { personId: person.id, domains: [], action: 'referPerson', ids: { referralId: created.id } });
    return created;
  }

  /** The receiving structure accepts: its mandate becomes full and a follow-up opens. */
  accept(ctx: RequestContext, id: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.ACCEPTED, 'acceptReferral', async (referral, em, kind) => {
      referral.decidedAt = new Date();
      referral.decidedBy = em.getReference(Account, ctx.viewer.accountId);
      await followUpService.openFor(em, ctx, referral, kind);
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
      referral.closedAt = new Date();
      await followUpService.closeFor(em, ctx, referral, kind, 'Referral completed');
    });
  }

  /** The referring SPIP cancels, with a reason; an open follow-up closes. */
  cancel(ctx: RequestContext, id: string, reason: string, expectedVersion?: number | null): Promise<ReferralView> {
    return this.transition(ctx, id, expectedVersion, ReferralStatus.CANCELLED, 'cancelReferral', async (referral, em, kind) => {
      referral.closedAt = new Date();
      referral.cancelReason = reason.trim();
      await followUpService.closeFor(em, ctx, referral, kind, `Referral cancelled by its sender: ${reason.trim()}`);
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
    const referral = await inTransaction(ctx, async (em) => {
      const found = await em.findOne(Referral, referralId);
      if (!found || !(await this.isVisible(ctx, found))) throw new NotFoundError('Referral');
      const party = bySender ? found.fromStructure : found.toStructure;
      if (party.id !== ctx.viewer.structureId) {
        throw new ForbiddenError(bySender ? 'Only the referring structure cancels a referral' : 'Only the receiving structure decides on a referral');
      }
      assertTransition(found.status, to);
      assertVersion('The referral', found.version, expectedVersion);
      found.status = to;
      const receiver = (await ctx.loaders.structureById.load(found.toStructure.id))!;
      await apply(found, em, receiver.kind);
      recordEvent(em, ctx, TRANSITION_EVENT[to], {
        personId: found.person.id,
        domain: recordDomain(receiver.kind, found.needs),
        payload: { referralId, status: to },
      });
      auditWrite(em, ctx, { personId: found.person.id, domains: [], action, ids: { referralId } });
      return found;
    });
    return ReferralView.from(referral);
  }

  /** The convention in force between the receiver (or its service) and the sender, if any. */
  private async conventionFor(em: EntityManager, referral: Referral): Promise<Convention | null> {
    const day = isoDay(new Date());
    const candidates = await em.find(
      Convention,
      {
        structure: referral.toStructure,
        partner: referral.fromStructure,
        validFrom: { $lte: day },
        $or: [{ validTo: null }, { validTo: { $gte: day } }],
      },
      { orderBy: { validFrom: 'desc' } },
    );
    return (
      candidates.find((c) => referral.service && c.service?.id === referral.service.id) ??
      candidates.find((c) => c.service === null) ??
      (referral.service ? null : (candidates[0] ?? null))
    );
  }

  /** The referral the viewer's structure sent with this idempotency key, if any. */
  async byKey(ctx: RequestContext, key: string): Promise<ReferralView | null> {
    const first = await ctx.em.findOne(Referral, { fromStructure: ctx.viewer.structureId, idempotencyKey: key });
    return first ? ReferralView.from(first) : null;
  }

  private async byIdempotencyKey(
    ctx: RequestContext,
    key: string,
    personId: string,
    toStructureId: string,
  ): Promise<ReferralView | null> {
    const first = await ctx.em.findOne(Referral, { fromStructure: ctx.viewer.structureId, idempotencyKey: key });
    if (!first) return null;
    if (first.person.id !== personId || first.toStructure.id !== toStructureId.toLowerCase()) {
      throw new ConflictError('This idempotency key was used for another referral');
    }
    return ReferralView.from(first);
  }
}

export const referralService = new ReferralService();
