import type {
  AppointmentKind,
  AppointmentStatus,
  DataDomain,
  EmploymentStatus,
  HousingStatus,
  JudicialMeasure,
  MandateState,
  Need,
  PersonFileStatus,
  ReferralStatus,
  RightKind,
  RightStatus,
  StructureKind,
  TimelineEntryKind,
  TransferStatus,
} from './generated/subject-access';

// The PDF is handed to a person in France: its visible words are French. Each table covers its
// enum exactly (typed from the schema), so a value the API adds fails the type check here.

export const DOMAIN_TITLES: Record<DataDomain, string> = {
  IDENTITY: 'Identité',
  JUDICIAL: 'Situation judiciaire',
  JUDICIAL_DETAIL: 'Détail de la situation judiciaire',
  SOCIAL: 'Situation sociale et accès aux droits',
  HOUSING: 'Logement et hébergement',
  HEALTH_SUMMARY: 'Santé : suivi des soins',
  HEALTH: 'Santé : dossier de soins',
};

export const STRUCTURE_KINDS: Record<StructureKind, string> = {
  SPIP: "Service pénitentiaire d'insertion et de probation",
  PRISON: 'Établissement pénitentiaire',
  CSAPA: "Centre de soins d'accompagnement et de prévention en addictologie",
  SIAO: "Service intégré de l'accueil et de l'orientation",
  ASSOCIATION: 'Association',
  EVALUATOR: "Organisme d'évaluation",
  PLATFORM: 'Plateforme Passerelle',
};

export const MANDATES: Record<MandateState, string> = {
  FULL: 'vous accompagne actuellement',
  PENDING: "examine une demande d'orientation vous concernant",
  ENDED: 'vous a accompagné(e) ; cet accompagnement est terminé',
  NONE: "n'a pas de mission auprès de vous",
};

export const MEASURES: Record<JudicialMeasure, string> = {
  NONE: 'Sortie sans aménagement de peine',
  CONDITIONAL_RELEASE: 'Libération conditionnelle',
  JUDICIAL_SUPERVISION: 'Suivi socio-judiciaire',
  PROBATION: 'Sursis probatoire',
  ELECTRONIC_MONITORING: 'Détention à domicile sous surveillance électronique',
  EXTERNAL_PLACEMENT: "Placement à l'extérieur",
  SEMI_LIBERTY: 'Semi-liberté',
};

export const HOUSING_STATUSES: Record<HousingStatus, string> = {
  UNKNOWN: 'Non renseignée',
  NONE: 'Sans logement',
  EMERGENCY_SHELTER: "Hébergement d'urgence",
  CHRS: "Centre d'hébergement et de réinsertion sociale (CHRS)",
  TRANSITIONAL: 'Logement temporaire ou de transition',
  FAMILY: 'Hébergé(e) par la famille ou des proches',
  PRIVATE_RENTAL: 'Location dans le parc privé',
  SOCIAL_HOUSING: 'Logement social',
};

export const EMPLOYMENT_STATUSES: Record<EmploymentStatus, string> = {
  UNKNOWN: 'Non renseignée',
  NONE: 'Sans emploi',
  JOB_SEEKING: "En recherche d'emploi",
  TRAINING: 'En formation',
  ASSISTED_CONTRACT: 'Contrat aidé',
  EMPLOYED: 'En emploi',
};

export const RIGHT_KINDS: Record<RightKind, string> = {
  ID_CARD: "Carte nationale d'identité",
  RSA: 'Revenu de solidarité active (RSA)',
  HEALTH_INSURANCE: 'Assurance maladie',
  DOMICILIATION: 'Domiciliation',
  SHELTER_REQUEST: "Demande d'hébergement",
  SOCIAL_HOUSING_REQUEST: 'Demande de logement social',
  EMPLOYMENT_REGISTRATION: 'Inscription à France Travail',
  BANK_ACCOUNT: 'Compte bancaire',
};

export const RIGHT_STATUSES: Record<RightStatus, string> = {
  TO_DO: 'À faire',
  SUBMITTED: 'Demande déposée',
  OBTAINED: 'Obtenu',
  REFUSED: 'Refusé',
};

