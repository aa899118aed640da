import { registerEnumType } from 'type-graphql';

export enum Need {
  HOUSING = 'HOUSING',
  ADDICTION_CARE = 'ADDICTION_CARE',
  HEALTH = 'HEALTH',
  RIGHTS = 'RIGHTS',
  EMPLOYMENT = 'EMPLOYMENT',
  SOCIAL_SUPPORT = 'SOCIAL_SUPPORT',
}

export enum ReferralStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(Need, { name: 'Need' });
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
