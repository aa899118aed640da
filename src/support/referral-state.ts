import { ConflictError } from '../shared/errors';
import { ReferralStatus } from './referral.enums';

/** The referral state machine: from each status, the statuses it may move to. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  [ReferralStatus.PENDING]: [ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.CANCELLED],
  [ReferralStatus.ACCEPTED]: [ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED, ReferralStatus.CANCELLED],
  [ReferralStatus.IN_PROGRESS]: [ReferralStatus.COMPLETED, ReferralStatus.CANCELLED],
  [ReferralStatus.DECLINED]: [],
  [ReferralStatus.COMPLETED]: [],
  [ReferralStatus.CANCELLED]: [],
};

/** Statuses under which the receiving structure holds a full mandate. */
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.PENDING,
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
];

/** An illegal transition is a CONFLICT naming both states. */
export function assertTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (!REFERRAL_TRANSITIONS[from].includes(to)) {
    throw new ConflictError(`The referral is ${from}; it cannot become ${to}`, { currentStatus: from, requestedStatus: to });
  }
}
