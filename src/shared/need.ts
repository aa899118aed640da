import { registerEnumType } from 'type-graphql';

/** What a person is referred for, and what a service serves. */
export enum Need {
  HOUSING = 'HOUSING',
  ADDICTION_CARE = 'ADDICTION_CARE',
  HEALTH = 'HEALTH',
  RIGHTS = 'RIGHTS',
  EMPLOYMENT = 'EMPLOYMENT',
  SOCIAL_SUPPORT = 'SOCIAL_SUPPORT',
}

registerEnumType(Need, { name: 'Need' });
