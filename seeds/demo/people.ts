import type { Role } from '../../src/auth/role';
import { DataDomain } from '../../src/policy/data-domain';
import { JudicialMeasure } from '../../src/persons/person.enums';
import { ReferralStatus } from '../../src/support/referral.enums';
import { Need } from '../../src/shared/need';
import type { DemoServiceKey, DemoStructureKey } from './directory';
import { SeededRandom } from './random';

/**
 * The demo persons as plans: who they are, where they are held, when they leave,
 * which partners they were referred to and what they consented to. Names are fictional.
 */

export type Receiver = 'relais38' | 'csapa38' | 'siao38' | 'csapa44';

export interface ReferralPlan {
  to: Receiver;
  service: DemoServiceKey;
  status: ReferralStatus;
  needs: Need[];
  motive: string;
  /** Days between the referral and today. */
  createdDaysAgo: number;
  declineReason?: string;
  cancelReason?: string;
}

export interface ConsentPlan {
  domain: DataDomain;
  /** Null: every structure holding a mandate. */
  recipient: DemoStructureKey | null;
  recordedBy: 'soignant.csapa38' | 'soignant.csapa44' | 'ts.relais38' | 'coord.siao38';
  state: 'active' | 'revoked' | 'expired';
}

export interface PersonPlan {
  /** Seed of the pseudonym: stable across loads, so tests and docs can name demo cases. */
  key: string;
  spip: 'spip38' | 'spip49';
  prison: 'varces' | 'angers' | 'nantes';
  firstName: string;
  lastName: string;
  sex: 'F' | 'M';
  age: number;
  /** Days from today to the (expected or past) release. */
  releaseInDays: number;
  measure: JudicialMeasure;
  careObligation: boolean;
  offence: string;
  referrals: ReferralPlan[];
  consents: ConsentPlan[];
}

export const RECEIVER_SERVICE: Record<Receiver, DemoServiceKey> = {
  relais38: 'relaisSma',
  csapa38: 'csapa38Care',
  siao38: 'siao38Orientation',
  csapa44: 'csapa44Care',
};

export const RECEIVER_WORKER: Record<Receiver, { login: string; role?: Role }> = {
  relais38: { login: 'ts.relais38' },
  csapa38: { login: 'soignant.csapa38' },
  siao38: { login: 'coord.siao38' },
  csapa44: { login: 'soignant.csapa44' },
};

export const RECEIVER_NEEDS: Record<Receiver, Need[][]> = {
  relais38: [
    [Need.RIGHTS, Need.HOUSING, Need.SOCIAL_SUPPORT],
    [Need.RIGHTS, Need.SOCIAL_SUPPORT],
    [Need.RIGHTS, Need.EMPLOYMENT, Need.SOCIAL_SUPPORT],
  ],
  csapa38: [[Need.ADDICTION_CARE], [Need.ADDICTION_CARE, Need.HEALTH]],
  siao38: [[Need.HOUSING]],
  csapa44: [[Need.ADDICTION_CARE], [Need.ADDICTION_CARE, Need.HEALTH]],
};

export const MOTIVES: Record<Receiver, string[]> = {
  relais38: [
    'Sortie sans solution de logement ; droits à ouvrir avant la libération (CNI, RSA, domiciliation).',
    'Libérable dans les six mois, isolé, demande un accompagnement global.',
    'Projet de sortie à construire : ouverture des droits et recherche d’emploi.',
  ],
  csapa38: [
    'Obligation de soins ; consommation problématique signalée par l’unité sanitaire.',
    'Demande de continuité des soins en addictologie à la sortie.',
  ],
  siao38: ['Demande d’hébergement à la sortie, aucune solution familiale.', 'Hébergement d’insertion à rechercher avant la libération.'],
  csapa44: [
    'Installation prévue à Nantes ; relais des soins en addictologie.',
    'Obligation de soins ; suivi à organiser près du futur domicile.',
  ],
};

const DECLINE_REASONS: Record<Receiver, string[]> = {
  relais38: ['File active complète jusqu’à la fin du trimestre.', 'Projet de sortie hors du département.'],
  csapa38: ['Suivi déjà en place dans un autre CSAPA.'],
  siao38: ['Solution d’hébergement familiale confirmée.'],
  csapa44: ['Domicile prévu hors du territoire du CSAPA.'],
};

