import type { RequestContext } from '../context/request-context';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { recordDomain } from '../policy/access-policy';
import type { StructureKind } from '../shared/structure-kind';
import { assertTransition } from './referral-state';
import type { Referral } from './referral.entity';
import { ReferralStatus } from './referral.enums';

const TRANSITION_EVENT: Record<ReferralStatus, OutboxEventType> = {
  [ReferralStatus.PENDING]: OutboxEventType.REFERRAL_CREATED,
  [ReferralStatus.ACCEPTED]: OutboxEventType.REFERRAL_ACCEPTED,
  [ReferralStatus.DECLINED]: OutboxEventType.REFERRAL_DECLINED,
  [ReferralStatus.IN_PROGRESS]: OutboxEventType.REFERRAL_STARTED,
  [ReferralStatus.COMPLETED]: OutboxEventType.REFERRAL_COMPLETED,
  [ReferralStatus.CANCELLED]: OutboxEventType.REFERRAL_CANCELLED,
};

/**
 * Moves a referral to a status within the caller's transaction, as the state machine allows:
 * a completed or cancelled referral is closed, and the move is recorded in the outbox. Written
 * once for every way a referral moves: its own mutations, and a follow-up whose closing
 * completes it.
 */
export function moveReferral(ctx: RequestContext, referral: Referral, to: ReferralStatus, receiverKind: StructureKind): void {
  assertTransition(referral.status, to);
  referral.status = to;
  if (to === ReferralStatus.COMPLETED || to === ReferralStatus.CANCELLED) referral.closedAt = new Date();
  recordEvent(ctx, TRANSITION_EVENT[to], {
    personId: referral.person.id,
    domain: recordDomain(receiverKind, referral.needs),
    payload: { referralId: referral.id, status: to },
  });
}
