import type { EntityManager } from '@mikro-orm/core';
import type { Account } from '../../src/accounts/account.entity';
import type { Action } from '../../src/actions/action.entity';
import { ActionParticipation } from '../../src/actions/participation.entity';
import { Consent } from '../../src/consents/consent.entity';
import { Appointment } from '../../src/support/appointment.entity';
import { CaseNote } from '../../src/support/case-note.entity';
import { AppointmentKind, AppointmentStatus } from '../../src/support/follow-up.enums';
import { FollowUp } from '../../src/support/follow-up.entity';
import { PersonHealthRecord } from '../../src/health/health-record.entity';
import { PersonHealthSummary } from '../../src/health/health-summary.entity';
import { DataDomain } from '../../src/policy/data-domain';
import { EmploymentStatus, HousingStatus, PersonFileStatus, RightKind, RightStatus, Sex } from '../../src/persons/person.enums';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { RightStepChange } from '../../src/persons/right-step-change.entity';
import { RightStep } from '../../src/persons/right-step.entity';
import { Placement } from '../../src/housing/placement.entity';
import { Referral } from '../../src/support/referral.entity';
import { ReferralStatus } from '../../src/support/referral.enums';
import { Need } from '../../src/shared/need';
import { PersonFactory, type PersonRecord } from '../factories/person.factory';
import type { DemoDirectory, DemoServiceKey } from './directory';
import { type PersonPlan, type ReferralPlan, type Receiver, RECEIVER_WORKER } from './people';
import { type DemoClock, SeededRandom } from './random';

const RECEIVER_DOMAIN: Record<Receiver, DataDomain> = {
  relais38: DataDomain.SOCIAL,
  csapa38: DataDomain.HEALTH,
  csapa44: DataDomain.HEALTH,
  siao38: DataDomain.HOUSING,
};

const NOTE_TEXTS: Record<DataDomain, string[]> = {
  [DataDomain.SOCIAL]: [
    'Premier entretien en détention : inventaire des papiers. CNI périmée, pas de domiciliation. Dossier RSA à préparer pour la sortie.',
    'Point sur les démarches : attestation de droits à la sécurité sociale reçue, rendez-vous CAF fixé la semaine de la libération.',
    'Rencontre avec la conseillère France Travail : inscription prévue dès la sortie, piste en chantier d’insertion.',
  ],
  [DataDomain.HOUSING]: [
    'Demande SIAO enregistrée. Pas de solution familiale. Orientation vers une place d’hébergement d’insertion à étudier en commission.',
    'Commission d’orientation : positionnement sur une place CHRS en diffus, entrée possible à la sortie.',
  ],
  [DataDomain.HEALTH]: [
    'Consultation d’entrée : consommation quotidienne déclarée avant l’incarcération, motivation au suivi. Relais avec l’unité sanitaire organisé.',
    'Traitement poursuivi sans interruption à la sortie. Prochaine consultation dans quinze jours.',
  ],
  [DataDomain.JUDICIAL]: ['Entretien CPIP : point sur le projet d’aménagement de peine et les obligations du jugement.'],
  [DataDomain.IDENTITY]: [],
  [DataDomain.JUDICIAL_DETAIL]: [],
  [DataDomain.HEALTH_SUMMARY]: [],
};

export const RESOURCES = ['Aucune ressource', 'Pécule de sortie', 'RSA à ouvrir', 'Allocation aux adultes handicapés', 'Indemnités chômage'];
export const EMPLOYMENT: [string, EmploymentStatus][] = [
  ['Sans emploi', EmploymentStatus.NONE],
  ['Inscrit à France Travail', EmploymentStatus.JOB_SEEKING],
  ['Formation qualifiante en détention (cuisine)', EmploymentStatus.TRAINING],
  ['Contrat en chantier d’insertion', EmploymentStatus.ASSISTED_CONTRACT],
  ['Intérim dans le BTP', EmploymentStatus.EMPLOYED],
];
export const SUBSTANCES = ['alcool', 'cannabis', 'cocaïne', 'héroïne', 'benzodiazépines', 'tabac'];
export const TREATMENTS = [
  'Traitement de substitution aux opiacés (buprénorphine)',
  'Méthadone',
  'Sevrage alcool accompagné',
  'Suivi psychologique hebdomadaire',
];
export const RIGHTS: RightKind[] = [
  RightKind.ID_CARD,
  RightKind.RSA,
  RightKind.HEALTH_INSURANCE,
  RightKind.DOMICILIATION,
  RightKind.SHELTER_REQUEST,
  RightKind.SOCIAL_HOUSING_REQUEST,
  RightKind.EMPLOYMENT_REGISTRATION,
  RightKind.BANK_ACCOUNT,
];