const CANCEL_REASONS = [
  'Libération reportée : nouvelle condamnation.',
  'Transfert vers un autre établissement.',
  'La personne ne souhaite plus d’accompagnement.',
];

export const MALE_FIRST_NAMES = [
  'Mehdi', 'Julien', 'Kevin', 'Sébastien', 'Anthony', 'Yanis', 'Thomas', 'Dylan', 'Rachid', 'Florian',
  'Nicolas', 'Mathieu', 'Samir', 'Jordan', 'Grégory', 'Alexandre', 'Bilal', 'Cédric', 'Loïc', 'Romain',
  'Jérémy', 'Malik', 'Fabien', 'Ludovic', 'Steeve', 'Teddy', 'Hamza', 'Benoît', 'Christophe', 'Damien',
];
export const FEMALE_FIRST_NAMES = ['Sandra', 'Aurélie', 'Jessica', 'Nadia', 'Laetitia', 'Céline', 'Amandine', 'Sabrina'];
export const LAST_NAMES = [
  'Garnier', 'Benali', 'Morel', 'Lefort', 'Chevalier', 'Haddad', 'Rolland', 'Perrot', 'Masson', 'Tessier',
  'Boyer', 'Lacroix', 'Brunet', 'Caron', 'Maillard', 'Renaud', 'Fleury', 'Aubert', 'Collin', 'Ferreira',
  'Giraud', 'Hamdi', 'Jacquet', 'Leclerc', 'Marchand', 'Noël', 'Poulain', 'Rey', 'Schmitt', 'Vidal',
  'Barbier', 'Carpentier', 'Delorme', 'Etienne', 'Faure', 'Guillot', 'Hoarau', 'Julien', 'Klein', 'Langlois',
];
export const OFFENCES = [
  'Vol aggravé',
  'Infraction à la législation sur les stupéfiants',
  'Violences volontaires',
  'Conduite en état alcoolique en récidive',
  'Escroquerie',
  'Recel',
  'Vol par effraction',
  'Outrage et rébellion',
];

const MEASURES: [JudicialMeasure, number][] = [
  [JudicialMeasure.NONE, 0.3],
  [JudicialMeasure.CONDITIONAL_RELEASE, 0.15],
  [JudicialMeasure.PROBATION, 0.2],
  [JudicialMeasure.ELECTRONIC_MONITORING, 0.1],
  [JudicialMeasure.SEMI_LIBERTY, 0.08],
  [JudicialMeasure.EXTERNAL_PLACEMENT, 0.07],
  [JudicialMeasure.JUDICIAL_SUPERVISION, 0.1],
];

function referral(to: Receiver, status: ReferralStatus, createdDaysAgo: number, extra: Partial<ReferralPlan> = {}): ReferralPlan {
  return {
    to,
    service: RECEIVER_SERVICE[to],
    status,
    needs: RECEIVER_NEEDS[to][0],
    motive: MOTIVES[to][0],
    createdDaysAgo,
    ...(status === ReferralStatus.DECLINED ? { declineReason: DECLINE_REASONS[to][0] } : {}),
    ...(status === ReferralStatus.CANCELLED ? { cancelReason: CANCEL_REASONS[0] } : {}),
    ...extra,
  };
}

/**
 * Hand-written cases, one per situation the access policy distinguishes, so that
 * every row of the access matrix has a demo person to show it.
 */
