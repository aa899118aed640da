/* eslint-disable */
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
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

/** One audited access to a person's record. */
export type AccessLogEntry = {
  /** When the access happened. */
  at: Scalars['DateTime']['output'];
  /** Whether a person (USER) or a partner system (MACHINE) accessed the record. */
  client: ClientKind;
  /** The data domains read or written. */
  domains: Array<DataDomain>;
  /** READ or WRITE. */
  kind: Scalars['String']['output'];
  /** The GraphQL operation name, when the client gave one; shown only to the structure that sent it. */
  operation?: Maybe<Scalars['String']['output']>;
  /** The role of the account or machine client that accessed the record. */
  role: Role;
  /** The structure that accessed the record. */
  structure: Structure;
};

/** A page of the accesses to a person's record that you may see, newest first. */
export type AccessLogEntryConnection = {
  /** The items of this page, each with its cursor. */
  edges: Array<AccessLogEntryEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One audited access of a page, with its position. */
export type AccessLogEntryEdge = {
  /** Its position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The audited access at this position. */
  node: AccessLogEntry;
};

/** A login: one role in one structure. */
export type Account = {
  /** Whether a person (USER) or a partner system (MACHINE) uses the account. */
  clientKind: ClientKind;
  /** The name shown to partners, e.g. on case notes. */
  displayName: Scalars['String']['output'];
  /** The account's id (the sub of its tokens). */
  id: Scalars['ID']['output'];
  /** The login, unique on the platform. */
  login: Scalars['String']['output'];
  /** The account's role in its structure. */
  role: Role;
  /** The structure the account belongs to. */
  structure: Structure;
};

/** A page of a structure's accounts, by login. */
export type AccountConnection = {
  /** The items of this page, each with its cursor. */
  edges: Array<AccountEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One account of a page, with its position. */
export type AccountEdge = {
  /** Its position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The account at this position. */
  node: Account;
};

/** A program, as recorded in the OSCARS database of regional health actions. */
export type Action = Node & {
  /** People reached, as declared by the carrier. */
  beneficiaries?: Maybe<Scalars['Int']['output']>;
  /** The carrier structure ("porteur"). */
  carrier: Structure;
  /** Outcome categorisation (A1..D). */
  categories: Array<OutcomeCategory>;
  /** INSEE codes of the départements where the action runs. */
  departements: Array<Scalars['String']['output']>;
  /** What the action does, as free text; null when not given. */
  description?: Maybe<Scalars['String']['output']>;
  /** As written in the record, e.g. "12 mois". */
  duration?: Maybe<Scalars['String']['output']>;
  /** The year the action ended or is to end; null when not given. */
  endYear?: Maybe<Scalars['Int']['output']>;
  /** The evaluations of the action, over their periods. */
  evaluations: Array<Evaluation>;
  /** Whether the action is one-off or repeated; null when not given. */
  frequency?: Maybe<ActionFrequency>;
  /** The general objectives of the action. */
  generalObjectives: Array<Scalars['String']['output']>;
  /** The action's id. */
  id: Scalars['ID']['output'];
  /** The national plan the action falls under, if any. */
  nationalPlan?: Maybe<Scalars['String']['output']>;
  /** General objectives, then operational objectives. */
  objectives: Array<Scalars['String']['output']>;
  /** The operational objectives of the action. */
  operationalObjectives: Array<Scalars['String']['output']>;
  /** Places of intervention. */
  places: Array<Scalars['String']['output']>;
  /** The region where the action runs; null when not given. */
  region?: Maybe<Scalars['String']['output']>;
  /** Sector of activity, e.g. "Etablissement pénitentiaire". */
  sector?: Maybe<Scalars['String']['output']>;
  /** The year the action started; null when not given. */
  startYear?: Maybe<Scalars['Int']['output']>;
  /** Who the action is for, e.g. persons leaving prison with an addiction. */
  targetPublic?: Maybe<Scalars['String']['output']>;
  /** The action's theme, e.g. addictive behaviours. */
  theme: Scalars['String']['output'];
  /** The action's title, as in the record. */
  title: Scalars['String']['output'];
  /** What kinds of intervention the action makes. */
  types: Array<ActionType>;
  /** Give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};

/** A page of the programs, most recent first. */
export type ActionConnection = {
  /** The items of this page, each with its cursor. */
  edges: Array<ActionEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One program of a page, with its position. */
export type ActionEdge = {
  /** Its position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The program at this position. */
  node: Action;
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

/** An appointment with the person; read under the policy of its domain. */
export type Appointment = {
  /** The data domain of the appointment: who may see it, under the policy of that domain. */
  domain: DataDomain;
  /** When it was held; null unless held. */
  heldAt?: Maybe<Scalars['DateTime']['output']>;
  /** The appointment's id. */
  id: Scalars['ID']['output'];
  /** What kind of appointment it is. */
  kind: AppointmentKind;
  /** The person the appointment is with. */
  person: Person;
  /** Where it takes place; null when not given. */
  place?: Maybe<Scalars['String']['output']>;
  /** When it is scheduled. */
  scheduledAt: Scalars['DateTime']['output'];
  /** Scheduled, held, missed (no-show) or cancelled. */
  status: AppointmentStatus;
  /** The structure holding the appointment. */
  structure: Structure;
  /** The appointment's version; give it back as expectedVersion when recording its outcome. */
  version: Scalars['Int']['output'];
};

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

/** A worker's note; read under the policy of its domain; corrected by a new note. */
export type CaseNote = {
  /** The display name of the worker who wrote the note; null when the account is unknown. */
  authorName?: Maybe<Scalars['String']['output']>;
  /** The structure whose worker wrote the note. */
  authorStructure: Structure;
  /** The note this one corrects, when you may read it. */
  corrects?: Maybe<CaseNote>;
  /** When the note was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The data domain of the note: who may read it, under the policy of that domain. */
  domain: DataDomain;
  /** True while the viewer's structure wrote it less than 24 hours ago. */
  editable: Scalars['Boolean']['output'];
  /** The note's id. */
  id: Scalars['ID']['output'];
  /** The person the note is about. */
  person: Person;
  /** The note, as its author wrote it. */
  text: Scalars['String']['output'];
  /** When the note was last edited (its author's structure may edit it within 24 hours). */
  updatedAt: Scalars['DateTime']['output'];
  /** The note's version; give it back as expectedVersion when editing. */
  version: Scalars['Int']['output'];
};

/** A page of your caseload, with the total of all pages. */
export type CaseloadConnection = {
  /** The caseload entries of this page, each with its cursor. */
  edges: Array<CaseloadEdge>;
  /** Where the page stands in the caseload, and how to ask for the next one. */
  pageInfo: PageInfo;
  /** Persons in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One entry of a caseload page, with its position. */
export type CaseloadEdge = {
  /** The entry's position in the caseload: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The caseload entry. */
  node: CaseloadEntry;
};

/** A person under your structure's mandate, with what needs action soon. */
export type CaseloadEntry = {
  /** Days from today to the expected release; negative once past. */
  daysToRelease?: Maybe<Scalars['Int']['output']>;
  /** The expected release date (JUDICIAL); null when unknown. */
  expectedReleaseDate?: Maybe<Scalars['Date']['output']>;
  /** What needs action soon, computed only from what you may read. */
  flags: Array<CaseloadFlag>;
  /** Your structure's mandate on the person: FULL or PENDING. */
  mandate: MandateState;
  /** Your structure’s next appointment with the person. */
  nextAppointment?: Maybe<Appointment>;
  /** Referrals to your structure awaiting your decision. */
  pendingReferrals: Array<Referral>;
  /** The person under your mandate. */
  person: Person;
  /** Right steps still TO_DO; null when SOCIAL is hidden from you. */
  rightsToSubmit?: Maybe<Scalars['Int']['output']>;
};

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

/** The person's consent to share one domain with a structure, or with every structure holding a mandate. */
export type Consent = {
  /** The data domain the person consents to share. */
  domain: DataDomain;
  /** When the consent expires; null when it does not. An expired consent counts as revoked. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the consent was recorded. */
  givenAt: Scalars['DateTime']['output'];
  /** The consent's id. */
  id: Scalars['ID']['output'];
  /** Given, not revoked, not expired. */
  inForce: Scalars['Boolean']['output'];
  /** The person who gave the consent. */
  person: Person;
  /** Null means every structure that holds a mandate on the person. */
  recipient?: Maybe<Structure>;
  /** The structure, holding the data, that recorded the consent. */
  recordedBy: Structure;
  /** When the consent was revoked; null while not revoked. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The consent's version. */
  version: Scalars['Int']['output'];
};

/** An expiry counted from today. */
export type ConsentDuration =
  /** The consent expires one year from today. */
  | 'ONE_YEAR'
  /** The consent expires two years from today. */
  | 'TWO_YEARS';

/** An agreement under which a structure receives referrals from a partner, with a yearly quota. */
export type Convention = {
  /** The active-file capacity of the convention’s service. */
  activeFileCapacity?: Maybe<Scalars['Int']['output']>;
  /** Persons followed now in the service (or structure) of the convention; the same figure as `Service.activeFiles`, under the same rule. */
  activeFiles?: Maybe<Scalars['Int']['output']>;
  /** The convention's id. */
  id: Scalars['ID']['output'];
  /** The referring partner. */
  partner: Structure;
  /** Referrals received this calendar year under the convention, cancelled ones aside. Null when the viewer may not know (listed in `withheldFigures`): exact for the receiving structure; to anyone else, never shown when the receiver or the partner is a CSAPA (other than the viewer), and never when it counts 1 to 10. */
  referralsThisYear?: Maybe<Scalars['Int']['output']>;
  /** The service of the receiving structure the convention is for; null when it is for the whole structure. */
  service?: Maybe<Service>;
  /** The receiving structure. */
  structure: Structure;
  /** The convention's title; null when not given. */
  title?: Maybe<Scalars['String']['output']>;
  /** The first day the convention applies. */
  validFrom: Scalars['Date']['output'];
  /** The last day the convention applies; null when open-ended. */
  validTo?: Maybe<Scalars['Date']['output']>;
  /** The figures about persons of this convention that are null for the viewer, and why. */
  withheldFigures: Array<WithheldFigure>;
  /** Referrals a year the convention provides for. */
  yearlyQuota: Scalars['Int']['output'];
};

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

/** The evaluation of an action over a period. */
export type Evaluation = {
  /** The action evaluated. */
  action: Action;
  /** The qualitative assessment ("bilan"). */
  assessment?: Maybe<Scalars['String']['output']>;
  /** The carrier or evaluator that recorded it. */
  author?: Maybe<Structure>;
  /** The evaluation's id. */
  id: Scalars['ID']['output'];
  /** The quantitative indicators of the period. */
  indicators: Array<Indicator>;
  /** The last day of the period evaluated. */
  periodEnd: Scalars['Date']['output'];
  /** The first day of the period evaluated. */
  periodStart: Scalars['Date']['output'];
  /** The perspectives it draws for the action. */
  perspectives: Array<Scalars['String']['output']>;
  /** Give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
  /** The weaknesses the evaluation found. */
  weaknesses: Array<Scalars['String']['output']>;
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

/** The support a structure gives a person, opened by an accepted referral. */
export type FollowUp = {
  /** Why the structure closed the follow-up; null while open. */
  closingReason?: Maybe<Scalars['String']['output']>;
  /** When the support ended; null while open. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The follow-up's id. */
  id: Scalars['ID']['output'];
  /** True while the support goes on (no end date). */
  open: Scalars['Boolean']['output'];
  /** The person followed. */
  person: Person;
  /** The referral that opened it, when you may see it. */
  referral?: Maybe<Referral>;
  /** The service giving the support; null when none is named. */
  service?: Maybe<Service>;
  /** When the support started. */
  startDate: Scalars['Date']['output'];
  /** The structure giving the support. */
  structure: Structure;
  /** The follow-up's version; give it back as expectedVersion when closing. */
  version: Scalars['Int']['output'];
  /** The worker in charge. */
  workerName?: Maybe<Scalars['String']['output']>;
};

/** Kept by the CSAPA that follows the person, under medical secrecy. */
export type HealthRecord = {
  /** The CSAPA's care notes; null when none. */
  notes?: Maybe<Scalars['String']['output']>;
  /** The substances the person uses, as the CSAPA records them. */
  substances: Array<Scalars['String']['output']>;
  /** The person's current treatment (e.g. opioid substitution); null when none is recorded. */
  treatment?: Maybe<Scalars['String']['output']>;
  /** The health record's version; give it back as expectedVersion when recording. */
  version: Scalars['Int']['output'];
};

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

/** What a care attestation says: in care or not, where, since when. */
export type HealthSummary = {
  /** The CSAPA giving the care; null when none is recorded. */
  careStructure?: Maybe<Structure>;
  /** Whether the person is in care now. */
  inCare: Scalars['Boolean']['output'];
  /** Since when the person is in care, as the care attestation says; null when unknown. */
  since?: Maybe<Scalars['Date']['output']>;
};

/** Where the person lives or will live (HOUSING domain). */
export type HousingSituation = {
  /** The service housing the person, when placed. */
  placement?: Maybe<Service>;
  /** When a shelter request was filed with the SIAO; null when none was. */
  shelterRequestedAt?: Maybe<Scalars['Date']['output']>;
  /** The kind of housing the person has now. */
  status: HousingStatus;
  /** The version of the housing situation; give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
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

/** A quantitative indicator of an evaluation. */
export type Indicator = {
  /** Breakdown by département code, when the indicator has one. */
  byDepartement: Array<IndicatorPart>;
  /** Stable machine name, e.g. PEOPLE_REACHED. */
  code?: Maybe<Scalars['String']['output']>;
  /** What the indicator counts, in words, e.g. people reached. */
  name: Scalars['String']['output'];
  /** The unit of the value, e.g. persons or sessions; null when not given. */
  unit?: Maybe<Scalars['String']['output']>;
  /** The indicator's value for the whole period; null when not given. */
  value?: Maybe<Scalars['Float']['output']>;
};

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
export type IndicatorPart = {
  /** INSEE code of the département. */
  departement: Scalars['String']['output'];
  /** The indicator's value in that département; null when not given. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** The part of an indicator in one département. */
export type IndicatorPartInput = {
  /** INSEE code of the département, e.g. "44" or "2A". */
  departement: Scalars['String']['input'];
  /** The value in that département, zero or more. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** What only the justice side may read (JUDICIAL_DETAIL domain): offence, sentence end and prison number. Shown to the SPIP alone. */
export type JudicialDetail = {
  /** The offence the person was sentenced for, in the SPIP's words; null when not recorded. */
  offence?: Maybe<Scalars['String']['output']>;
  /** The person's prison registration number ("numéro d'écrou"); null when not recorded. */
  prisonNumber?: Maybe<Scalars['String']['output']>;
  /** The date the sentence ends, which may come after release under a measure; null when not recorded. */
  sentenceEndDate?: Maybe<Scalars['Date']['output']>;
  /** The version of the judicial detail; give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
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

/** The judicial core a partner needs to prepare release (JUDICIAL domain): where the person is held, when release is expected and under which measure. Shown under a pending mandate too, without the care obligation. */
export type JudicialSituation = {
  /** Court-ordered care; null under a pending mandate (it reveals health). */
  careObligation?: Maybe<Scalars['Boolean']['output']>;
  /** Null unless JUDICIAL_DETAIL is visible. */
  detail?: Maybe<JudicialDetail>;
  /** The prison where the person is held. */
  establishment?: Maybe<Structure>;
  /** The release date the SPIP expects; null when unknown. Referrals are usually made within the 6 months before it. */
  expectedReleaseDate?: Maybe<Scalars['Date']['output']>;
  /** The judicial measure the person is released under; NONE for a release at the end of the sentence; null when not recorded yet. */
  measure?: Maybe<JudicialMeasure>;
  /** Actual release date, once released. */
  releasedOn?: Maybe<Scalars['Date']['output']>;
  /** Null under a pending mandate. */
  version?: Maybe<Scalars['Int']['output']>;
};

/** A partner system that authenticates with OAuth 2.0 client credentials, as one role of its structure. */
export type MachineClient = {
  /** When the client was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The client_id the client authenticates with. */
  id: Scalars['ID']['output'];
  /** The partner system's name. */
  name: Scalars['String']['output'];
  /** Revoked clients get no token, and their tokens are refused. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The role the client acts as, in its structure. */
  role: Role;
  /** When the current secret was issued. */
  secretRotatedAt: Scalars['DateTime']['output'];
};

/** The secret is shown here once; only its hash is kept. */
export type MachineClientCredentials = {
  /** The machine client. */
  client: MachineClient;
  /** The client_id, for the token endpoint. */
  clientId: Scalars['ID']['output'];
  /** The client secret, shown here once: store it now. */
  clientSecret: Scalars['String']['output'];
};

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

/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type Mutation = {
  /** The receiving structure accepts: a follow-up opens. */
  acceptReferral: Referral;
  /** The receiving SPIP takes the file over; the former SPIP keeps its own writings, read-only. */
  acceptTransfer: Transfer;
  /** The referring SPIP cancels, with a reason. */
  cancelReferral: Referral;
  /** The holding SPIP closes the file at the end of the measure; its mandate ends. */
  closeFile: Person;
  /** The structure closes its follow-up: its referral completes and its mandate ends. */
  closeFollowUp: FollowUp;
  /** The receiving structure completes the support: the follow-up closes. */
  completeReferral: Referral;
  /** A worker role that fits the structure's kind. */
  createAccount: Account;
  /** A structure records one of its programs, as its carrier. */
  createAction: Action;
  /** Records a convention between a referring partner and a receiving structure; platform admins only. */
  createConvention: Convention;
  /** A partner system of your structure; its secret is shown once. */
  createMachineClient: MachineClientCredentials;
  /** A structure admin for its structure; platform admins for any. */
  createService: Service;
  /** Adds a structure to the directory; platform admins only. */
  createStructure: Structure;
  /** Events of these types, as your structure may see their records when delivered; the secret is shown once. */
  createWebhookSubscription: WebhookSubscriptionCreated;
  /** The receiving structure declines, with a reason. */
  declineReferral: Referral;
  /** Nothing more is delivered to it; its deliveries stay listed. */
  deleteWebhookSubscription: WebhookSubscription;
  /** Refused from its next request, whatever its token. */
  disableAccount: Account;
  /** Its author's structure edits a note within 24 hours. */
  editCaseNote: CaseNote;
  /** Lets a disabled account in again, from its next request. */
  enableAccount: Account;
  /** Ends a placement: the place is free again. */
  endPlacement: Placement;
  /** The carrier enrols a person it follows in its action. */
  enrolInAction: Participation;
  /** Ties the account to a subject of an OIDC provider (ProConnect): that provider's tokens for the subject act as the account. */
  linkExternalIdentity: Account;
  /** The structure running the service places the person in one of its housing places. */
  placePerson: Placement;
  /** Held, missed (no-show) or cancelled: recorded by the structure holding it. */
  recordAppointmentOutcome: Appointment;
  /** A structure holding the data records the person’s consent to share it. */
  recordConsent: Consent;
  /** An evaluator, or the carrier, records an evaluation of an action for a period. */
  recordEvaluation: Evaluation;
  /** The CSAPA holding the follow-up records health data; the summary follows. */
  recordHealth: HealthRecord;
  /** The enrolling structure records attendance and the end of a participation. */
  recordParticipation: Participation;
  /** Sends a delivery again, with the same webhook-id. */
  redeliverWebhook: WebhookDelivery;
  /** The SPIP holding the file refers the person. */
  referPerson: Referral;
  /** The receiving SPIP refuses the transfer, with a reason. */
  refuseTransfer: Transfer;
  /** A SPIP registers a detainee and holds the file. */
  registerPerson: Person;
  /** A partner following the person asks the SIAO for shelter (a referral for HOUSING). */
  requestShelter: Referral;
  /** The holding SPIP restricts the person: the identity is shown only to itself and to the structures named; never found by name. */
  restrictPerson: Person;
  /** Revocation takes effect on the next request. */
  revokeConsent: Consent;
  /** For good: no more tokens, and its tokens are refused from the next request. */
  revokeMachineClient: MachineClient;
  /** A new secret, shown once; the old one stops working at once. */
  rotateMachineClientSecret: MachineClientCredentials;
  /** A structure with a full mandate schedules an appointment in a domain it writes. */
  scheduleAppointment: Appointment;
  /** The receiving structure has started the support. */
  startReferral: Referral;
  /** The SPIP holding an open file asks another SPIP to take it over. */
  transferPerson: Transfer;
  /** The holding SPIP lifts the restriction. */
  unrestrictPerson: Person;
  /** The carrier edits its action. */
  updateAction: Action;
  /** Changes a convention's title, quota or end; platform admins only. */
  updateConvention: Convention;
  /** The structure that recorded an evaluation corrects it; indicators are replaced. */
  updateEvaluation: Evaluation;
  /** Sets the housing situation; for a structure with a full mandate that may write HOUSING. */
  updateHousingSituation: Person;
  /** Corrects the person's identity; for a structure with a full mandate that may write IDENTITY. */
  updateIdentity: Person;
  /** The SPIP holding the file sets the offence, sentence end and prison number (JUDICIAL_DETAIL). */
  updateJudicialDetail: Person;
  /** The SPIP holding the file sets the judicial situation (only a PROBATION_OFFICER writes JUDICIAL). */
  updateJudicialSituation: Person;
  /** Sets where a right stands; the change is kept in its history. */
  updateRightStep?: Maybe<SocialSituation>;
  /** A structure admin for its structure; platform admins for any. */
  updateService: Service;
  /** Sets resources and employment; for a structure with a full mandate that may write SOCIAL. */
  updateSocialSituation: Person;
  /** Corrects a structure of the directory; platform admins only. */
  updateStructure: Structure;
  /** A note in a domain you write; notes are append-only after 24 hours. */
  writeCaseNote: CaseNote;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationAcceptReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationAcceptTransferArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCancelReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCloseFileArgs = {
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCloseFollowUpArgs = {
  endDate?: InputMaybe<Scalars['Date']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCompleteReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateActionArgs = {
  input: ActionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateConventionArgs = {
  input: CreateConventionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateMachineClientArgs = {
  input: CreateMachineClientInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateServiceArgs = {
  input: ServiceInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateStructureArgs = {
  input: CreateStructureInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationCreateWebhookSubscriptionArgs = {
  input: CreateWebhookSubscriptionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationDeclineReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationDeleteWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationDisableAccountArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationEditCaseNoteArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationEnableAccountArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationEndPlacementArgs = {
  endDate?: InputMaybe<Scalars['Date']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  nextHousingStatus?: InputMaybe<HousingStatus>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationEnrolInActionArgs = {
  input: EnrolInActionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationLinkExternalIdentityArgs = {
  accountId: Scalars['ID']['input'];
  issuer: Scalars['String']['input'];
  subject: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationPlacePersonArgs = {
  housingStatus?: InputMaybe<HousingStatus>;
  personId: Scalars['ID']['input'];
  serviceId: Scalars['ID']['input'];
  startDate?: InputMaybe<Scalars['Date']['input']>;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRecordAppointmentOutcomeArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  heldAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  outcome: AppointmentOutcome;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRecordConsentArgs = {
  input: RecordConsentInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRecordEvaluationArgs = {
  actionId: Scalars['ID']['input'];
  input: EvaluationInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRecordHealthArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: HealthRecordInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRecordParticipationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: ParticipationInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationReferPersonArgs = {
  input: ReferPersonInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRefuseTransferArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRequestShelterArgs = {
  input: RequestShelterInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRestrictPersonArgs = {
  personId: Scalars['ID']['input'];
  visibleTo: Array<Scalars['ID']['input']>;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRevokeConsentArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRevokeMachineClientArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationRotateMachineClientSecretArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationScheduleAppointmentArgs = {
  input: ScheduleAppointmentInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationStartReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationTransferPersonArgs = {
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  toSpipId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUnrestrictPersonArgs = {
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateActionArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: ActionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateConventionArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateConventionInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateEvaluationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: EvaluationInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateHousingSituationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateHousingSituationInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateIdentityArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateIdentityInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateJudicialDetailArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateJudicialDetailInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateJudicialSituationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateJudicialSituationInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateRightStepArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  kind: RightKind;
  note?: InputMaybe<Scalars['String']['input']>;
  personId: Scalars['ID']['input'];
  status: RightStatus;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateServiceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: ServiceInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateSocialSituationArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: UpdateSocialSituationInput;
  personId: Scalars['ID']['input'];
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationUpdateStructureArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  input: UpdateStructureInput;
};


/** What the viewer may write, each under the access policy and audited in the same transaction: persons and their records, referrals, follow-ups, consents, actions, and administration. */
export type MutationWriteCaseNoteArgs = {
  input: WriteCaseNoteInput;
};

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

/** An object that can be fetched again by its id alone, with node(id), under the same access policy as its own query. */
export type Node = {
  /** The id, unique across every type of the API (a UUID). */
  id: Scalars['ID']['output'];
};

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

/** Outcomes of the persons released in whole calendar years, grouped and protected. */
export type OutcomeReport = {
  /** January 1st of the first year covered. */
  from: Scalars['Date']['output'];
  /** The dimensions the rows are grouped by, as asked. */
  groupBy: Array<OutcomeDimension>;
  /** One row per group (or a single total row), counts protected. */
  rows: Array<OutcomeRow>;
  /** December 31st of the last year covered. */
  to: Scalars['Date']['output'];
  /** Each year of the period, published or not: rows count the published ones only. */
  years: Array<OutcomeYear>;
};

/** The outcomes of one group of released persons; every count is suppressed when small or when it could reveal a small one. */
export type OutcomeRow = {
  /** Persons whose employment status, as last recorded, is EMPLOYED or ASSISTED_CONTRACT. */
  employed: SuppressedCount;
  /** Group keys, e.g. departement=49 or measure=PROBATION, as key=value strings. */
  group: Array<Scalars['String']['output']>;
  /** Persons housed at release: a placement open on the release date, or a housing status other than NONE and UNKNOWN. */
  housedAtRelease: SuppressedCount;
  /** Persons whose health summary, as last recorded, says they are in care. */
  inCare: SuppressedCount;
  /** Persons of the group released in the period. */
  persons: SuppressedCount;
  /** Persons with at least one right step OBTAINED. */
  rightsOpened: SuppressedCount;
};

/** A calendar year of the report: its outcomes are served only once published, and never change afterwards. */
export type OutcomeYear = {
  /** The day the year is published (configurable; by default 1 March of the following year). */
  publicationDate: Scalars['Date']['output'];
  /** When the year was published; null while it is not, or when it had no cohort when its day came (its rows are then left out). */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The calendar year, e.g. 2024. */
  year: Scalars['Int']['output'];
};

/** A page's position in its list. */
export type PageInfo = {
  /** The last edge's cursor: give it as after for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow: ask again with after: endCursor. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether the page started after a cursor (lists page forward). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A person's participation in an action: enrolment and attendance. */
export type Participation = {
  /** The action the person takes part in. */
  action: Action;
  /** Sessions held jointly with another professional (co-interventions) the person attended. */
  coInterventions: Scalars['Int']['output'];
  /** When the participation ended; null while it goes on. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** When the person was enrolled. */
  enrolledOn: Scalars['Date']['output'];
  /** Group sessions the person attended. */
  groupSessions: Scalars['Int']['output'];
  /** The participation's id. */
  id: Scalars['ID']['output'];
  /** Individual sessions the person attended. */
  sessionsAttended: Scalars['Int']['output'];
  /** The structure that enrolled the person. */
  structure: Structure;
  /** The participation's version; give it back as expectedVersion when recording. */
  version: Scalars['Int']['output'];
};

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

/** A person in the shared record, as the viewer may see them. */
export type Person = Node & {
  /** Appointments you may see, under the policy of their domain. */
  appointments: Array<Appointment>;
  /** Case notes you may read, newest first. */
  caseNotes: Array<CaseNote>;
  /** Consents your structure recorded or receives (full mandate only). */
  consents: Array<Consent>;
  /** The file the SPIP holds: judicial data. */
  file?: Maybe<PersonFile>;
  /** Follow-ups you may see: your own, others under the policy. */
  followUps: Array<FollowUp>;
  /** Substances, treatment and care notes (HEALTH domain, medical secrecy). Null to anyone but the CSAPA holding the person's follow-up. */
  health?: Maybe<HealthRecord>;
  /** Whether the person is in care, where and since when (HEALTH_SUMMARY domain). Null when the viewer may not read it: the CSAPA reads it; a SPIP or an association only with the person's consent; a SIAO never. */
  healthSummary?: Maybe<HealthSummary>;
  /** Housing situation, shelter request and placement (HOUSING domain). Null when the viewer may not read HOUSING: a CSAPA needs the person's consent, and a pending mandate never shows it. */
  housing?: Maybe<HousingSituation>;
  /** The person's id in the shared record; stable, and the same for every structure. */
  id: Scalars['ID']['output'];
  /** Names, birth date, sex and contact (IDENTITY domain). Null when the viewer may not read IDENTITY for this person; for a restricted person, null to anyone but the holding SPIP and the structures it named (they see the pseudonym). */
  identity?: Maybe<PersonIdentity>;
  /** Establishment, expected release date, measure and care obligation (JUDICIAL domain), readable under a pending or full mandate. Null when the viewer may not read JUDICIAL for this person. */
  judicial?: Maybe<JudicialSituation>;
  /** Your structure's mandate on the person. */
  mandate: MandateState;
  /** Participations in actions you may see. */
  participations: Array<Participation>;
  /** Placements you may see, latest first. */
  placements: Array<Placement>;
  /** Stable and non-identifying. */
  pseudonym: Scalars['String']['output'];
  /** Set once the retention period ended: identity and free text were erased, outcomes kept. */
  pseudonymisedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Referrals of this person that the viewer may see. */
  referrals: Array<Referral>;
  /** The restriction, shown to the SPIP holding the file only. */
  restriction?: Maybe<PersonRestriction>;
  /** Right steps, resources and employment (SOCIAL domain). Null when the viewer may not read SOCIAL: a CSAPA needs the person's consent, and a pending mandate never shows it. */
  social?: Maybe<SocialSituation>;
  /** What happened to the record and who did it, as you may see it; newest first. */
  timeline: TimelineConnection;
  /** Transfers of the file you may see, newest first. */
  transfers: Array<Transfer>;
  /** What the viewer may read on this person; a null domain field outside this list means hidden, not empty. */
  visibleDomains: Array<DataDomain>;
  /** What the viewer may write on this person now. */
  writableDomains: Array<DataDomain>;
};


/** A person in the shared record, as the viewer may see them. */
export type PersonCaseNotesArgs = {
  domain?: InputMaybe<DataDomain>;
};


/** A person in the shared record, as the viewer may see them. */
export type PersonTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of persons, with the total under the same mandates and filter. */
export type PersonConnection = {
  /** The persons of this page, each with its cursor. */
  edges: Array<PersonEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
  /** Persons in all pages, under the same mandates and filter. */
  totalCount: Scalars['Int']['output'];
};

/** One person of a page, with its position. */
export type PersonEdge = {
  /** The person's position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The person, as the viewer may see them. */
  node: Person;
};

/** The file a SPIP holds on the person: open until the end of the measure. */
export type PersonFile = {
  /** When the holding SPIP closed the file; null while it is open. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the file was closed; null under a pending mandate. */
  closedReason?: Maybe<Scalars['String']['output']>;
  /** The SPIP holding the file. */
  holder: Structure;
  /** Whether the file is open or closed. */
  status: PersonFileStatus;
};

/** Whether the SPIP holding the file still follows the person. */
export type PersonFileStatus =
  /** Closed at the end of the measure: the SPIP keeps read access to what it wrote, for the retention period. */
  | 'CLOSED'
  /** The measure runs: the holding SPIP has a full mandate. */
  | 'OPEN';

/** Who the person is (IDENTITY domain): names, birth date, sex and contact, as the SPIP registered them or a partner corrected them. */
export type PersonIdentity = {
  /** Date of birth; null when unknown. */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** An email address to reach the person; null when none is known. */
  email?: Maybe<Scalars['String']['output']>;
  /** First name, as written on identity papers. */
  firstName: Scalars['String']['output'];
  /** Last name (birth name or usual name), as written on identity papers. */
  lastName: Scalars['String']['output'];
  /** A phone number to reach the person; null when none is known. */
  phone?: Maybe<Scalars['String']['output']>;
  /** F, M or X, as written on identity papers. */
  sex?: Maybe<Scalars['String']['output']>;
  /** Give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};

/** The person is restricted: identity shown only to the holding SPIP and to the structures it named. */
export type PersonRestriction = {
  /** When the holding SPIP restricted the person. */
  since: Scalars['DateTime']['output'];
  /** The structures that see the identity, besides the holding SPIP. */
  visibleTo: Array<Structure>;
};

/** A person housed in a place of a service, from a date until released. */
export type Placement = {
  /** True while the person holds the place (no end date). */
  current: Scalars['Boolean']['output'];
  /** When the placement ended; null while current. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Why the placement ended; null while current or when none was given. */
  endReason?: Maybe<Scalars['String']['output']>;
  /** The placement's id. */
  id: Scalars['ID']['output'];
  /** The person housed. */
  person: Person;
  /** The service whose housing place the person holds. */
  service: Service;
  /** When the person moved in. */
  startDate: Scalars['Date']['output'];
  /** The structure running the service. */
  structure: Structure;
  /** The placement's version; give it back as expectedVersion when ending it. */
  version: Scalars['Int']['output'];
};

/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type Query = {
  /** Who read or wrote this person's record; for structures holding a full mandate. */
  accessLog: Array<AccessLogEntry>;
  /** Who read or wrote this person's record, newest first, a page at a time (the whole log: accessLog stops at the latest thousand); for structures holding a full mandate. */
  accessLogConnection: AccessLogEntryConnection;
  /** The people's accounts of a structure (its admin; platform admins name it). Machine clients: machineClients. */
  accounts: Array<Account>;
  /** The people's accounts of a structure, by login, a page at a time: the paged form of accounts. */
  accountsConnection: AccountConnection;
  /** One action (program), readable by every role; null for an unknown id. */
  action?: Maybe<Action>;
  /** Programs, most recent first. */
  actions: Array<Action>;
  /** Programs, most recent first, a page at a time: the paged form of actions. */
  actionsConnection: ActionConnection;
  /** Your structure's machine clients (structure admins). */
  machineClients: Array<MachineClient>;
  /** The account the bearer token names. */
  me: Account;
  /** Persons under your structure's full or pending mandate, release first, with what needs action soon. */
  myCaseload: CaseloadConnection;
  /** The object with this id (a Person, Referral, Structure or Action), as its own query would answer it: null alike for an unknown id and an object outside your mandates or your role. */
  node?: Maybe<Node>;
  /** Null alike for an unknown id and a person outside your mandates. */
  person?: Maybe<Person>;
  /** Persons under your structure's mandates, in registration order. */
  persons: PersonConnection;
  /** Outcomes of the persons released in the calendar years covering [from, to], for evaluators: published years only (see years), protected counts only. */
  programOutcomes: OutcomeReport;
  /** One referral your structure may see; null alike for an unknown id and one you may not see. */
  referral?: Maybe<Referral>;
  /** Referrals your structure sent or received, newest first. */
  referrals: Array<Referral>;
  /** Referrals your structure sent or received, newest first, a page at a time: the paged form of referrals, for a list that grows. */
  referralsConnection: ReferralConnection;
  /** One structure of the directory (no person data, readable by every role); null for an unknown id. */
  structure?: Maybe<Structure>;
  /** The directory of partners, by kind then name. */
  structures: Array<Structure>;
  /** The directory of partners, by kind then name, a page at a time: the paged form of structures. */
  structuresConnection: StructureConnection;
  /** The deliveries of a subscription, newest first. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** Your structure's webhook subscriptions (its administrator and its machine clients). */
  webhookSubscriptions: Array<WebhookSubscription>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryAccessLogArgs = {
  personId: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryAccessLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  personId: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryAccountsArgs = {
  structureId?: InputMaybe<Scalars['ID']['input']>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryAccountsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  structureId?: InputMaybe<Scalars['ID']['input']>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryActionArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryActionsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryMyCaseloadArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  mandate?: InputMaybe<MandateState>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryPersonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  mandate?: InputMaybe<MandateState>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryProgramOutcomesArgs = {
  from: Scalars['Date']['input'];
  groupBy?: InputMaybe<Array<OutcomeDimension>>;
  to: Scalars['Date']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryReferralArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryReferralsArgs = {
  status?: InputMaybe<ReferralStatus>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryReferralsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReferralStatus>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryStructureArgs = {
  id: Scalars['ID']['input'];
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryStructuresArgs = {
  departement?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<StructureKind>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryStructuresConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  departement?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<StructureKind>;
};


/** What the viewer may read: persons under its structure's mandates (as the access policy shows them), referrals, the directory, actions and, for evaluators, protected outcomes. */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  subscriptionId: Scalars['ID']['input'];
};

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

/** A SPIP orients a person to a structure, for some needs. */
export type Referral = Node & {
  /** Why the sender cancelled; null unless cancelled. */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** When it was completed or cancelled. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The convention whose quota the referral counts against. */
  convention?: Maybe<Convention>;
  /** When the sender sent the referral. */
  createdAt: Scalars['DateTime']['output'];
  /** When the receiving structure accepted or declined it; null while pending. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the receiving structure declined; null unless declined. */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** The structure that sent the referral: a SPIP, or a partner asking the SIAO for shelter. */
  fromStructure: Structure;
  /** The referral's id. */
  id: Scalars['ID']['output'];
  /** Why the sender refers the person, in its words; null when none was given. */
  motive?: Maybe<Scalars['String']['output']>;
  /** What the person is referred for (at least one need). */
  needs: Array<Need>;
  /** The person referred. */
  person: Person;
  /** The service of the receiving structure the referral is for; null when it is for the structure as a whole. */
  service?: Maybe<Service>;
  /** Where the referral stands: pending, accepted, declined, in progress, completed or cancelled. */
  status: ReferralStatus;
  /** The structure receiving the referral; it accepts or declines. */
  toStructure: Structure;
  /** Give it back as expectedVersion when deciding. */
  version: Scalars['Int']['output'];
  /** Warnings for the receiver, e.g. release more than six months away. */
  warnings: Array<ReferralWarning>;
};

/** A page of the referrals your structure sent or received, newest first. */
export type ReferralConnection = {
  /** The items of this page, each with its cursor. */
  edges: Array<ReferralEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One referral of a page, with its position. */
export type ReferralEdge = {
  /** Its position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The referral at this position. */
  node: Referral;
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

/** Something the receiving structure should know before deciding; not an error. */
export type ReferralWarning = {
  /** What the warning is about, for programs. */
  code: ReferralWarningCode;
  /** The warning in English, for people. */
  message: Scalars['String']['output'];
};

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

/** One right to open before or after release, and where it stands. */
export type RightStep = {
  /** Who changed the step, when, from which status; newest first. */
  history: Array<RightStepChange>;
  /** Which right the step is about (ID card, RSA, health insurance...). */
  kind: RightKind;
  /** A note on the step (the office it was filed with, what is missing); null when there is none or when it would name a CSAPA the viewer may not know of. */
  note?: Maybe<Scalars['String']['output']>;
  /** Where the step stands: to do, submitted, obtained or refused. */
  status: RightStatus;
  /** When the step last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The version of the step; give it back as expectedVersion to updateRightStep. */
  version: Scalars['Int']['output'];
};

/** One change of a right step: who, when, from which status. */
export type RightStepChange = {
  /** When the change was made. */
  at: Scalars['DateTime']['output'];
  /** Null for the first status of the step. */
  fromStatus?: Maybe<RightStatus>;
  /** The note written with the change; null when there was none or when naming its author would tell of care the viewer may not know. */
  note?: Maybe<Scalars['String']['output']>;
  /** The structure that made the change; null when naming it would tell of care the viewer may not know. */
  structure?: Maybe<Structure>;
  /** The status the step moved to. */
  toStatus: RightStatus;
};

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

/** A service ("dispositif") run by a structure. */
export type Service = {
  /** Persons the service follows at once; null when not capped. */
  activeFileCapacity?: Maybe<Scalars['Int']['output']>;
  /** Persons the service follows now (open follow-ups). Null when the viewer may not know (listed in `withheldFigures`), under the rule of `occupancy`. */
  activeFiles?: Maybe<Scalars['Int']['output']>;
  /** Housing places free now. Null when the service has none, or exactly when `occupancy` is withheld. */
  available?: Maybe<Scalars['Int']['output']>;
  /** Whether the service can take one more person now: a housing place is free and a capped active file has room. Shown to partners when the counts are withheld for being 1 to 10; null when the service has neither housing places nor a capped active file, for a CSAPA’s service to anyone but that CSAPA, and for evaluators and administrators whenever a count it depends on is withheld. */
  hasFreePlaces?: Maybe<Scalars['Boolean']['output']>;
  /** Housing places; null when the service houses nobody. */
  housingPlaces?: Maybe<Scalars['Int']['output']>;
  /** The service's id. */
  id: Scalars['ID']['output'];
  /** The service's name, e.g. Hébergement des sortants de prison. */
  name: Scalars['String']['output'];
  /** Needs a referral to this service may carry. */
  needs: Array<Need>;
  /** Housing places taken now. Null when the service has none, or when the viewer may not know (listed in `withheldFigures`): exact for the structure running the service; to anyone else, a CSAPA’s is never shown, and a count of 1 to 10 is shown to partners only as `hasFreePlaces`, to evaluators not at all. */
  occupancy?: Maybe<Scalars['Int']['output']>;
  /** Whether referrals may name this service. */
  receivesReferrals: Scalars['Boolean']['output'];
  /** The structure running the service. */
  structure: Structure;
  /** The figures about persons of this service that are null for the viewer although they exist, and why. */
  withheldFigures: Array<WithheldFigure>;
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

/** Rights being opened, resources and employment (SOCIAL domain); written by the structures that read it under a full mandate. */
export type SocialSituation = {
  /** The person's employment situation, as free text (employer, contract, training). */
  employment?: Maybe<Scalars['String']['output']>;
  /** The employment situation as a category, used for outcomes; null when not recorded. */
  employmentStatus?: Maybe<EmploymentStatus>;
  /** The person's resources (income, benefits), as free text. */
  resources?: Maybe<Scalars['String']['output']>;
  /** The rights to open ("ouverture des droits"), one step per kind that has been recorded. */
  rights: Array<RightStep>;
  /** The version of the social situation; give it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};

/** A partner organisation, a prison, an evaluator or the platform. */
export type Structure = Node & {
  /** The city where the structure is; null when not given. */
  city?: Maybe<Scalars['String']['output']>;
  /** Conventions under which the structure receives referrals, with their use. */
  conventions: Array<Convention>;
  /** INSEE code of the département, e.g. "49". */
  departement?: Maybe<Scalars['String']['output']>;
  /** The structure's id. */
  id: Scalars['ID']['output'];
  /** What kind of partner the structure is; it decides the roles of its accounts and what they may read. */
  kind: StructureKind;
  /** The structure's name, e.g. SPIP de l'Isère. */
  name: Scalars['String']['output'];
  /** The region where the structure is; null when not given. */
  region?: Maybe<Scalars['String']['output']>;
  /** The services ("dispositifs") the structure runs. */
  services: Array<Service>;
};

/** A page of the directory of partners, by kind then name. */
export type StructureConnection = {
  /** The items of this page, each with its cursor. */
  edges: Array<StructureEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One structure of a page, with its position. */
export type StructureEdge = {
  /** Its position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The structure at this position. */
  node: Structure;
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

/** A count over persons; suppressed (null) when it counts 1 to 10 persons or could reveal such a cell. */
export type SuppressedCount = {
  /** True when the count is withheld, for counting 1 to 10 persons or for revealing such a count. */
  suppressed: Scalars['Boolean']['output'];
  /** The count; null when suppressed. */
  value?: Maybe<Scalars['Int']['output']>;
};

/** A page of the person's timeline, newest first. */
export type TimelineConnection = {
  /** The timeline entries of this page, each with its cursor. */
  edges: Array<TimelineEdge>;
  /** Where the page stands in the timeline, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One entry of a timeline page, with its position. */
export type TimelineEdge = {
  /** The entry's position in the timeline: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The timeline entry. */
  node: TimelineEntry;
};

/** One thing that happened to the record, as the viewer may see it. */
export type TimelineEntry = {
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The domains of the record it is about. */
  domains: Array<DataDomain>;
  /** The entry's id (the event or audit entry it comes from). */
  id: Scalars['ID']['output'];
  /** What happened to the record. */
  kind: TimelineEntryKind;
  /** The status it moved to, when it is a change of status. */
  status?: Maybe<Scalars['String']['output']>;
  /** The structure that did it; null when the policy withholds it. */
  structure?: Maybe<Structure>;
};

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

/** The move of a file from the SPIP holding it to another SPIP ("dessaisissement"). */
export type Transfer = {
  /** When the receiving SPIP accepted or refused; null while pending. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The SPIP that held the file when the transfer was asked. */
  fromSpip: Structure;
  /** The transfer's id. */
  id: Scalars['ID']['output'];
  /** The person whose file moves. */
  person: Person;
  /** Why the file moves; shown to the two SPIPs only. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Why the receiving SPIP refused; shown to the two SPIPs only. */
  refusalReason?: Maybe<Scalars['String']['output']>;
  /** When the holding SPIP asked for the transfer. */
  requestedAt: Scalars['DateTime']['output'];
  /** Where the transfer stands: pending, accepted or refused. */
  status: TransferStatus;
  /** The SPIP asked to take the file over. */
  toSpip: Structure;
  /** The transfer's version; give it back as expectedVersion when deciding. */
  version: Scalars['Int']['output'];
};

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

/** One event for one subscription; its id is the webhook-id of every attempt. */
export type WebhookDelivery = {
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** When the event was queued for this subscription. */
  createdAt: Scalars['DateTime']['output'];
  /** When a 2xx answer came; null until then. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The outbox event delivered. */
  eventId: Scalars['ID']['output'];
  /** The type of the event delivered. */
  eventType: EventType;
  /** The delivery's id: the webhook-id header of every attempt, for the receiver to drop repeats. */
  id: Scalars['ID']['output'];
  /** The HTTP status of the last attempt; null when none answered. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due; null when none is. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the delivery stands. */
  status: WebhookDeliveryStatus;
};

/** A page of a subscription's deliveries, newest first. */
export type WebhookDeliveryConnection = {
  /** The deliveries of this page, each with its cursor. */
  edges: Array<WebhookDeliveryEdge>;
  /** Where the page stands in the list, and how to ask for the next one. */
  pageInfo: PageInfo;
};

/** One delivery of a page, with its position. */
export type WebhookDeliveryEdge = {
  /** The delivery's position in the list: give it as after to continue from there. */
  cursor: Scalars['String']['output'];
  /** The webhook delivery. */
  node: WebhookDelivery;
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

/** An endpoint of a partner system, told of events its structure may see. */
export type WebhookSubscription = {
  /** False once deleted. */
  active: Scalars['Boolean']['output'];
  /** When the subscription was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The event types delivered to it. */
  eventTypes: Array<EventType>;
  /** Since when deliveries fail for the whole retry window; null when they arrive. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** The subscription's id. */
  id: Scalars['ID']['output'];
  /** The endpoint deliveries are posted to. */
  url: Scalars['String']['output'];
};

/** The signing secret is shown here once. */
export type WebhookSubscriptionCreated = {
  /** whsec_ + base64: the key of the Standard Webhooks signatures. */
  secret: Scalars['String']['output'];
  /** The new subscription. */
  subscription: WebhookSubscription;
};

/** A directory figure the viewer may not know, and why. */
export type WithheldFigure = {
  /** The figure that is null for the viewer. */
  figure: DirectoryFigure;
  /** Why the viewer may not know it. */
  reason: FigureWithheldReason;
};

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

export type MyCaseloadQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyCaseloadQuery = { myCaseload: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ node: { mandate: MandateState, expectedReleaseDate?: string | null, person: { id: string, pseudonym: string }, pendingReferrals: Array<{ id: string, status: ReferralStatus }> } }> } };

export type PersonByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PersonByIdQuery = { person?: { id: string, pseudonym: string, mandate: MandateState, identity?: { firstName: string, lastName: string, birthDate?: string | null } | null, referrals: Array<{ id: string, status: ReferralStatus, needs: Array<Need>, createdAt: string }> } | null };

export type ReferralByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReferralByIdQuery = { referral?: { id: string, status: ReferralStatus, needs: Array<Need>, version: number, createdAt: string } | null };

export type ReferPersonMutationVariables = Exact<{
  input: ReferPersonInput;
}>;


export type ReferPersonMutation = { referPerson: { id: string, status: ReferralStatus, version: number } };

export type AcceptReferralMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AcceptReferralMutation = { acceptReferral: { id: string, status: ReferralStatus, version: number } };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { createWebhookSubscription: { secret: string, subscription: { id: string, url: string, eventTypes: Array<EventType>, active: boolean } } };

export type WebhookDeliveriesQueryVariables = Exact<{
  subscriptionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { edges: Array<{ node: { id: string, eventId: string, eventType: EventType, status: WebhookDeliveryStatus, attempts: number, lastStatusCode?: number | null, deliveredAt?: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor?: string | null } } };


export const MyCaseloadDocument = {"__meta__":{"hash":"1776a49afd6cf459dc6186db14ec3ded275e1d3e9aec63201c504359b05c3430"}} as unknown as DocumentNode<MyCaseloadQuery, MyCaseloadQueryVariables>;
export const PersonByIdDocument = {"__meta__":{"hash":"e92ec478c25370cdce14a10e2f69cc4ec9109eeab5400263766c703b7a700973"}} as unknown as DocumentNode<PersonByIdQuery, PersonByIdQueryVariables>;
export const ReferralByIdDocument = {"__meta__":{"hash":"d3674e7e391875bd7b7021e73c25cecbeaca44c2b8389c2b2e59f4f524f1939a"}} as unknown as DocumentNode<ReferralByIdQuery, ReferralByIdQueryVariables>;
export const ReferPersonDocument = {"__meta__":{"hash":"c91eb734812eb614c5b28e1b4351e19461ea440bedea9af1b388c592bf04bcff"}} as unknown as DocumentNode<ReferPersonMutation, ReferPersonMutationVariables>;
export const AcceptReferralDocument = {"__meta__":{"hash":"98442aa8be26badf423468ac8d8322f0d66580701ca6540843b83b7d98260038"}} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const CreateWebhookSubscriptionDocument = {"__meta__":{"hash":"b80e7a194421b610ba8575ef4b8d0ed023fc0d67a0f0e401c40b5e9ce034c503"}} as unknown as DocumentNode<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"95b6a515e540da1ac5a540de21fbff264073275f05eb95b376c8f2e754993858"}} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;