export const REFERRAL_STATUSES: Record<ReferralStatus, string> = {
  PENDING: 'En attente de réponse',
  ACCEPTED: 'Acceptée',
  DECLINED: 'Refusée',
  IN_PROGRESS: 'En cours',
  COMPLETED: 'Terminée',
  CANCELLED: 'Annulée',
};

export const NEEDS: Record<Need, string> = {
  HOUSING: 'Logement',
  ADDICTION_CARE: 'Soins en addictologie',
  HEALTH: 'Santé',
  RIGHTS: 'Accès aux droits',
  EMPLOYMENT: 'Emploi',
  SOCIAL_SUPPORT: 'Accompagnement social',
};

export const APPOINTMENT_KINDS: Record<AppointmentKind, string> = {
  PRISON_OFFICE_HOURS: 'Permanence en détention',
  INTERVIEW: 'Entretien',
  HOME_VISIT: 'Visite à domicile',
  ACCOMPANIMENT: 'Accompagnement physique',
};

export const APPOINTMENT_STATUSES: Record<AppointmentStatus, string> = {
  SCHEDULED: 'Prévu',
  HELD: 'Honoré',
  NO_SHOW: 'Absence',
  CANCELLED: 'Annulé',
};

const SEXES: Record<string, string> = { F: 'Féminin', M: 'Masculin', X: 'Non précisé (X)' };

export function sexLabel(sex: string): string {
  return SEXES[sex] ?? sex;
}

export const FILE_STATUSES: Record<PersonFileStatus, string> = {
  OPEN: 'Ouvert',
  CLOSED: 'Clos',
};

export const TRANSFER_STATUSES: Record<TransferStatus, string> = {
  PENDING: "En attente de la réponse du SPIP d'accueil",
  ACCEPTED: 'Accepté',
  REFUSED: 'Refusé',
};

/** What happened, for the history of the file: event types and writes that leave no event. */
export const TIMELINE_KINDS: Record<TimelineEntryKind, string> = {
  PERSON_REGISTERED: 'Inscription dans Passerelle',
  REFERRAL_CREATED: 'Orientation proposée',
  REFERRAL_ACCEPTED: 'Orientation acceptée',
  REFERRAL_DECLINED: 'Orientation refusée',
  REFERRAL_STARTED: 'Accompagnement commencé',
  REFERRAL_COMPLETED: 'Orientation menée à son terme',
  REFERRAL_CANCELLED: 'Orientation annulée',
  FOLLOW_UP_OPENED: 'Accompagnement ouvert',
  FOLLOW_UP_CLOSED: 'Accompagnement terminé',
  RIGHT_STEP_CHANGED: "Démarche d'accès aux droits mise à jour",
  RIGHT_OBTAINED: 'Droit obtenu',
  PLACEMENT_MADE: 'Entrée en hébergement',
  PLACEMENT_ENDED: "Sortie d'hébergement",
  APPOINTMENT_SCHEDULED: 'Rendez-vous fixé',
  APPOINTMENT_OUTCOME_RECORDED: "Suite d'un rendez-vous enregistrée",
  CASE_NOTE_WRITTEN: 'Note de suivi écrite',
  CONSENT_RECORDED: 'Consentement enregistré',
  CONSENT_REVOKED: 'Consentement retiré',
  TRANSFER_REQUESTED: 'Transfert du dossier demandé',
  TRANSFER_ACCEPTED: 'Transfert du dossier accepté',
  TRANSFER_REFUSED: 'Transfert du dossier refusé',
  FILE_CLOSED: 'Dossier clos',
  IDENTITY_UPDATED: 'Identité mise à jour',
  JUDICIAL_SITUATION_UPDATED: 'Situation judiciaire mise à jour',
  JUDICIAL_DETAIL_UPDATED: 'Détail de la situation judiciaire mis à jour',
  SOCIAL_SITUATION_UPDATED: 'Situation sociale mise à jour',
  HOUSING_SITUATION_UPDATED: 'Situation de logement mise à jour',
  HEALTH_RECORDED: 'Dossier de soins mis à jour',
  CASE_NOTE_EDITED: 'Note de suivi corrigée',
  ENROLLED_IN_ACTION: 'Inscription à une action',
  PARTICIPATION_RECORDED: 'Participation à une action enregistrée',
  IMPORTED_FROM_CASE_SOFTWARE: 'Mise à jour depuis le logiciel du SPIP',
};