export const STORY_PERSONS: PersonPlan[] = [
  {
    key: 'story:pending-relais',
    spip: 'spip38', prison: 'varces', firstName: 'Karim', lastName: 'Benhamou', sex: 'M', age: 34,
    releaseInDays: 21, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Vol aggravé',
    referrals: [referral('relais38', ReferralStatus.PENDING, 2)],
    consents: [],
  },
  {
    key: 'story:relais-and-csapa',
    spip: 'spip38', prison: 'varces', firstName: 'Lucas', lastName: 'Morin', sex: 'M', age: 29,
    releaseInDays: -40, measure: JudicialMeasure.CONDITIONAL_RELEASE, careObligation: true,
    offence: 'Infraction à la législation sur les stupéfiants',
    referrals: [
      referral('relais38', ReferralStatus.IN_PROGRESS, 110),
      referral('csapa38', ReferralStatus.IN_PROGRESS, 105, { needs: [Need.ADDICTION_CARE, Need.HEALTH] }),
    ],
    consents: [
      { domain: DataDomain.HEALTH_SUMMARY, recipient: 'relais38', recordedBy: 'soignant.csapa38', state: 'active' },
      { domain: DataDomain.HEALTH_SUMMARY, recipient: 'spip38', recordedBy: 'soignant.csapa38', state: 'active' },
      { domain: DataDomain.SOCIAL, recipient: 'csapa38', recordedBy: 'ts.relais38', state: 'active' },
      { domain: DataDomain.HOUSING, recipient: 'csapa38', recordedBy: 'ts.relais38', state: 'active' },
    ],
  },
  {
    key: 'story:consent-revoked',
    spip: 'spip38', prison: 'varces', firstName: 'Sandrine', lastName: 'Lopez', sex: 'F', age: 41,
    releaseInDays: -75, measure: JudicialMeasure.PROBATION, careObligation: true, offence: 'Escroquerie',
    referrals: [referral('relais38', ReferralStatus.IN_PROGRESS, 150), referral('csapa38', ReferralStatus.IN_PROGRESS, 140)],
    consents: [{ domain: DataDomain.HEALTH_SUMMARY, recipient: 'relais38', recordedBy: 'soignant.csapa38', state: 'revoked' }],
  },
  {
    key: 'story:consent-expired',
    spip: 'spip38', prison: 'varces', firstName: 'Dimitri', lastName: 'Kowalski', sex: 'M', age: 46,
    releaseInDays: -300, measure: JudicialMeasure.PROBATION, careObligation: true,
    offence: 'Conduite en état alcoolique en récidive',
    referrals: [referral('relais38', ReferralStatus.IN_PROGRESS, 380), referral('csapa38', ReferralStatus.IN_PROGRESS, 370)],
    consents: [{ domain: DataDomain.HEALTH_SUMMARY, recipient: 'relais38', recordedBy: 'soignant.csapa38', state: 'expired' }],
  },
  {
    key: 'story:consent-to-all',
    spip: 'spip38', prison: 'varces', firstName: 'Farid', lastName: 'Zerrouki', sex: 'M', age: 38,
    releaseInDays: -20, measure: JudicialMeasure.ELECTRONIC_MONITORING, careObligation: true, offence: 'Recel',
    referrals: [
      referral('relais38', ReferralStatus.IN_PROGRESS, 90),
      referral('csapa38', ReferralStatus.IN_PROGRESS, 88),
      referral('siao38', ReferralStatus.IN_PROGRESS, 60),
    ],
    consents: [{ domain: DataDomain.HEALTH_SUMMARY, recipient: null, recordedBy: 'soignant.csapa38', state: 'active' }],
  },
  {
    key: 'story:pending-csapa',
    spip: 'spip38', prison: 'varces', firstName: 'Élodie', lastName: 'Charpentier', sex: 'F', age: 27,
    releaseInDays: 45, measure: JudicialMeasure.PROBATION, careObligation: true,
    offence: 'Infraction à la législation sur les stupéfiants',
    referrals: [referral('csapa38', ReferralStatus.PENDING, 4, { needs: [Need.ADDICTION_CARE] })],
    consents: [],
  },
  {
    key: 'story:declined-relais',
    spip: 'spip38', prison: 'varces', firstName: 'Bruno', lastName: 'Delattre', sex: 'M', age: 52,
    releaseInDays: 60, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Violences volontaires',
    referrals: [referral('relais38', ReferralStatus.DECLINED, 30)],
    consents: [],
  },
  {
    key: 'story:completed-relais',
    spip: 'spip38', prison: 'varces', firstName: 'Antoine', lastName: 'Mercier', sex: 'M', age: 31,
    releaseInDays: -260, measure: JudicialMeasure.CONDITIONAL_RELEASE, careObligation: false, offence: 'Vol par effraction',
    referrals: [referral('relais38', ReferralStatus.COMPLETED, 330)],
    consents: [],
  },
  {
    key: 'story:siao-shelter',
    spip: 'spip38', prison: 'varces', firstName: 'Moussa', lastName: 'Diallo', sex: 'M', age: 24,
    releaseInDays: 12, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Outrage et rébellion',
    referrals: [referral('siao38', ReferralStatus.IN_PROGRESS, 50), referral('relais38', ReferralStatus.ACCEPTED, 45)],
    consents: [],
  },
  {
    key: 'story:angers-to-nantes',
    spip: 'spip49', prison: 'nantes', firstName: 'Gaëtan', lastName: 'Le Bihan', sex: 'M', age: 36,
    releaseInDays: -15, measure: JudicialMeasure.SEMI_LIBERTY, careObligation: true,
    offence: 'Conduite en état alcoolique en récidive',
    referrals: [referral('csapa44', ReferralStatus.IN_PROGRESS, 70, { needs: [Need.ADDICTION_CARE, Need.HEALTH] })],
    consents: [{ domain: DataDomain.HEALTH_SUMMARY, recipient: 'spip49', recordedBy: 'soignant.csapa44', state: 'active' }],
  },
  {
    key: 'story:release-far',
    spip: 'spip38', prison: 'varces', firstName: 'Thierry', lastName: 'Vasseur', sex: 'M', age: 49,
    releaseInDays: 250, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Escroquerie',
    referrals: [referral('relais38', ReferralStatus.PENDING, 1, { needs: [Need.RIGHTS, Need.EMPLOYMENT] })],
    consents: [],
  },
  {
    key: 'story:no-referral',
    spip: 'spip38', prison: 'varces', firstName: 'Pascal', lastName: 'Gauthier', sex: 'M', age: 58,
    releaseInDays: 140, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Violences volontaires',
    referrals: [],
    consents: [],
  },
  {
    key: 'story:cancelled-relais',
    spip: 'spip38', prison: 'varces', firstName: 'Steven', lastName: 'Bouchet', sex: 'M', age: 22,
    releaseInDays: 95, measure: JudicialMeasure.NONE, careObligation: false, offence: 'Vol aggravé',
    referrals: [referral('relais38', ReferralStatus.CANCELLED, 25, { cancelReason: CANCEL_REASONS[1] })],
    consents: [],
  },
];