/** Turns the person plans into records: the person, domains, referrals, follow-ups and what follows. */
/** Places the demo data leaves free in each housing service, so that the last place can be taken. */
const FREE_PLACES = 1;

export class DemoRecordBuilder {
  private readonly random = new SeededRandom(4438);
  private readonly taken = new Map<DemoServiceKey, number>();
  private readonly placed = new Set<string>();
  private readonly persons: PersonFactory;

  constructor(
    private readonly em: EntityManager,
    private readonly directory: DemoDirectory,
    private readonly clock: DemoClock,
    /** The association's program, in which the persons it follows take part. */
    private readonly program: Action,
  ) {
    this.persons = new PersonFactory(em);
  }

  private account(login: string): Account {
    return this.directory.accounts[login as keyof DemoDirectory['accounts']];
  }

  build(plan: PersonPlan): PersonRecord {
    const { structures } = this.directory;
    const r = this.random;
    const released = plan.releaseInDays <= 0;
    const [employment, employmentStatus] = r.pick(EMPLOYMENT);
    const record = this.persons.makeRecord({
      spip: structures[plan.spip],
      pseudonym: pseudonymFromKey(plan.key),
      firstName: plan.firstName,
      lastName: plan.lastName,
      sex: plan.sex === 'F' ? Sex.F : Sex.M,
      birthDate: this.clock.day(-plan.age * 365 - r.int(0, 364)),
      establishment: structures[plan.prison],
      expectedReleaseDate: this.clock.day(plan.releaseInDays),
      releasedOn: released ? this.clock.day(plan.releaseInDays) : null,
      measure: plan.measure,
      careObligation: plan.careObligation,
      offence: plan.offence,
      sentenceEndDate: this.clock.day(plan.releaseInDays + r.int(0, 540)),
      prisonNumber: `${structures[plan.prison].departement}-${r.int(2019, 2025)}-${String(r.int(100, 9999)).padStart(4, '0')}`,
      resources: r.pick(RESOURCES),
      employment,
      employmentStatus,
      housingStatus: released ? r.pick([HousingStatus.FAMILY, HousingStatus.NONE, HousingStatus.EMERGENCY_SHELTER]) : HousingStatus.UNKNOWN,
    });
    record.person.createdAt = this.clock.at(-Math.max(30, ...plan.referrals.map((p) => p.createdDaysAgo + 20)));
    let lastContact = record.person.createdAt;

    for (const referralPlan of plan.referrals) {
      const contact = this.referral(record, plan, referralPlan);
      if (contact > lastContact) lastContact = contact;
    }
    for (const consentPlan of plan.consents) this.consent(record, consentPlan);

    if (plan.referrals.length > 0 && r.chance(0.4)) {
      const note = new CaseNote(record.person, DataDomain.JUDICIAL, this.account(plan.spip === 'spip38' ? 'cpip.grenoble' : 'cpip.angers'), r.pick(NOTE_TEXTS[DataDomain.JUDICIAL]));
      note.createdAt = this.clock.at(-Math.min(...plan.referrals.map((p) => p.createdDaysAgo)) - 3, 9);
      this.em.persist(note);
    }
    record.person.lastContactAt = lastContact;
    const allClosed = plan.referrals.every((p) => p.status === ReferralStatus.COMPLETED);
    if (plan.referrals.length > 0 && allClosed && plan.releaseInDays < -365) {
      record.person.fileStatus = PersonFileStatus.CLOSED;
      record.person.fileClosedAt = this.clock.at(plan.releaseInDays + 365);
    }
    return record;
  }

