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
});
registerEnumType(RightKind, { name: 'RightKind' });
registerEnumType(RightStatus, { name: 'RightStatus' });
registerEnumType(HousingStatus, { name: 'HousingStatus' });
registerEnumType(EmploymentStatus, { name: 'EmploymentStatus' });
registerEnumType(PersonFileStatus, { name: 'PersonFileStatus' });
