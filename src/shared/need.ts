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

registerEnumType(Need, {
  name: 'Need',
  description: 'What a person is referred for, and what a service serves. ADDICTION_CARE and HEALTH tell of care: such a referral is health data to anyone but its sender and receiver.',
  valuesConfig: {
    HOUSING: { description: 'Shelter or housing.' },
    ADDICTION_CARE: { description: 'Addiction care, as a CSAPA gives it.' },
    HEALTH: { description: 'Other health care.' },
    RIGHTS: { description: 'Opening rights: ID card, RSA, health insurance, domiciliation...' },
    EMPLOYMENT: { description: 'Finding work or training.' },
    SOCIAL_SUPPORT: { description: 'General social support.' },
  },
});