  /** A referral and, when it was accepted, the follow-up with its appointments, notes and domain data. */
  private referral(record: PersonRecord, plan: PersonPlan, p: ReferralPlan): Date {
    const { structures, services } = this.directory;
    const r = this.random;
    const sender = this.account(plan.spip === 'spip38' ? 'cpip.grenoble' : 'cpip.angers');
    const worker = this.account(RECEIVER_WORKER[p.to].login);
    const referral = new Referral(record.person, structures[plan.spip], structures[p.to], p.needs, sender);
    referral.service = services[p.service];
    referral.convention =
      this.directory.conventions.find(
        (c) => c.structure === referral.toStructure && c.partner === referral.fromStructure && (!c.service || c.service === referral.service),
      ) ?? null;
    referral.motive = p.motive;
    referral.status = p.status;
    referral.createdAt = this.clock.at(-p.createdDaysAgo, 9);
    referral.updatedAt = referral.createdAt;
    this.em.persist(referral);
    if (p.status === ReferralStatus.PENDING) return referral.createdAt;

    const decidedDaysAgo = Math.max(0, p.createdDaysAgo - r.int(2, 9));
    if (p.status === ReferralStatus.CANCELLED) {
      referral.cancelReason = p.cancelReason ?? null;
      referral.closedAt = this.clock.at(-decidedDaysAgo, 15);
      referral.updatedAt = referral.closedAt;
      return referral.closedAt;
    }
    referral.decidedAt = this.clock.at(-decidedDaysAgo, 14);
    referral.decidedBy = worker;
    referral.updatedAt = referral.decidedAt;
    if (p.status === ReferralStatus.DECLINED) {
      referral.declineReason = p.declineReason ?? 'Hors critères du service.';
      return referral.decidedAt;
    }

    const followUp = new FollowUp(record.person, structures[p.to], this.clock.day(-decidedDaysAgo));
    followUp.service = services[p.service];
    followUp.referral = referral;
    followUp.worker = worker;
    followUp.createdAt = referral.decidedAt;
    this.em.persist(followUp);
    let lastContact = referral.decidedAt;

    const completed = p.status === ReferralStatus.COMPLETED;
    if (completed) {
      const endDaysAgo = Math.max(1, plan.releaseInDays < 0 ? -plan.releaseInDays - r.int(60, 140) : decidedDaysAgo - 30);
      const end = Math.min(endDaysAgo, decidedDaysAgo);
      followUp.endDate = this.clock.day(-end);
      followUp.closingReason = r.pick([
        'Objectifs atteints : droits ouverts et logement stable.',
        'Relais pris par le droit commun.',
        'Fin de l’accompagnement à la demande de la personne.',
      ]);
      referral.closedAt = this.clock.at(-end, 16);
      referral.updatedAt = referral.closedAt;
      lastContact = referral.closedAt;
    }

    const domain = RECEIVER_DOMAIN[p.to];
    const started = p.status === ReferralStatus.IN_PROGRESS || completed;
    if (started) {
      const heldDaysAgo = Math.max(1, decidedDaysAgo - r.int(3, 10));
      const held = this.appointment(record, followUp, worker, domain, plan, -heldDaysAgo, AppointmentStatus.HELD);
      if (held.heldAt && held.heldAt > lastContact) lastContact = held.heldAt;
      if (!completed && r.chance(0.2)) {
        this.appointment(record, followUp, worker, domain, plan, -Math.max(1, heldDaysAgo - 7), AppointmentStatus.NO_SHOW);
      }
      const note = new CaseNote(record.person, domain, worker, r.pick(NOTE_TEXTS[domain]));
      note.followUp = followUp;
      note.createdAt = this.clock.at(-heldDaysAgo, 17);
      note.updatedAt = note.createdAt;
      this.em.persist(note);
    }
    if (!completed) this.appointment(record, followUp, worker, domain, plan, r.int(3, 20), AppointmentStatus.SCHEDULED);

    this.domainData(record, p, followUp, completed, started);
    return lastContact;
  }

  private appointment(
    record: PersonRecord,
    followUp: FollowUp,
    worker: Account,
    domain: DataDomain,
    plan: PersonPlan,
    dayOffset: number,
    status: AppointmentStatus,
  ): Appointment {
    const inPrison = dayOffset < plan.releaseInDays;
    const kind = inPrison
      ? AppointmentKind.PRISON_OFFICE_HOURS
      : this.random.pick([AppointmentKind.INTERVIEW, AppointmentKind.HOME_VISIT, AppointmentKind.ACCOMPANIMENT]);
    const at = this.clock.at(dayOffset, this.random.int(8, 16));
    const appointment = new Appointment(record.person, followUp.structure, worker, domain, kind, at);
    appointment.followUp = followUp;
    appointment.place = inPrison ? this.directory.structures[plan.prison].name : `${followUp.structure.city ?? ''}, locaux de ${followUp.structure.name}`;
    appointment.status = status;
    appointment.heldAt = status === AppointmentStatus.HELD ? at : null;
    appointment.createdAt = this.clock.at(Math.min(dayOffset, 0) - 5, 9);
    this.em.persist(appointment);
    return appointment;
  }

