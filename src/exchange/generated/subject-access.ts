import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date string, such as 2007-12-03, compliant with the `full-date` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

/** Whether an action happens once or repeatedly. */
export type ActionFrequency =
  /** The action happens once. */
  | 'ONE_OFF'
  /** The action is repeated over its duration. */
  | 'REPEATED';

/** Every field of an OSCARS-style action record. */
export type ActionInput = {
  /** People reached, as declared by the carrier. */
  beneficiaries?: InputMaybe<Scalars['Int']['input']>;
  /** Outcome categorisation (A1..D). */
  categories?: Array<OutcomeCategory>;
  /** INSEE codes of the départements where the action runs (at most 101). */
  departements?: Array<Scalars['String']['input']>;
  /** What the action does (at most 20000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** As written in the record, e.g. "12 mois" (at most 300 characters). */
  duration?: InputMaybe<Scalars['String']['input']>;
  /** The year the action ended or is to end, 1990 to 2100. */
  endYear?: InputMaybe<Scalars['Int']['input']>;
  /** Whether the action is one-off or repeated. */
  frequency?: InputMaybe<ActionFrequency>;
  /** The general objectives: at most 20, each at most 2000 characters. */
  generalObjectives?: Array<Scalars['String']['input']>;
  /** The national plan the action falls under (at most 500 characters). */
  nationalPlan?: InputMaybe<Scalars['String']['input']>;
  /** The operational objectives: at most 20, each at most 2000 characters. */
  operationalObjectives?: Array<Scalars['String']['input']>;
  /** Places of intervention: at most 50, each at most 500 characters. */
  places?: Array<Scalars['String']['input']>;
  /** The region where the action runs (at most 200 characters). */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Sector of activity, e.g. "Etablissement pénitentiaire" (at most 300 characters). */
  sector?: InputMaybe<Scalars['String']['input']>;
  /** The year the action started, 1990 to 2100. */
  startYear?: InputMaybe<Scalars['Int']['input']>;
  /** Who the action is for (at most 1000 characters). */
  targetPublic?: InputMaybe<Scalars['String']['input']>;
  /** The action's theme, e.g. addictive behaviours: 1 to 300 characters. */
  theme: Scalars['String']['input'];
  /** The action's title: 1 to 300 characters. */
  title: Scalars['String']['input'];
  /** What kinds of intervention the action makes. */
  types?: Array<ActionType>;
};

/** A kind of intervention an action makes, as in the OSCARS records. */
export type ActionType =
  /** Care given to persons. */
  | 'CARE'
  /** Communication, information and awareness. */
  | 'COMMUNICATION_INFORMATION_AWARENESS'
  /** Group sessions with persons. */
  | 'GROUP_SESSIONS'
  /** Individual support of persons. */
  | 'INDIVIDUAL_SUPPORT'
  /** Training of professionals or volunteers. */
  | 'TRAINING';

/** What kind of appointment a structure holds with a person. */
export type AppointmentKind =
  /** Accompanying the person to a service. */
  | 'ACCOMPANIMENT'
  /** A visit to the person's home. */
  | 'HOME_VISIT'
  /** Individual interview with the person. */
  | 'INTERVIEW'
  /** Office hours held in prison before release ("permanence"). */
  | 'PRISON_OFFICE_HOURS';

/** What became of a scheduled appointment. */
export type AppointmentOutcome =
  /** The appointment was cancelled. */
  | 'CANCELLED'
  /** The appointment took place. */
  | 'HELD'
  /** The person did not come. */
  | 'NO_SHOW';

/** Where an appointment stands. */
export type AppointmentStatus =
  /** The appointment was cancelled. */
  | 'CANCELLED'
  /** The appointment took place. */
  | 'HELD'
  /** The person did not come. */
  | 'NO_SHOW'
  /** Planned, not yet held. */
  | 'SCHEDULED';

/** What needs action soon. A flag that needs a domain you may not read is never raised. */
export type CaseloadFlag =
  /** Full mandate and no appointment of yours to come. */
  | 'NO_APPOINTMENT_SCHEDULED'
  /** A referral to your structure awaits your decision. */
  | 'REFERRAL_AWAITING_DECISION'
  /** Release within 30 days and no housing (needs HOUSING). */
  | 'RELEASE_SOON_WITHOUT_HOUSING'
  /** Right steps still TO_DO (needs SOCIAL). */
  | 'RIGHTS_TO_SUBMIT';

/** A person using a partner frontend (USER) or a partner system (MACHINE). */
export type ClientKind =
  /** A partner system, with OAuth 2.0 client credentials. */
  | 'MACHINE'
  /** A person, through a partner frontend. */
  | 'USER';

/** An expiry counted from today. */
export type ConsentDuration =
  /** The consent expires one year from today. */
  | 'ONE_YEAR'
  /** The consent expires two years from today. */
  | 'TWO_YEARS';

