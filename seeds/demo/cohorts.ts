import { EmploymentStatus, HousingStatus, JudicialMeasure, RightKind, RightStatus } from '../../src/persons/person.enums';
import { RETENTION_YEARS } from '../../src/policy/access-policy';
import { Need } from '../../src/shared/need';
import type { DemoServiceKey } from './directory';
import {
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MOTIVES,
  OFFENCES,
  RECEIVER_NEEDS,
  RECEIVER_SERVICE,
  type Receiver,
  demoCasePlans,
  pickMeasure,
} from './people';
import { type DemoClock, SeededRandom } from './random';
import { EMPLOYMENT, RESOURCES, RIGHTS, SUBSTANCES, TREATMENTS } from './records';

/**
 * Past release cohorts: the persons the two demo SPIPs released in each of the last full
 * years before the load year, followed long ago by the demo partners and closed since, so
 * that an evaluator's outcomes by département are large enough to be released. Generated
 * with a fixed seed; dates are offsets from the load day, like the rest of the demo. Names
 * are fictional.
 */

export const COHORT_YEARS = 3;
export type CohortSpip = 'spip38' | 'spip49';

/** Persons released a year by each SPIP, before a small yearly variation (±25). */
const COHORT_SIZE: Record<CohortSpip, number> = { spip38: 320, spip49: 275 };

/** What the partner did: a completed referral and its closed follow-up. */
export interface CohortFollowUpPlan {
  to: Receiver;
  service: DemoServiceKey;
  needs: Need[];
  motive: string;
  /** Offsets from the load day, in days (negative: in the past). */
  referredDay: number;
  startDay: number;
  endDay: number;
  closingReason: string;
}

export interface CohortRightPlan {
  kind: RightKind;
  status: RightStatus;
  /** Who recorded the step: the SPIP or the partner that helped. */
  by: Receiver | CohortSpip;
  day: number;
}

export interface CohortPersonPlan {
  key: string;
  /** Calendar year of the release. */
  year: number;
  spip: CohortSpip;
  prison: 'varces' | 'angers' | 'nantes';
  firstName: string;
  lastName: string;
  sex: 'F' | 'M';
  birthDay: number;
  registeredDay: number;
  releaseDay: number;
  expectedReleaseDay: number;
  measure: JudicialMeasure;
  careObligation: boolean;
  offence: string;
  sentenceEndDay: number;
  prisonNumber: string;
  /** The file was closed at the end of the measure. */
  fileClosedDay: number;
  resources: string;
  employment: string;
  employmentStatus: EmploymentStatus;
  /** Who last wrote the social situation and the housing situation. */
  socialBy: Receiver | CohortSpip;
  housingStatus: HousingStatus;
  housingBy: Receiver | CohortSpip;
  shelterRequestedDay: number | null;
  followUps: CohortFollowUpPlan[];
  rights: CohortRightPlan[];
  placement: { service: DemoServiceKey; startDay: number; endDay: number; endReason: string } | null;
  health: { inCare: boolean; by: 'csapa38' | 'csapa44'; sinceDay: number; substances: string[]; treatment: string } | null;
  /** Enrolment in the association's release-preparation program. */
  participation: { enrolledDay: number; endedDay: number; sessions: number; groupSessions: number; coInterventions: number } | null;
  lastContactDay: number;
}

const MORE_MALE_FIRST_NAMES = [
  'Adrien', 'Arnaud', 'Bastien', 'Cyril', 'David', 'Éric', 'Franck', 'Gilles', 'Hakim', 'Ibrahim',
  'Jonathan', 'Karl', 'Lionel', 'Mickaël', 'Nabil', 'Olivier', 'Patrice', 'Quentin', 'Rémi', 'Sofiane',
  'Tony', 'Valentin', 'Wilfried', 'Xavier', 'Youssef', 'Ziad', 'Jérôme', 'Laurent', 'Maxime', 'Stéphane',
];
const MORE_FEMALE_FIRST_NAMES = ['Audrey', 'Cindy', 'Émilie', 'Fatima', 'Karine', 'Linda', 'Marion', 'Nathalie', 'Samia', 'Virginie', 'Mélanie', 'Stéphanie'];
const MORE_LAST_NAMES = [
  'Arnaud', 'Besson', 'Chauvin', 'Dumont', 'Fabre', 'Gaillard', 'Hubert', 'Joly', 'Lambert', 'Lemoine',
  'Mallet', 'Meunier', 'Navarro', 'Olivier', 'Pages', 'Picard', 'Riviere', 'Roche', 'Sanchez', 'Texier',
  'Vallet', 'Weber', 'Bouvier', 'Charles', 'Dupuis', 'Fontaine', 'Gomez', 'Huet', 'Leroux', 'Mathieu',
];
const MALE = [...MALE_FIRST_NAMES, ...MORE_MALE_FIRST_NAMES];
const FEMALE = [...FEMALE_FIRST_NAMES, ...MORE_FEMALE_FIRST_NAMES];
const SURNAMES = [...LAST_NAMES, ...MORE_LAST_NAMES];

