import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { recordDomain } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { type Figure, figureFor, shownCount } from '../policy/directory-figures';
import { Permission } from '../policy/permissions';
import { moveReferral } from './referral-transition';
import { FOLLOW_UP_RECORD } from '../policy/record-kinds';
import type { Referral } from './referral.entity';
import { ReferralStatus } from './referral.enums';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { writeRecord } from '../policy/person-write';
import type { StructureKind } from '../shared/structure-kind';
import { structureService } from '../structures/structure.service';
import type { CloseFollowUpArgs } from './follow-up.inputs';
import { FollowUp } from './follow-up.entity';
import { followUpLoaders } from './follow-up.loaders';
import { FollowUpView } from './follow-up.type';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Follow-ups: opened by an accepted referral, closed by their structure, which ends its mandate. */
export class FollowUpService {
  /** Follow-ups of a visible person that the viewer may see, latest first (batched). */
  async ofPerson(ctx: RequestContext, personId: string): Promise<FollowUpView[]> {
    const shown = (await ctx.access.visibleRecords(FOLLOW_UP_RECORD, personId)).map(({ row }) => ctx.em.map(FollowUp, row));
    return shown.map(FollowUpView.from);
  }

  /**
   * Open follow-ups in a service, or in a structure when no service is named (its active
   * file), with what the figure rule lets the viewer know: the figure is the structure's.
   */
  async activeFilesFigure(ctx: RequestContext, of: { structureId: string; serviceId: string | null }): Promise<Figure> {
    assertAllowed(ctx.viewer, Permission.DIRECTORY_READ);
    const [subject, count] = await Promise.all([
      structureService.figureSubject(ctx, of.structureId),
      of.serviceId
        ? followUpLoaders(ctx).activeFilesByService.load(of.serviceId)
        : followUpLoaders(ctx).activeFilesByStructure.load(of.structureId),
    ]);
    return figureFor(ctx.viewer, subject, count);
  }

  /** An active file, exact only where the figure rule allows. */
  async activeFiles(ctx: RequestContext, of: { structureId: string; serviceId: string | null }): Promise<number | null> {
    return shownCount(await this.activeFilesFigure(ctx, of));
  }

  /** Opens the receiving structure's follow-up of an accepted referral (within its transaction). */
  async openFor(ctx: RequestContext, referral: Referral, kind: StructureKind): Promise<FollowUp> {
    const { em } = ctx;
    const followUp = new FollowUp(referral.person, referral.toStructure, today());
    followUp.service = referral.service;
    followUp.referral = referral;
    followUp.worker = em.getReference(Account, ctx.viewer.accountId);
    em.persist(followUp);
    recordEvent(ctx, OutboxEventType.FOLLOW_UP_OPENED, {
      personId: referral.person.id,
      domain: recordDomain(kind),
      payload: { followUpId: followUp.id, referralId: referral.id, structureId: referral.toStructure.id },
    });
    return followUp;
  }

  /** Closes the open follow-up of a referral that completes or is cancelled (within its transaction). */
  async closeFor(ctx: RequestContext, referral: Referral, kind: StructureKind, reason: string): Promise<void> {
    const { em } = ctx;
    const followUp = await em.findOne(FollowUp, { referral, endDate: null });
    if (followUp) this.markClosed(ctx, followUp, kind, reason, today());
  }

  /**
   * The structure closes its follow-up, with a reason: its referral completes, and its
   * mandate ends as the policy says (own writings only, read-only).
   */
  async close(ctx: RequestContext, args: CloseFollowUpArgs): Promise<FollowUpView> {
    assertAllowed(ctx.viewer, Permission.FOLLOW_UP_MANAGE);
    const id = parseId(args.id, 'id');
    const target = { entity: FollowUp, declaration: FOLLOW_UP_RECORD, id, label: 'Follow-up' };
    const rule = (followUp: FollowUp) => {
      if (followUp.structure.id !== ctx.viewer.structureId) throw new ForbiddenError('Only the structure holding a follow-up closes it');
      if (followUp.endDate) throw new ConflictError(`The follow-up is closed already (${followUp.endDate})`);
      return { what: 'Closing a follow-up' };
    };
    const closed = await writeRecord(ctx, target, rule, async (followUp, em) => {
      await em.populate(followUp, ['structure', 'referral']);
      assertVersion('The follow-up', followUp.version, args.expectedVersion);
      const endDate = args.endDate ?? today();
      if (endDate < followUp.startDate || endDate > today()) {
        throw new BadUserInputError(`endDate must be between the start (${followUp.startDate}) and today`, 'endDate');
      }
      const referral = followUp.referral;
      if (referral && (referral.status === ReferralStatus.ACCEPTED || referral.status === ReferralStatus.IN_PROGRESS)) {
        moveReferral(ctx, referral, ReferralStatus.COMPLETED, followUp.structure.kind);
      }
      this.markClosed(ctx, followUp, followUp.structure.kind, args.reason.trim(), endDate);
      auditWrite(ctx, { personId: followUp.person.id, domains: [recordDomain(followUp.structure.kind)], action: 'closeFollowUp', ids: { followUpId: id } });
      return followUp;
    });
    return FollowUpView.from(closed);
  }

  private markClosed(ctx: RequestContext, followUp: FollowUp, kind: StructureKind, reason: string, endDate: string): void {
    followUp.endDate = endDate;
    followUp.closingReason = reason;
    recordEvent(ctx, OutboxEventType.FOLLOW_UP_CLOSED, {
      personId: followUp.person.id,
      domain: recordDomain(kind),
      payload: { followUpId: followUp.id, structureId: followUp.structure.id, endDate },
    });
  }
}

export const followUpService = new FollowUpService();