  /** What each partner writes in its own domain once it follows the person. */
  private domainData(record: PersonRecord, p: ReferralPlan, followUp: FollowUp, completed: boolean, started: boolean): void {
    const r = this.random;
    const since = followUp.startDate;
    if (p.to === 'csapa38' || p.to === 'csapa44') {
      const summary = new PersonHealthSummary(record.person, !completed);
      summary.careStructure = followUp.structure;
      summary.since = since;
      summary.writtenBy = followUp.structure;
      const health = new PersonHealthRecord(record.person);
      health.writtenBy = followUp.structure;
      health.substances = SUBSTANCES.filter(() => r.chance(0.35)).slice(0, 3);
      if (health.substances.length === 0) health.substances = [r.pick(SUBSTANCES.slice(0, 4))];
      health.treatment = r.pick(TREATMENTS);
      health.notes = started ? 'Suivi engagé ; adhésion au traitement à consolider.' : 'Premier rendez-vous à fixer avant la sortie.';
      this.em.persist([summary, health]);
    }
    if (p.to === 'relais38') {
      const steps = started ? RIGHTS.slice(0, r.int(4, 8)) : RIGHTS.slice(0, 4);
      for (const kind of steps) {
        const status = completed
          ? r.pick([RightStatus.OBTAINED, RightStatus.OBTAINED, RightStatus.OBTAINED, RightStatus.REFUSED])
          : started
            ? r.pick([RightStatus.TO_DO, RightStatus.SUBMITTED, RightStatus.SUBMITTED, RightStatus.OBTAINED])
            : r.pick([RightStatus.TO_DO, RightStatus.TO_DO, RightStatus.SUBMITTED]);
        const step = new RightStep(record.person, kind, status);
        step.updatedByStructure = followUp.structure;
        step.updatedAt = this.clock.at(-this.random.int(1, 20), 11);
        const change = new RightStepChange(step, null, followUp.worker!, followUp.structure);
        change.createdAt = step.updatedAt;
        this.em.persist([step, change]);
      }
      if (started) {
        record.social.writtenBy = followUp.structure;
        const participation = new ActionParticipation(this.program, record.person, followUp.structure, followUp.worker!, since);
        participation.sessionsAttended = r.int(1, 8);
        participation.groupSessions = r.int(0, 4);
        participation.coInterventions = r.int(0, 2);
        participation.endedOn = completed ? followUp.endDate : null;
        this.em.persist(participation);
      }
      if (completed) {
        record.housing.status = r.pick([HousingStatus.SOCIAL_HOUSING, HousingStatus.PRIVATE_RENTAL, HousingStatus.FAMILY]);
        record.housing.writtenBy = followUp.structure;
      } else if (started && record.judicial.releasedOn && p.needs.includes(Need.HOUSING)) {
        record.housing.status = HousingStatus.CHRS;
        record.housing.writtenBy = followUp.structure;
        this.place(record, 'relaisHsp', followUp, record.judicial.releasedOn);
      }
    }
    if (p.to === 'siao38') {
      record.housing.shelterRequestedAt = since;
      record.housing.writtenBy = followUp.structure;
      if (completed) record.housing.status = r.pick([HousingStatus.SOCIAL_HOUSING, HousingStatus.TRANSITIONAL]);
      else if (record.judicial.releasedOn) {
        record.housing.status = r.pick([HousingStatus.EMERGENCY_SHELTER, HousingStatus.CHRS]);
        if (started) this.place(record, 'siao38Places', followUp, record.judicial.releasedOn);
      }
      else record.housing.status = HousingStatus.NONE;
    }
  }

  /** A placement in a demo housing service, as long as it keeps a free place. */
  private place(record: PersonRecord, key: DemoServiceKey, followUp: FollowUp, startDate: string): void {
    const service = this.directory.services[key];
    const taken = this.taken.get(key) ?? 0;
    if (taken >= (service.housingPlaces ?? 0) - FREE_PLACES || this.placed.has(record.person.id)) return;
    this.taken.set(key, taken + 1);
    this.placed.add(record.person.id);
    const placement = new Placement(record.person, service, followUp.worker!, startDate);
    placement.createdAt = this.clock.at(0, 8);
    this.em.persist(placement);
  }

  private consent(record: PersonRecord, plan: PersonPlan['consents'][number]): void {
    const recorder = this.account(plan.recordedBy);
    const givenDaysAgo = plan.state === 'expired' ? 400 : this.random.int(10, 60);
    const consent = new Consent(record.person, plan.domain, recorder, this.clock.at(-givenDaysAgo, 11));
    consent.recipient = plan.recipient ? this.directory.structures[plan.recipient] : null;
    if (plan.state === 'expired') consent.expiresAt = this.clock.at(-35, 11);
    else consent.expiresAt = this.random.chance(0.5) ? this.clock.at(-givenDaysAgo + 365, 11) : null;
    if (plan.state === 'revoked') {
      consent.revokedAt = this.clock.at(-5, 15);
      consent.revokedBy = recorder;
    }
    this.em.persist(consent);
  }
}