/** A new account (a login) of a structure. */
export type CreateAccountInput = {
  /** The name shown to partners, e.g. on case notes: 2 to 100 characters. */
  displayName: Scalars['String']['input'];
  /** The account's email address, if any. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case letters, digits, dot, dash, underscore (2 to 64). */
  login: Scalars['String']['input'];
  /** A role that fits the structure's kind (e.g. PROBATION_OFFICER in a SPIP), or STRUCTURE_ADMIN. */
  role: Role;
  /** A platform admin names the structure; a structure admin works on its own. */
  structureId?: InputMaybe<Scalars['ID']['input']>;
};

/** A convention under which a structure receives referrals from a partner. */
export type CreateConventionInput = {
  /** The referring partner (a SPIP). */
  partnerId: Scalars['ID']['input'];
  /** The service of the receiving structure the convention is for, if any. */
  serviceId?: InputMaybe<Scalars['ID']['input']>;
  /** The receiving structure. */
  structureId: Scalars['ID']['input'];
  /** The convention's title (1 to 200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The first day the convention applies. */
  validFrom: Scalars['Date']['input'];
  /** The last day the convention applies; none for open-ended. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
  /** Referrals a year the convention provides for. */
  yearlyQuota: Scalars['Int']['input'];
};

/** A partner system that is to act as one role of your structure. */
export type CreateMachineClientInput = {
  /** The partner system's name, e.g. the software it is. */
  name: Scalars['String']['input'];
  /** A worker role that fits the structure's kind; the client acts as that role. */
  role: Role;
};

/** A new structure of the directory. */
export type CreateStructureInput = {
  /** The city (1 to 100 characters). */
  city?: InputMaybe<Scalars['String']['input']>;
  /** INSEE code of the département, e.g. "38" or "2A". */
  departement?: InputMaybe<Scalars['String']['input']>;
  /** What kind of partner the structure is. */
  kind: StructureKind;
  /** The structure's name: 2 to 200 characters. */
  name: Scalars['String']['input'];
  /** The region (1 to 100 characters). */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The SIRET number (14 digits, checksum verified), when the structure has one. */
  siret?: InputMaybe<Scalars['String']['input']>;
};

/** An endpoint of a partner system and the events it is to be told of. */
export type CreateWebhookSubscriptionInput = {
  /** The event types to deliver: at least one, at most 50, none twice. */
  eventTypes: Array<EventType>;
  /** https (in development also http on 127.0.0.1 or localhost). */
  url: Scalars['String']['input'];
};

/** A part of a person's record with its own access rule (see the access policy): what a field, record or consent is about. */
export type DataDomain =
  /** Substances, treatment, care notes (CSAPA only). */
  | 'HEALTH'
  /** In care or not, where, since when. */
  | 'HEALTH_SUMMARY'
  /** Housing situation, shelter request, placement. */
  | 'HOUSING'
  /** Names, birth date, sex, contact. */
  | 'IDENTITY'
  /** Establishment, expected release date, measure, care obligation. */
  | 'JUDICIAL'
  /** Offence, sentence end, prison number (justice side only). */
  | 'JUDICIAL_DETAIL'
  /** Right steps, resources, employment. */
  | 'SOCIAL';

/** A directory figure about persons, named after its field. */
export type DirectoryFigure =
  /** Persons followed now: `Service.activeFiles` and `Convention.activeFiles`. */
  | 'ACTIVE_FILES'
  /** Housing places free: `Service.available`. */
  | 'AVAILABLE'
  /** Whether a place is free: `Service.hasFreePlaces`. */
  | 'HAS_FREE_PLACES'
  /** Housing places taken: `Service.occupancy`. */
  | 'OCCUPANCY'
  /** Referrals received this year: `Convention.referralsThisYear`. */
  | 'REFERRALS_THIS_YEAR';

/** The person's employment situation as a category; EMPLOYED and ASSISTED_CONTRACT count as employed in outcomes. */
export type EmploymentStatus =
  /** An assisted contract (contrat aidé, insertion through economic activity). */
  | 'ASSISTED_CONTRACT'
  /** Employed under an ordinary work contract. */
  | 'EMPLOYED'
  /** Looking for work. */
  | 'JOB_SEEKING'
  /** No work and not looking for work. */
  | 'NONE'
  /** In vocational training. */
  | 'TRAINING'
  /** Not known to the structures that record it. */
  | 'UNKNOWN';

/** The enrolment of a person your structure follows in an action it carries. */
export type EnrolInActionInput = {
  /** The action, carried by your structure. */
  actionId: Scalars['ID']['input'];
  /** Defaults to today. */
  enrolledOn?: InputMaybe<Scalars['Date']['input']>;
  /** The person, under your structure's full mandate. */
  personId: Scalars['ID']['input'];
};

/** An evaluation of an action over a period: indicators, assessment, weaknesses and perspectives. */
export type EvaluationInput = {
  /** The qualitative assessment ("bilan"). */
  assessment?: InputMaybe<Scalars['String']['input']>;
  /** The quantitative indicators (at most 100); on update they replace the former ones. */
  indicators?: Array<IndicatorInput>;
  /** The last day of the period evaluated. */
  periodEnd: Scalars['Date']['input'];
  /** The first day of the period evaluated. */
  periodStart: Scalars['Date']['input'];
  /** The perspectives drawn: at most 50, each at most 5000 characters. */
  perspectives?: Array<Scalars['String']['input']>;
  /** The weaknesses found: at most 50, each at most 5000 characters. */
  weaknesses?: Array<Scalars['String']['input']>;
};