type Template = [Receiver, ReferralStatus][];

const TEMPLATES_38: Template[] = [
  [['relais38', ReferralStatus.PENDING]],
  [['relais38', ReferralStatus.ACCEPTED]],
  [['relais38', ReferralStatus.IN_PROGRESS]],
  [['relais38', ReferralStatus.IN_PROGRESS], ['csapa38', ReferralStatus.IN_PROGRESS]],
  [['csapa38', ReferralStatus.PENDING]],
  [['relais38', ReferralStatus.COMPLETED]],
  [['siao38', ReferralStatus.IN_PROGRESS]],
  [['relais38', ReferralStatus.DECLINED], ['siao38', ReferralStatus.PENDING]],
  [['csapa38', ReferralStatus.ACCEPTED]],
  [['relais38', ReferralStatus.IN_PROGRESS], ['siao38', ReferralStatus.COMPLETED]],
  [['csapa38', ReferralStatus.COMPLETED]],
  [['relais38', ReferralStatus.CANCELLED]],
  [],
  [['siao38', ReferralStatus.DECLINED]],
  [['csapa38', ReferralStatus.DECLINED]],
  [['siao38', ReferralStatus.ACCEPTED]],
  [['csapa38', ReferralStatus.CANCELLED]],
];

const TEMPLATES_49: Template[] = [
  [['csapa44', ReferralStatus.PENDING]],
  [['csapa44', ReferralStatus.IN_PROGRESS]],
  [['csapa44', ReferralStatus.ACCEPTED]],
  [['csapa44', ReferralStatus.COMPLETED]],
  [['csapa44', ReferralStatus.DECLINED]],
  [['csapa44', ReferralStatus.CANCELLED]],
  [],
];

/** Release day and referral age consistent with where the first referral stands. */
function timeline(random: SeededRandom, status: ReferralStatus | undefined): { release: number; created: number } {
  switch (status) {
    case ReferralStatus.PENDING:
      return { release: random.int(15, 170), created: random.int(1, 14) };
    case ReferralStatus.ACCEPTED:
      return { release: random.int(7, 120), created: random.int(15, 60) };
    case ReferralStatus.IN_PROGRESS: {
      const release = random.int(-160, 25);
      return { release, created: Math.max(0, -release) + random.int(20, 90) };
    }
    case ReferralStatus.COMPLETED: {
      const release = random.int(-420, -150);
      return { release, created: -release + random.int(30, 90) };
    }
    case ReferralStatus.DECLINED:
    case ReferralStatus.CANCELLED:
      return { release: random.int(-60, 150), created: random.int(5, 90) };
    default:
      return { release: random.int(-100, 170), created: 0 };
  }
}

