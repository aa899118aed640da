import { registerEnumType } from 'type-graphql';

export enum PersonFileStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** Sex as written on identity papers; X where the papers say so. */
export enum Sex {
  F = 'F',
  M = 'M',
  X = 'X',
}

export enum JudicialMeasure {
  NONE = 'NONE',
  CONDITIONAL_RELEASE = 'CONDITIONAL_RELEASE',
  JUDICIAL_SUPERVISION = 'JUDICIAL_SUPERVISION',
  PROBATION = 'PROBATION',
  ELECTRONIC_MONITORING = 'ELECTRONIC_MONITORING',
  EXTERNAL_PLACEMENT = 'EXTERNAL_PLACEMENT',
  SEMI_LIBERTY = 'SEMI_LIBERTY',
}

export enum RightKind {
  ID_CARD = 'ID_CARD',
  RSA = 'RSA',
  HEALTH_INSURANCE = 'HEALTH_INSURANCE',
  DOMICILIATION = 'DOMICILIATION',
  SHELTER_REQUEST = 'SHELTER_REQUEST',
  SOCIAL_HOUSING_REQUEST = 'SOCIAL_HOUSING_REQUEST',
  EMPLOYMENT_REGISTRATION = 'EMPLOYMENT_REGISTRATION',
  BANK_ACCOUNT = 'BANK_ACCOUNT',
}

export enum RightStatus {
  TO_DO = 'TO_DO',
  SUBMITTED = 'SUBMITTED',
  OBTAINED = 'OBTAINED',
  REFUSED = 'REFUSED',
}

export enum HousingStatus {
  UNKNOWN = 'UNKNOWN',
  NONE = 'NONE',
  EMERGENCY_SHELTER = 'EMERGENCY_SHELTER',
  CHRS = 'CHRS',
  TRANSITIONAL = 'TRANSITIONAL',
  FAMILY = 'FAMILY',
  PRIVATE_RENTAL = 'PRIVATE_RENTAL',
  SOCIAL_HOUSING = 'SOCIAL_HOUSING',
}

export enum EmploymentStatus {
  UNKNOWN = 'UNKNOWN',
  NONE = 'NONE',
  JOB_SEEKING = 'JOB_SEEKING',
  TRAINING = 'TRAINING',
  ASSISTED_CONTRACT = 'ASSISTED_CONTRACT',
  EMPLOYED = 'EMPLOYED',
}

registerEnumType(JudicialMeasure, {
  name: 'JudicialMeasure',
  description: 'NONE is a release at the end of the sentence with no measure ("sortie sèche").',
  valuesConfig: {
    NONE: { description: 'Release at the end of the sentence with no measure ("sortie sèche").' },
    CONDITIONAL_RELEASE: { description: 'Conditional release (libération conditionnelle).' },
    JUDICIAL_SUPERVISION: { description: 'Judicial supervision (suivi socio-judiciaire).' },
    PROBATION: { description: 'Probation ("sursis probatoire").' },
    ELECTRONIC_MONITORING: { description: 'Electronic monitoring (détention à domicile sous surveillance électronique).' },
    EXTERNAL_PLACEMENT: { description: "External placement (placement à l'extérieur)." },
    SEMI_LIBERTY: { description: 'Semi-liberty ("semi-liberté"): out by day, back in prison at night.' },
  },
});
registerEnumType(RightKind, {
  name: 'RightKind',
  description: 'A right to open before or after release ("ouverture des droits").',
  valuesConfig: {
    ID_CARD: { description: 'National identity card (CNI).' },
    RSA: { description: 'RSA, the minimum income (revenu de solidarité active).' },
    HEALTH_INSURANCE: { description: 'Health insurance: sécurité sociale, complémentaire santé solidaire.' },
    DOMICILIATION: { description: 'A postal address (domiciliation) for a person with no home.' },
    SHELTER_REQUEST: { description: 'A shelter request filed with the SIAO.' },
    SOCIAL_HOUSING_REQUEST: { description: 'A social housing request.' },
    EMPLOYMENT_REGISTRATION: { description: 'Registration with the public employment service.' },
    BANK_ACCOUNT: { description: "A bank account opened in the person's name." },
  },
});
registerEnumType(RightStatus, {
  name: 'RightStatus',
  description: 'Where the opening of a right stands.',
  valuesConfig: {
    TO_DO: { description: 'Still to be filed.' },
    SUBMITTED: { description: 'Filed, awaiting an answer.' },
    OBTAINED: { description: 'The right is open.' },
    REFUSED: { description: 'The request was refused.' },
  },
});
registerEnumType(HousingStatus, {
  name: 'HousingStatus',
  description: 'The kind of housing a person has.',
  valuesConfig: {
    UNKNOWN: { description: 'Not known to the structures that record it.' },
    NONE: { description: 'No housing: the person is homeless, or will be at release.' },
    EMERGENCY_SHELTER: { description: "Emergency shelter (hébergement d'urgence)." },
    CHRS: { description: "A CHRS place (centre d'hébergement et de réinsertion sociale)." },
    TRANSITIONAL: { description: 'Transitional housing, e.g. a logement relais or a scattered flat of an association.' },
    FAMILY: { description: 'Housed by family or friends.' },
    PRIVATE_RENTAL: { description: 'A flat rented on the private market.' },
    SOCIAL_HOUSING: { description: 'A social housing flat (HLM).' },
  },
});
registerEnumType(EmploymentStatus, {
  name: 'EmploymentStatus',
  description: "The person's employment situation as a category; EMPLOYED and ASSISTED_CONTRACT count as employed in outcomes.",
  valuesConfig: {
    UNKNOWN: { description: 'Not known to the structures that record it.' },
    NONE: { description: 'No work and not looking for work.' },
    JOB_SEEKING: { description: 'Looking for work.' },
    TRAINING: { description: 'In vocational training.' },
    ASSISTED_CONTRACT: { description: 'An assisted contract (contrat aidé, insertion through economic activity).' },
    EMPLOYED: { description: 'Employed under an ordinary work contract.' },
  },
});
registerEnumType(PersonFileStatus, {
  name: 'PersonFileStatus',
  description: 'Whether the SPIP holding the file still follows the person.',
  valuesConfig: {
    OPEN: { description: 'The measure runs: the holding SPIP has a full mandate.' },
    CLOSED: { description: 'Closed at the end of the measure: the SPIP keeps read access to what it wrote, for the retention period.' },
  },
});