/** The state changes partners are told of (the outbox). */
export type EventType =
  /** An appointment was recorded as held, missed or cancelled. */
  | 'APPOINTMENT_OUTCOME_RECORDED'
  /** An appointment was scheduled. */
  | 'APPOINTMENT_SCHEDULED'
  /** A case note was written. */
  | 'CASE_NOTE_WRITTEN'
  /** A consent was recorded. */
  | 'CONSENT_RECORDED'
  /** A consent was revoked. */
  | 'CONSENT_REVOKED'
  /** The holding SPIP closed a file. */
  | 'FILE_CLOSED'
  /** A structure closed its follow-up of a person. */
  | 'FOLLOW_UP_CLOSED'
  /** A structure opened a follow-up of a person. */
  | 'FOLLOW_UP_OPENED'
  /** A SPIP registered a person. */
  | 'PERSON_REGISTERED'
  /** A placement ended. */
  | 'PLACEMENT_ENDED'
  /** A person was placed in a housing place. */
  | 'PLACEMENT_MADE'
  /** The receiving structure accepted a referral. */
  | 'REFERRAL_ACCEPTED'
  /** The sender cancelled a referral. */
  | 'REFERRAL_CANCELLED'
  /** The receiving structure completed the support of a referral. */
  | 'REFERRAL_COMPLETED'
  /** A referral (or a shelter request) was sent. */
  | 'REFERRAL_CREATED'
  /** The receiving structure declined a referral. */
  | 'REFERRAL_DECLINED'
  /** The receiving structure started the support of a referral. */
  | 'REFERRAL_STARTED'
  /** A right step became OBTAINED. */
  | 'RIGHT_OBTAINED'
  /** The status of a right step changed. */
  | 'RIGHT_STEP_CHANGED'
  /** The receiving SPIP accepted a transfer. */
  | 'TRANSFER_ACCEPTED'
  /** The receiving SPIP refused a transfer. */
  | 'TRANSFER_REFUSED'
  /** A SPIP asked another to take a file over. */
  | 'TRANSFER_REQUESTED';

/** Why a directory figure about persons is null for the viewer. */
export type FigureWithheldReason =
  /** The figure is about a CSAPA: health data, shown only to that CSAPA. */
  | 'HEALTH_DATA'
  /** The figure counts 1 to 10 persons: partners learn only whether a place is free, evaluators nothing. */
  | 'SMALL_COUNT';

/** What the CSAPA holding the follow-up records; the health summary (in care, since when) follows from it. */
export type HealthRecordInput = {
  /** Whether the person is in care now. */
  inCare: Scalars['Boolean']['input'];
  /** Care notes (at most 20000 characters); left out clears them. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** In care since; defaults to the current value, or today. */
  since?: InputMaybe<Scalars['Date']['input']>;
  /** The substances the person uses: at most 20, each 1 to 100 characters; left out keeps the current list. */
  substances?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The person's current treatment (at most 2000 characters); left out clears it. */
  treatment?: InputMaybe<Scalars['String']['input']>;
};

/** The kind of housing a person has. */
export type HousingStatus =
  /** A CHRS place (centre d'hébergement et de réinsertion sociale). */
  | 'CHRS'
  /** Emergency shelter (hébergement d'urgence). */
  | 'EMERGENCY_SHELTER'
  /** Housed by family or friends. */
  | 'FAMILY'
  /** No housing: the person is homeless, or will be at release. */
  | 'NONE'
  /** A flat rented on the private market. */
  | 'PRIVATE_RENTAL'
  /** A social housing flat (HLM). */
  | 'SOCIAL_HOUSING'
  /** Transitional housing, e.g. a logement relais or a scattered flat of an association. */
  | 'TRANSITIONAL'
  /** Not known to the structures that record it. */
  | 'UNKNOWN';