/** A judicial measure, in the proportions of the demo's SPIPs. */
export function pickMeasure(random: SeededRandom): JudicialMeasure {
  let roll = random.next();
  for (const [measure, weight] of MEASURES) {
    roll -= weight;
    if (roll <= 0) return measure;
  }
  return JudicialMeasure.NONE;
}

/** The generated persons that complete the data set to about sixty. */
export function generatedPersons(count38: number, count49: number, seed = 20261122): PersonPlan[] {
  const random = new SeededRandom(seed);
  const usedNames = new Set(STORY_PERSONS.map((p) => `${p.firstName} ${p.lastName}`));
  const plans: PersonPlan[] = [];
  for (let i = 0; i < count38 + count49; i++) {
    const in38 = i < count38;
    const template = in38 ? TEMPLATES_38[i % TEMPLATES_38.length] : TEMPLATES_49[(i - count38) % TEMPLATES_49.length];
    const sex = random.chance(0.88) ? 'M' : 'F';
    let firstName: string;
    let lastName: string;
    do {
      firstName = random.pick(sex === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
      lastName = random.pick(LAST_NAMES);
    } while (usedNames.has(`${firstName} ${lastName}`));
    usedNames.add(`${firstName} ${lastName}`);
    const { release, created } = timeline(random, template[0]?.[1]);
    const toCsapa = template.some(([to]) => to === 'csapa38' || to === 'csapa44');
    const referrals = template.map(([to, status], index): ReferralPlan => ({
      to,
      service: RECEIVER_SERVICE[to],
      status,
      needs: random.pick(RECEIVER_NEEDS[to]),
      motive: random.pick(MOTIVES[to]),
      createdDaysAgo: Math.max(status === ReferralStatus.PENDING ? 0 : 12, created - index * random.int(0, 10)),
      ...(status === ReferralStatus.DECLINED ? { declineReason: random.pick(DECLINE_REASONS[to]) } : {}),
      ...(status === ReferralStatus.CANCELLED ? { cancelReason: random.pick(CANCEL_REASONS) } : {}),
    }));
    const consents: ConsentPlan[] = [];
    const active = (to: Receiver) =>
      referrals.some((r) => r.to === to && (r.status === ReferralStatus.IN_PROGRESS || r.status === ReferralStatus.ACCEPTED));
    if (active('relais38') && active('csapa38')) {
      consents.push({ domain: DataDomain.HEALTH_SUMMARY, recipient: 'relais38', recordedBy: 'soignant.csapa38', state: 'active' });
      consents.push({ domain: DataDomain.SOCIAL, recipient: 'csapa38', recordedBy: 'ts.relais38', state: 'active' });
    }
    const careObligation = toCsapa ? random.chance(0.7) : random.chance(0.1);
    if (careObligation && active('csapa38')) {
      consents.push({ domain: DataDomain.HEALTH_SUMMARY, recipient: 'spip38', recordedBy: 'soignant.csapa38', state: 'active' });
    }
    if (careObligation && active('csapa44')) {
      consents.push({ domain: DataDomain.HEALTH_SUMMARY, recipient: 'spip49', recordedBy: 'soignant.csapa44', state: 'active' });
    }
    plans.push({
      key: `demo:${i + 1}`,
      spip: in38 ? 'spip38' : 'spip49',
      prison: in38 ? 'varces' : 'angers',
      firstName,
      lastName,
      sex,
      age: random.int(19, 62),
      releaseInDays: release,
      measure: pickMeasure(random),
      careObligation,
      offence: random.pick(OFFENCES),
      referrals,
      consents,
    });
  }
  return plans;
}

/** Persons generated beside the story cases, per SPIP: 13 + 34 + 13 = 60 persons. */
export const GENERATED_38 = 34;
export const GENERATED_49 = 13;

/** The sixty persons of the demo cases: the story cases and the generated ones. */
export function demoCasePlans(): PersonPlan[] {
  return [...STORY_PERSONS, ...generatedPersons(GENERATED_38, GENERATED_49)];
}
