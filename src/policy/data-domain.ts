import { registerEnumType } from 'type-graphql';

/** The units in which person data is stored, shown and audited. */
export enum DataDomain {
  IDENTITY = 'IDENTITY',
  JUDICIAL = 'JUDICIAL',
  JUDICIAL_DETAIL = 'JUDICIAL_DETAIL',
  SOCIAL = 'SOCIAL',
  HOUSING = 'HOUSING',
  HEALTH_SUMMARY = 'HEALTH_SUMMARY',
  HEALTH = 'HEALTH',
}

registerEnumType(DataDomain, {
  name: 'DataDomain',
  description: "A part of a person's record with its own access rule (see the access policy): what a field, record or consent is about.",
  valuesConfig: {
    IDENTITY: { description: 'Names, birth date, sex, contact.' },
    JUDICIAL: { description: 'Establishment, expected release date, measure, care obligation.' },
    JUDICIAL_DETAIL: { description: 'Offence, sentence end, prison number (justice side only).' },
    SOCIAL: { description: 'Right steps, resources, employment.' },
    HOUSING: { description: 'Housing situation, shelter request, placement.' },
    HEALTH_SUMMARY: { description: 'In care or not, where, since when.' },
    HEALTH: { description: 'Substances, treatment, care notes (CSAPA only).' },
  },
});
