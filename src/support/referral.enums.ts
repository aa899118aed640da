import { registerEnumType } from 'type-graphql';

export enum ReferralStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Where a referral stands. PENDING gives the receiver a pending mandate; ACCEPTED and IN_PROGRESS a full one; the others end it.',
  valuesConfig: {
    PENDING: { description: "Sent; awaiting the receiving structure's decision." },
    ACCEPTED: { description: 'Accepted by the receiving structure: a follow-up is open.' },
    DECLINED: { description: 'Declined by the receiving structure, with a reason.' },
    IN_PROGRESS: { description: 'The receiving structure has started the support.' },
    COMPLETED: { description: 'The support is over: the follow-up is closed.' },
    CANCELLED: { description: 'Cancelled by the sender, with a reason.' },
  },
});