const EMPLOYED: [string, EmploymentStatus][] = [
  ...EMPLOYMENT.filter(([, status]) => status === EmploymentStatus.EMPLOYED || status === EmploymentStatus.ASSISTED_CONTRACT),
  ['CDI en restauration collective', EmploymentStatus.EMPLOYED],
  ['CDD d’agent d’entretien', EmploymentStatus.EMPLOYED],
];
const NOT_EMPLOYED = EMPLOYMENT.filter(([, status]) => status !== EmploymentStatus.EMPLOYED && status !== EmploymentStatus.ASSISTED_CONTRACT);

const CLOSING_REASONS = [
  'Objectifs atteints : droits ouverts et logement stable.',
  'Relais pris par le droit commun.',
  'Fin de l’accompagnement à la demande de la personne.',
  'Fin de la mesure ; la personne a quitté le département.',
];
const PLACEMENT_END_REASONS = ['Relogement en logement social.', 'Entrée en logement d’insertion.', 'Retour en famille.', 'Fin de la prise en charge.'];
const HOUSED: HousingStatus[] = [
  HousingStatus.FAMILY,
  HousingStatus.FAMILY,
  HousingStatus.PRIVATE_RENTAL,
  HousingStatus.SOCIAL_HOUSING,
  HousingStatus.TRANSITIONAL,
  HousingStatus.CHRS,
  HousingStatus.EMERGENCY_SHELTER,
];
const HOUSED_BY_SIAO: HousingStatus[] = [HousingStatus.CHRS, HousingStatus.TRANSITIONAL, HousingStatus.SOCIAL_HOUSING, HousingStatus.EMERGENCY_SHELTER];

/** The demo's current placements start from 160 days ago (records.ts): past ones end before. */
const PLACES_FREE_FROM = -170;

/** Housing places: who runs them, how many there are. */
const PLACES: Partial<Record<DemoServiceKey, number>> = { relaisHsp: 10, siao38Places: 5, csapa44ShortStay: 4 };

/** Calendar intervals (in day offsets) of the places taken, so that a service never holds more than its places. */
class PlaceBook {
  private readonly taken = new Map<DemoServiceKey, [number, number][]>();

  take(service: DemoServiceKey, start: number, end: number): boolean {
    const intervals = this.taken.get(service) ?? [];
    // The occupancy only rises at a start: checking each start inside [start, end] is enough.
    const points = [start, ...intervals.map(([s]) => s).filter((s) => s > start && s <= end)];
    const full = points.some((day) => intervals.filter(([s, e]) => s <= day && day <= e).length >= (PLACES[service] ?? 0));
    if (full) return false;
    intervals.push([start, end]);
    this.taken.set(service, intervals);
    return true;
  }
}

/**
 * The cohorts of the last COHORT_YEARS full years before the load year, for the two demo
 * SPIPs. Everything ended before the load day: files closed, referrals completed,
 * follow-ups, placements and participations closed. The oldest cohort ended more than
 * the retention period (RETENTION_YEARS) ago, so no structure holds a mandate on it any
 * more; the later ones are under ended mandates only.
 */
export function pastCohortPlans(clock: DemoClock, seed = 20230101): CohortPersonPlan[] {
  // Three streams, so that the sizes and the persons' identities do not depend on the load day.
  const sizes = new SeededRandom(seed);
  const identities = new SeededRandom(seed + 1);
  const random = new SeededRandom(seed + 2);
  const loadYear = clock.now.getUTCFullYear();
  const today = clock.day(0);
  const programStart = clock.daysTo(`${loadYear - 2}-01-01`);
  const loadYearStart = clock.daysTo(`${loadYear}-01-01`);
  // The day before the retention period of ended mandates began: the oldest cohort ended by then.
  const beforeRetention = clock.daysTo(isoDay(Date.UTC(loadYear - RETENTION_YEARS, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))))) - 1;
  const usedNames = new Set(demoCasePlans().map((p) => `${p.firstName} ${p.lastName}`));
  const places = new PlaceBook();
  const plans: CohortPersonPlan[] = [];
  for (let yearsAgo = COHORT_YEARS; yearsAgo >= 1; yearsAgo--) {
    const year = loadYear - yearsAgo;
    const first = clock.daysTo(`${year}-01-01`);
    const days = clock.daysTo(`${year + 1}-01-01`) - first;
    // Whatever ended: before the retention period for the oldest cohort, a month ago at the latest for the others.
    const lastDay = yearsAgo === COHORT_YEARS ? beforeRetention : -30;
    for (const spip of ['spip38', 'spip49'] as const) {
      const size = COHORT_SIZE[spip] + sizes.int(-25, 25);
      for (let n = 1; n <= size; n++) {
        const releaseDay = first + random.int(0, days - 1);
        plans.push(cohortPerson(random, identities, { key: `cohort:${yearsAgo}:${spip}:${n}`, year, spip, releaseDay, lastDay, programStart, loadYearStart, usedNames, places }));
      }
    }
  }
  return plans;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