/** A quantitative indicator of an evaluation, with its breakdown by département. */
export type IndicatorInput = {
  /** Breakdown by département (at most 101 parts). */
  byDepartement?: Array<IndicatorPartInput>;
  /** Stable machine name, e.g. PEOPLE_REACHED. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** What the indicator counts, in words: 1 to 500 characters. */
  name: Scalars['String']['input'];
  /** The unit of the value (at most 100 characters). */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The value for the whole period, zero or more. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** The part of an indicator in one département. */
export type IndicatorPartInput = {
  /** INSEE code of the département, e.g. "44" or "2A". */
  departement: Scalars['String']['input'];
  /** The value in that département, zero or more. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** NONE is a release at the end of the sentence with no measure ("sortie sèche"). */
export type JudicialMeasure =
  /** Conditional release (libération conditionnelle). */
  | 'CONDITIONAL_RELEASE'
  /** Electronic monitoring (détention à domicile sous surveillance électronique). */
  | 'ELECTRONIC_MONITORING'
  /** External placement (placement à l'extérieur). */
  | 'EXTERNAL_PLACEMENT'
  /** Judicial supervision (suivi socio-judiciaire). */
  | 'JUDICIAL_SUPERVISION'
  /** Release at the end of the sentence with no measure ("sortie sèche"). */
  | 'NONE'
  /** Probation ("sursis probatoire"). */
  | 'PROBATION'
  /** Semi-liberty ("semi-liberté"): out by day, back in prison at night. */
  | 'SEMI_LIBERTY';

/** The viewer's structure's mandate on a person. */
export type MandateState =
  /** The mandate ended: only what the structure itself wrote, for the retention period. */
  | 'ENDED'
  /** Holding SPIP of an open file, accepted or in-progress referral, or open follow-up. */
  | 'FULL'
  /** No mandate: the person is invisible. */
  | 'NONE'
  /** A referral to the structure awaits its decision: identity and judicial core only. */
  | 'PENDING';

/** What a person is referred for, and what a service serves. ADDICTION_CARE and HEALTH tell of care: such a referral is health data to anyone but its sender and receiver. */
export type Need =
  /** Addiction care, as a CSAPA gives it. */
  | 'ADDICTION_CARE'
  /** Finding work or training. */
  | 'EMPLOYMENT'
  /** Other health care. */
  | 'HEALTH'
  /** Shelter or housing. */
  | 'HOUSING'
  /** Opening rights: ID card, RSA, health insurance, domiciliation... */
  | 'RIGHTS'
  /** General social support. */
  | 'SOCIAL_SUPPORT';

/** The outcome categorisation of health-promotion actions (A1..D, as in the OSCARS records). */
export type OutcomeCategory =
  /** Développement d’offres de promotion de la santé */
  | 'A1'
  /** Représentation d’intérêts, collaboration entre organisations */
  | 'A2'
  /** Mobilisation sociale (social mobilisation). */
  | 'A3'
  /** Développement de compétences personnelles */
  | 'A4'
  /** Offres en matière de promotion de la santé */
  | 'B1'
  /** Stratégies de promotion de la santé dans la politique et les institutions */
  | 'B2'
  /** Potentiel social et engagement favorables à la santé */
  | 'B3'
  /** Compétences individuelles favorables à la santé */
  | 'B4'
  /** Environnement physique favorable à la santé */
  | 'C1'
  /** Environnement social favorable à la santé */
  | 'C2'
  /** Ressources personnelles et types de comportement favorables à la santé */
  | 'C3'
  /** Espérance de vie en bonne santé, qualité de vie, morbidité et mortalité */
  | 'D';

/** What the rows of an outcome report are grouped by. */
export type OutcomeDimension =
  /** The action the person took part in (its id), or NONE. */
  | 'ACTION'
  /** The département of the SPIP holding the person's file. */
  | 'DEPARTEMENT'
  /** The judicial measure at release. */
  | 'MEASURE'
  /** The kinds of partners that followed the person, e.g. ASSOCIATION+CSAPA, or NONE. */
  | 'STRUCTURE_KIND';

/** What the person attended so far, and when the participation ended. */
export type ParticipationInput = {
  /** Co-intervention sessions the person attended, 0 to 10000. */
  coInterventions: Scalars['Int']['input'];
  /** When the participation ended; null while it goes on. */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Group sessions the person attended, 0 to 10000. */
  groupSessions: Scalars['Int']['input'];
  /** Individual sessions the person attended, 0 to 10000. */
  sessionsAttended: Scalars['Int']['input'];
};

/** Whether the SPIP holding the file still follows the person. */
export type PersonFileStatus =
  /** Closed at the end of the measure: the SPIP keeps read access to what it wrote, for the retention period. */
  | 'CLOSED'
  /** The measure runs: the holding SPIP has a full mandate. */
  | 'OPEN';

/** The person's consent to share one domain, as a structure holding that data records it. */
export type RecordConsentInput = {
  /** The data domain the person consents to share. */
  domain: DataDomain;
  /** An expiry counted from today; or give expiresAt; or neither for none. */
  duration?: InputMaybe<ConsentDuration>;
  /** An expiry date; or give duration; or neither for none. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The person giving consent; your structure needs a full mandate. */
  personId: Scalars['ID']['input'];
  /** Null: every structure holding a mandate on the person. */
  recipientStructureId?: InputMaybe<Scalars['ID']['input']>;
};

/** A referral from the SPIP holding the file to a structure or one of its services. */
export type ReferPersonInput = {
  /** Same key twice from the same structure returns the first referral instead of a duplicate. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why the person is referred, for the receiver (at most 2000 characters). */
  motive?: InputMaybe<Scalars['String']['input']>;
  /** What the person is referred for: 1 to 6 needs, none twice. */
  needs: Array<Need>;
  /** The person to refer; the viewer's SPIP must hold the file. */
  personId: Scalars['ID']['input'];
  /** One of that structure's services, when the referral is for it. */
  serviceId?: InputMaybe<Scalars['ID']['input']>;
  /** The structure to refer the person to. */
  toStructureId: Scalars['ID']['input'];
};

/** Where a referral stands. PENDING gives the receiver a pending mandate; ACCEPTED and IN_PROGRESS a full one; the others end it. */
export type ReferralStatus =
  /** Accepted by the receiving structure: a follow-up is open. */
  | 'ACCEPTED'
  /** Cancelled by the sender, with a reason. */
  | 'CANCELLED'
  /** The support is over: the follow-up is closed. */
  | 'COMPLETED'
  /** Declined by the receiving structure, with a reason. */
  | 'DECLINED'
  /** The receiving structure has started the support. */
  | 'IN_PROGRESS'
  /** Sent; awaiting the receiving structure's decision. */
  | 'PENDING';

/** What a referral warning is about. */
export type ReferralWarningCode =
  /** The convention's yearly quota of referrals is reached. */
  | 'CONVENTION_QUOTA_REACHED'
  /** The expected release is more than six months away. */
  | 'RELEASE_BEYOND_SIX_MONTHS'
  /** The person's expected release date is not known. */
  | 'RELEASE_DATE_UNKNOWN';

/** A detainee as the SPIP registers them: identity, judicial situation and judicial detail. */
export type RegisterPersonInput = {
  /** Date of birth (the person is at least 13); null when unknown. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** Whether the court ordered care ("obligation de soins"). */
  careObligation?: InputMaybe<Scalars['Boolean']['input']>;
  /** The prison where the person is held. */
  establishmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The release date the SPIP expects. */
  expectedReleaseDate: Scalars['Date']['input'];
  /** First name, as written on identity papers; no leading or trailing spaces. */
  firstName: Scalars['String']['input'];
  /** Last name, as written on identity papers; no leading or trailing spaces. */
  lastName: Scalars['String']['input'];
  /** The judicial measure the person is to be released under, when known; NONE for none. */
  measure?: InputMaybe<JudicialMeasure>;
  /** The offence, in the SPIP's words (JUDICIAL_DETAIL: the SPIP alone reads it). */
  offence?: InputMaybe<Scalars['String']['input']>;
  /** The prison registration number ("numéro d'écrou"; JUDICIAL_DETAIL). */
  prisonNumber?: InputMaybe<Scalars['String']['input']>;
  /** The date the sentence ends (JUDICIAL_DETAIL). */
  sentenceEndDate?: InputMaybe<Scalars['Date']['input']>;
  /** F, M or X. */
  sex?: InputMaybe<Scalars['String']['input']>;
};

/** A request for shelter sent to the SIAO, for a person your structure follows. */
export type RequestShelterInput = {
  /** Same key twice from your structure returns the first request. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why, for the SIAO (at most 2000 characters). */
  motive?: InputMaybe<Scalars['String']['input']>;
  /** The person who needs shelter. */
  personId: Scalars['ID']['input'];
  /** The SIAO to ask; defaults to the SIAO of your structure's département. */
  siaoId?: InputMaybe<Scalars['ID']['input']>;
};

/** A right to open before or after release ("ouverture des droits"). */
export type RightKind =
  /** A bank account opened in the person's name. */
  | 'BANK_ACCOUNT'
  /** A postal address (domiciliation) for a person with no home. */
  | 'DOMICILIATION'
  /** Registration with the public employment service. */
  | 'EMPLOYMENT_REGISTRATION'
  /** Health insurance: sécurité sociale, complémentaire santé solidaire. */
  | 'HEALTH_INSURANCE'
  /** National identity card (CNI). */
  | 'ID_CARD'
  /** RSA, the minimum income (revenu de solidarité active). */
  | 'RSA'
  /** A shelter request filed with the SIAO. */
  | 'SHELTER_REQUEST'
  /** A social housing request. */
  | 'SOCIAL_HOUSING_REQUEST';

/** Where the opening of a right stands. */
export type RightStatus =
  /** The right is open. */
  | 'OBTAINED'
  /** The request was refused. */
  | 'REFUSED'
  /** Filed, awaiting an answer. */
  | 'SUBMITTED'
  /** Still to be filed. */
  | 'TO_DO';

/** What an account may do in its structure; an account has one role in one structure. */
export type Role =
  /** A CSAPA's care worker: the only role that writes HEALTH and HEALTH_SUMMARY. */
  | 'CARE_WORKER'
  /** A funder's or observatory's evaluator: actions and suppressed aggregates only, never a person. */
  | 'EVALUATOR'
  /** A SIAO's coordinator: receives shelter requests and orients to places. */
  | 'HOUSING_COORDINATOR'
  /** Manages the directory (structures, conventions) and every structure's accounts; no person data. */
  | 'PLATFORM_ADMIN'
  /** A SPIP's probation officer (CPIP): registers persons, writes JUDICIAL, refers. */
  | 'PROBATION_OFFICER'
  /** An association's social worker: receives referrals, houses and follows. */
  | 'SOCIAL_WORKER'
  /** Manages its own structure's accounts, services, machine clients and webhooks; no person data. */
  | 'STRUCTURE_ADMIN';

/** An appointment a structure with a full mandate schedules with the person. */
export type ScheduleAppointmentInput = {
  /** SOCIAL, HOUSING, HEALTH or JUDICIAL: who may see the appointment. */
  domain: DataDomain;
  /** One of your structure's follow-ups of the person. */
  followUpId?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of appointment it is. */
  kind: AppointmentKind;
  /** The person the appointment is with. */
  personId: Scalars['ID']['input'];
  /** Where it takes place (at most 300 characters). */
  place?: InputMaybe<Scalars['String']['input']>;
  /** When it is to take place. */
  scheduledAt: Scalars['DateTime']['input'];
};

/** A service ("dispositif") of a structure, with its capacity. */
export type ServiceInput = {
  /** Persons the service can follow at once; none when not capped. */
  activeFileCapacity?: InputMaybe<Scalars['Int']['input']>;
  /** Housing places of the service; none when it houses nobody. */
  housingPlaces?: InputMaybe<Scalars['Int']['input']>;
  /** The service's name: 2 to 200 characters. */
  name: Scalars['String']['input'];
  /** Needs a referral to this service may carry. */
  needs?: InputMaybe<Array<Need>>;
  /** Whether referrals may name this service. */
  receivesReferrals?: InputMaybe<Scalars['Boolean']['input']>;
  /** A platform admin names the structure; a structure admin works on its own. */
  structureId?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of partner a structure is (see the access policy for what each reads). */
export type StructureKind =
  /** Social-support association (CHRS, reentry services). */
  | 'ASSOCIATION'
  /** Addiction-care centre; holds health data. */
  | 'CSAPA'
  /** Funder or observatory (ARS, MILDECA, OFDT); sees aggregates only. */
  | 'EVALUATOR'
  /** The platform operator. */
  | 'PLATFORM'
  /** A prison: maison d’arrêt, centre pénitentiaire, QPA. */
  | 'PRISON'
  /** Housing-orientation service of a département. */
  | 'SIAO'
  /** Service pénitentiaire d'insertion et de probation (probation service). */
  | 'SPIP';

/** What happened: a state change (the event types webhooks deliver) or a write of a domain that leaves no event. */
export type TimelineEntryKind =
  /** An appointment was recorded as held, missed or cancelled. */
  | 'APPOINTMENT_OUTCOME_RECORDED'
  /** An appointment was scheduled. */
  | 'APPOINTMENT_SCHEDULED'
  /** Its author's structure edited a case note. */
  | 'CASE_NOTE_EDITED'
  /** A case note was written. */
  | 'CASE_NOTE_WRITTEN'
  /** A consent of the person was recorded. */
  | 'CONSENT_RECORDED'
  /** A consent of the person was revoked. */
  | 'CONSENT_REVOKED'
  /** The person was enrolled in an action. */
  | 'ENROLLED_IN_ACTION'
  /** The holding SPIP closed the file. */
  | 'FILE_CLOSED'
  /** A structure closed its follow-up of the person. */
  | 'FOLLOW_UP_CLOSED'
  /** A structure opened a follow-up of the person. */
  | 'FOLLOW_UP_OPENED'
  /** The CSAPA recorded health data. */
  | 'HEALTH_RECORDED'
  /** The housing situation was updated. */
  | 'HOUSING_SITUATION_UPDATED'
  /** The identity was updated. */
  | 'IDENTITY_UPDATED'
  /** The SPIP imported the person from its case software's export. */
  | 'IMPORTED_FROM_CASE_SOFTWARE'
  /** The judicial detail was updated. */
  | 'JUDICIAL_DETAIL_UPDATED'
  /** The judicial situation was updated. */
  | 'JUDICIAL_SITUATION_UPDATED'
  /** Attendance at an action was recorded. */
  | 'PARTICIPATION_RECORDED'
  /** A SPIP registered the person. */
  | 'PERSON_REGISTERED'
  /** A placement ended. */
  | 'PLACEMENT_ENDED'
  /** The person was placed in a housing place. */
  | 'PLACEMENT_MADE'
  /** The receiving structure accepted a referral. */
  | 'REFERRAL_ACCEPTED'
  /** The sender cancelled a referral. */
  | 'REFERRAL_CANCELLED'
  /** The receiving structure completed the support of a referral. */
  | 'REFERRAL_COMPLETED'
  /** A referral (or a shelter request) of the person was sent. */
  | 'REFERRAL_CREATED'
  /** The receiving structure declined a referral. */
  | 'REFERRAL_DECLINED'
  /** The receiving structure started the support of a referral. */
  | 'REFERRAL_STARTED'
  /** A right was obtained. */
  | 'RIGHT_OBTAINED'
  /** The status of a right step changed. */
  | 'RIGHT_STEP_CHANGED'
  /** The social situation (resources, employment) was updated. */
  | 'SOCIAL_SITUATION_UPDATED'
  /** The receiving SPIP accepted the transfer of the file. */
  | 'TRANSFER_ACCEPTED'
  /** The receiving SPIP refused the transfer of the file. */
  | 'TRANSFER_REFUSED'
  /** The holding SPIP asked another SPIP to take the file over. */
  | 'TRANSFER_REQUESTED';

/** Where the transfer of a file from one SPIP to another stands ("dessaisissement"). */
export type TransferStatus =
  /** The receiving SPIP holds the file now. */
  | 'ACCEPTED'
  /** Awaiting the receiving SPIP's decision. */
  | 'PENDING'
  /** The receiving SPIP refused; the file stays where it was. */
  | 'REFUSED';

/** Only the fields given change. */
export type UpdateConventionInput = {
  /** The convention's title (1 to 200 characters). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The last day the convention applies. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
  /** Referrals a year the convention provides for. */
  yearlyQuota?: InputMaybe<Scalars['Int']['input']>;
};

/** The housing situation as it is to be; placements change through placePerson and endPlacement. */
export type UpdateHousingSituationInput = {
  /** When a shelter request was filed with the SIAO; null for none. */
  shelterRequestedAt?: InputMaybe<Scalars['Date']['input']>;
  /** The kind of housing the person has now. */
  status: HousingStatus;
};

/** The person's identity as it is to be; an optional field left out is cleared. */
export type UpdateIdentityInput = {
  /** Date of birth (the person is at least 13); null when unknown. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** An email address to reach the person; null for none. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** First name, as written on identity papers; no leading or trailing spaces. */
  firstName: Scalars['String']['input'];
  /** Last name, as written on identity papers; no leading or trailing spaces. */
  lastName: Scalars['String']['input'];
  /** A phone number to reach the person (digits, spaces, + ( ) . -); null for none. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** F, M or X. */
  sex?: InputMaybe<Scalars['String']['input']>;
};

/** The judicial detail as it is to be (JUDICIAL_DETAIL, the SPIP's alone); a field left out is cleared. */
export type UpdateJudicialDetailInput = {
  /** The offence, in the SPIP's words. */
  offence?: InputMaybe<Scalars['String']['input']>;
  /** The prison registration number ("numéro d'écrou"). */
  prisonNumber?: InputMaybe<Scalars['String']['input']>;
  /** The date the sentence ends. */
  sentenceEndDate?: InputMaybe<Scalars['Date']['input']>;
};

/** The judicial situation as it is to be; an optional field left out is cleared. */
export type UpdateJudicialSituationInput = {
  /** Whether the court ordered care ("obligation de soins"). */
  careObligation: Scalars['Boolean']['input'];
  /** The prison where the person is held; null once released or when unknown. */
  establishmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The release date the SPIP expects; null when unknown. */
  expectedReleaseDate?: InputMaybe<Scalars['Date']['input']>;
  /** The judicial measure; NONE for a release at the end of the sentence. */
  measure: JudicialMeasure;
  /** The actual release date, once released. */
  releasedOn?: InputMaybe<Scalars['Date']['input']>;
};

/** Resources and employment as they are to be; a field left out is cleared. Right steps change through updateRightStep. */
export type UpdateSocialSituationInput = {
  /** The employment situation, as free text. */
  employment?: InputMaybe<Scalars['String']['input']>;
  /** The employment situation as a category; UNKNOWN when left out. */
  employmentStatus?: InputMaybe<EmploymentStatus>;
  /** The person's resources (income, benefits), as free text. */
  resources?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears an optional one. */
export type UpdateStructureInput = {
  /** The city (1 to 100 characters). */
  city?: InputMaybe<Scalars['String']['input']>;
  /** INSEE code of the département, e.g. "38" or "2A". */
  departement?: InputMaybe<Scalars['String']['input']>;
  /** The new name: 2 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The region (1 to 100 characters). */
  region?: InputMaybe<Scalars['String']['input']>;
  /** The SIRET number (14 digits, checksum verified), when the structure has one. */
  siret?: InputMaybe<Scalars['String']['input']>;
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** The endpoint answered 2xx within 10 seconds. */
  | 'DELIVERED'
  /** Not delivered within the retry window (at least 24 hours). */
  | 'FAILED'
  /** Waiting for its first attempt or its next one. */
  | 'PENDING'
  /** An attempt is under way. */
  | 'SENDING'
  /** Never sent: the structure may no longer see the record. Such deliveries are never listed. */
  | 'WITHHELD';

/** A case note a structure writes about a person, in a domain it may write. */
export type WriteCaseNoteInput = {
  /** The note this one corrects (notes are append-only after 24 hours). */
  correctsId?: InputMaybe<Scalars['ID']['input']>;
  /** SOCIAL, HOUSING, HEALTH or JUDICIAL: who may read the note. */
  domain: DataDomain;
  /** The follow-up of your structure the note belongs to, if any. */
  followUpId?: InputMaybe<Scalars['ID']['input']>;
  /** The person the note is about. */
  personId: Scalars['ID']['input'];
  /** The note: 1 to 20000 characters. */
  text: Scalars['String']['input'];
};

export type SubjectAccessStructureFragment = { name: string, kind: StructureKind };

export type SubjectAccessRecordQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SubjectAccessRecordQuery = { person?: { id: string, pseudonym: string, mandate: MandateState, visibleDomains: Array<DataDomain>, identity?: { firstName: string, lastName: string, birthDate?: string | null, sex?: string | null, phone?: string | null, email?: string | null } | null, judicial?: { expectedReleaseDate?: string | null, releasedOn?: string | null, measure?: JudicialMeasure | null, careObligation?: boolean | null, establishment?: { name: string, kind: StructureKind } | null, detail?: { offence?: string | null, sentenceEndDate?: string | null, prisonNumber?: string | null } | null } | null, social?: { resources?: string | null, employment?: string | null, employmentStatus?: EmploymentStatus | null, rights: Array<{ kind: RightKind, status: RightStatus, note?: string | null, updatedAt: string, history: Array<{ at: string, fromStatus?: RightStatus | null, toStatus: RightStatus, note?: string | null, structure?: { name: string, kind: StructureKind } | null }> }> } | null, housing?: { status: HousingStatus, shelterRequestedAt?: string | null, placement?: { name: string, structure: { name: string, kind: StructureKind } } | null } | null, healthSummary?: { inCare: boolean, since?: string | null, careStructure?: { name: string, kind: StructureKind } | null } | null, health?: { substances: Array<string>, treatment?: string | null, notes?: string | null } | null, referrals: Array<{ createdAt: string, status: ReferralStatus, needs: Array<Need>, motive?: string | null, decidedAt?: string | null, declineReason?: string | null, cancelReason?: string | null, closedAt?: string | null, fromStructure: { name: string, kind: StructureKind }, toStructure: { name: string, kind: StructureKind }, service?: { name: string } | null }>, followUps: Array<{ startDate: string, endDate?: string | null, open: boolean, closingReason?: string | null, structure: { name: string, kind: StructureKind }, service?: { name: string } | null }>, appointments: Array<{ scheduledAt: string, heldAt?: string | null, kind: AppointmentKind, domain: DataDomain, status: AppointmentStatus, place?: string | null, structure: { name: string, kind: StructureKind } }>, placements: Array<{ startDate: string, endDate?: string | null, current: boolean, endReason?: string | null, service: { name: string }, structure: { name: string, kind: StructureKind } }>, caseNotes: Array<{ createdAt: string, updatedAt: string, domain: DataDomain, text: string, authorStructure: { name: string, kind: StructureKind }, corrects?: { createdAt: string } | null }>, consents: Array<{ domain: DataDomain, givenAt: string, expiresAt?: string | null, revokedAt?: string | null, inForce: boolean, recipient?: { name: string, kind: StructureKind } | null, recordedBy: { name: string, kind: StructureKind } }>, file?: { status: PersonFileStatus, closedAt?: string | null, closedReason?: string | null, holder: { name: string, kind: StructureKind } } | null, transfers: Array<{ status: TransferStatus, reason?: string | null, refusalReason?: string | null, requestedAt: string, decidedAt?: string | null, fromSpip: { name: string, kind: StructureKind }, toSpip: { name: string, kind: StructureKind } }>, timeline: { edges: Array<{ node: { at: string, kind: TimelineEntryKind, domains: Array<DataDomain>, status?: string | null, structure?: { name: string, kind: StructureKind } | null } }> }, participations: Array<{ enrolledOn: string, endedOn?: string | null, sessionsAttended: number, groupSessions: number, coInterventions: number, action: { title: string }, structure: { name: string, kind: StructureKind } }> } | null };

export const SubjectAccessStructureFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectAccessStructure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Structure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]} as unknown as DocumentNode<SubjectAccessStructureFragment, unknown>;
export const SubjectAccessRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectAccessRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pseudonym"}},{"kind":"Field","name":{"kind":"Name","value":"mandate"}},{"kind":"Field","name":{"kind":"Name","value":"visibleDomains"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"judicial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedReleaseDate"}},{"kind":"Field","name":{"kind":"Name","value":"releasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"careObligation"}},{"kind":"Field","name":{"kind":"Name","value":"detail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offence"}},{"kind":"Field","name":{"kind":"Name","value":"sentenceEndDate"}},{"kind":"Field","name":{"kind":"Name","value":"prisonNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"social"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"}},{"kind":"Field","name":{"kind":"Name","value":"employment"}},{"kind":"Field","name":{"kind":"Name","value":"employmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"rights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"housing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shelterRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"placement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inCare"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"careStructure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"substances"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"motive"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStructure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toStructure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"closingReason"}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"heldAt"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"placements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseNotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorStructure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"corrects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inForce"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedReason"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromSpip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSpip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"participations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsAttended"}},{"kind":"Field","name":{"kind":"Name","value":"groupSessions"}},{"kind":"Field","name":{"kind":"Name","value":"coInterventions"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"structure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubjectAccessStructure"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubjectAccessStructure"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Structure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]} as unknown as DocumentNode<SubjectAccessRecordQuery, SubjectAccessRecordQueryVariables>;