interface PersonContext {
  key: string;
  year: number;
  spip: CohortSpip;
  releaseDay: number;
  lastDay: number;
  programStart: number;
  loadYearStart: number;
  usedNames: Set<string>;
  places: PlaceBook;
}

function cohortPerson(r: SeededRandom, identity: SeededRandom, c: PersonContext): CohortPersonPlan {
  const { releaseDay: release, lastDay, spip } = c;
  const upTo = (day: number) => Math.min(day, lastDay);
  const sex = identity.chance(0.88) ? 'M' : 'F';
  let firstName: string;
  let lastName: string;
  do {
    firstName = identity.pick(sex === 'M' ? MALE : FEMALE);
    lastName = identity.pick(SURNAMES);
  } while (c.usedNames.has(`${firstName} ${lastName}`));
  c.usedNames.add(`${firstName} ${lastName}`);
  const age = identity.int(19, 62) * 365 + identity.int(0, 364);
  const measure = pickMeasure(r);
  const careObligation = measure !== JudicialMeasure.NONE && r.chance(0.4);
  const prison = spip === 'spip38' ? 'varces' : r.chance(0.12) ? 'nantes' : 'angers';
  const registeredDay = release - r.int(60, 400);
  const measureDays = measure === JudicialMeasure.NONE ? r.int(0, 30) : r.int(90, 540);

  // Partners, each with a completed referral: most before release, some after.
  const receivers: Receiver[] = [];
  const toCsapa = r.chance(careObligation ? 0.8 : 0.25);
  if (spip === 'spip38') {
    if (r.chance(0.38)) receivers.push('relais38');
    if (toCsapa) receivers.push('csapa38');
    if (r.chance(0.3)) receivers.push('siao38');
  } else if (toCsapa) {
    receivers.push('csapa44');
  }
  const followUps = receivers.map((to): CohortFollowUpPlan => {
    // After release only when the follow-up could still run two weeks within the period, and
    // never in the load year (referrals count against this year's convention quotas).
    const afterRelease = release + r.int(5, 150);
    const late = r.chance(0.15) && afterRelease + 23 <= Math.min(lastDay, c.loadYearStart - 1);
    const referredDay = late ? afterRelease : release - r.int(20, 180);
    const startDay = referredDay + r.int(2, 9);
    const length = to === 'siao38' ? r.int(30, 240) : to === 'relais38' ? r.int(90, 360) : r.int(120, 540);
    const service: DemoServiceKey = to === 'csapa44' && r.chance(0.45) ? 'csapa44ShortStay' : RECEIVER_SERVICE[to];
    return {
      to,
      service,
      needs: r.pick(RECEIVER_NEEDS[to]),
      motive: r.pick(MOTIVES[to]),
      referredDay,
      startDay,
      endDay: Math.max(startDay + 1, upTo(startDay + length)),
      closingReason: r.pick(CLOSING_REASONS),
    };
  });
  const followed = (to: Receiver) => followUps.find((f) => f.to === to) ?? null;
  const relais = followed('relais38');
  const siao = followed('siao38');
  const csapa = followed('csapa38') ?? followed('csapa44');

  // A place from the release day, in a service of a partner that follows the person then.
  let placement: CohortPersonPlan['placement'] = null;
  const candidates: [CohortFollowUpPlan | null, DemoServiceKey, number][] = [
    [siao, 'siao38Places', 0.3],
    [relais && relais.needs.includes(Need.HOUSING) ? relais : null, 'relaisHsp', 0.35],
    [csapa && csapa.service === 'csapa44ShortStay' ? csapa : null, 'csapa44ShortStay', 0.6],
  ];
  for (const [followUp, service, probability] of candidates) {
    if (placement || !followUp || followUp.startDay > release || !r.chance(probability)) continue;
    const endDay = Math.max(release, Math.min(upTo(release + r.int(45, 270)), PLACES_FREE_FROM));
    if (c.places.take(service, release, endDay)) placement = { service, startDay: release, endDay, endReason: r.pick(PLACEMENT_END_REASONS) };
  }

  // Housing as last recorded.
  const housedChance = 0.4 + (relais ? 0.2 : 0) + (siao ? 0.25 : 0) + (placement ? 0.3 : 0);
  const housingStatus = r.chance(housedChance)
    ? r.pick(siao ? HOUSED_BY_SIAO : HOUSED)
    : r.chance(0.7)
      ? HousingStatus.NONE
      : HousingStatus.UNKNOWN;
  const housingBy: Receiver | CohortSpip = siao ? 'siao38' : relais ? 'relais38' : placement ? 'csapa44' : spip;

  // Rights: the association opens most; the SIAO files the shelter request; the CSAPA the health insurance.
  const rights: CohortRightPlan[] = [];
  const step = (kind: RightKind, status: RightStatus, by: Receiver | CohortSpip, from: number, to: number) => {
    if (!rights.some((right) => right.kind === kind)) rights.push({ kind, status, by, day: r.int(from, Math.max(from, to)) });
  };
  if (relais) {
    for (const kind of RIGHTS.slice(0, r.int(3, 8))) {
      step(kind, r.pick([RightStatus.OBTAINED, RightStatus.OBTAINED, RightStatus.SUBMITTED, RightStatus.REFUSED]), 'relais38', relais.startDay, relais.endDay);
    }
  }
  if (siao) step(RightKind.SHELTER_REQUEST, r.chance(0.5) ? RightStatus.OBTAINED : RightStatus.SUBMITTED, 'siao38', siao.startDay, siao.startDay + 10);
  if (csapa && r.chance(0.7)) step(RightKind.HEALTH_INSURANCE, r.chance(0.7) ? RightStatus.OBTAINED : RightStatus.SUBMITTED, csapa.to, csapa.startDay, csapa.endDay);
  if (rights.length === 0 && r.chance(0.4)) {
    for (const kind of [RightKind.ID_CARD, RightKind.RSA].slice(0, r.int(1, 2))) {
      step(kind, r.chance(0.55) ? RightStatus.OBTAINED : RightStatus.SUBMITTED, spip, release - 60, upTo(release + 60));
    }
  }

  // Employment as last recorded: more often for the persons the association supported.
  const [employment, employmentStatus] = r.chance(relais ? 0.45 : 0.3) ? r.pick(EMPLOYED) : r.pick(NOT_EMPLOYED);

  const health: CohortPersonPlan['health'] = csapa
    ? {
        inCare: r.chance(0.8),
        by: csapa.to as 'csapa38' | 'csapa44',
        sinceDay: csapa.startDay,
        substances: SUBSTANCES.filter(() => r.chance(0.3)).slice(0, 3),
        treatment: r.pick(TREATMENTS),
      }
    : null;
  if (health && health.substances.length === 0) health.substances = [r.pick(SUBSTANCES.slice(0, 4))];

  // The program started on 1 January two years before the load year: enrolments from then on.
  let participation: CohortPersonPlan['participation'] = null;
  if (relais && r.chance(0.75)) {
    const enrolledDay = Math.max(relais.startDay, c.programStart);
    if (enrolledDay <= Math.min(relais.endDay, release + 365)) {
      participation = { enrolledDay, endedDay: relais.endDay, sessions: r.int(1, 10), groupSessions: r.int(0, 5), coInterventions: r.int(0, 2) };
    }
  }

  const fileClosedDay = Math.max(release, upTo(release + measureDays));
  const ends = [fileClosedDay, ...followUps.map((f) => f.endDay), ...(placement ? [placement.endDay] : [])];
  return {
    key: c.key,
    year: c.year,
    spip,
    prison,
    firstName,
    lastName,
    sex,
    birthDay: release - age,
    registeredDay,
    releaseDay: release,
    expectedReleaseDay: measure === JudicialMeasure.CONDITIONAL_RELEASE ? release + r.int(30, 240) : release,
    measure,
    careObligation,
    offence: r.pick(OFFENCES),
    sentenceEndDay: release + (measure === JudicialMeasure.NONE ? 0 : measureDays),
    prisonNumber: `${prison === 'nantes' ? '44' : spip === 'spip38' ? '38' : '49'}-${c.year - r.int(0, 3)}-${String(r.int(100, 9999)).padStart(4, '0')}`,
    fileClosedDay,
    resources: r.pick(RESOURCES),
    employment,
    employmentStatus,
    socialBy: relais ? 'relais38' : spip,
    housingStatus,
    housingBy,
    shelterRequestedDay: siao ? siao.startDay : null,
    followUps,
    rights,
    placement,
    health,
    participation,
    lastContactDay: Math.max(...ends),
  };
}
