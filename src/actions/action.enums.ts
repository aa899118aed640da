import { registerEnumType } from 'type-graphql';

export enum ActionFrequency {
  ONE_OFF = 'ONE_OFF',
  REPEATED = 'REPEATED',
}

/** The action types of the OSCARS records (seed 001). */
export enum ActionType {
  COMMUNICATION_INFORMATION_AWARENESS = 'COMMUNICATION_INFORMATION_AWARENESS',
  INDIVIDUAL_SUPPORT = 'INDIVIDUAL_SUPPORT',
  CARE = 'CARE',
  TRAINING = 'TRAINING',
  GROUP_SESSIONS = 'GROUP_SESSIONS',
}

/** The outcome categorisation of health-promotion actions (A1..D in seed 001). */
export enum OutcomeCategory {
  A1 = 'A1',
  A2 = 'A2',
  A3 = 'A3',
  A4 = 'A4',
  B1 = 'B1',
  B2 = 'B2',
  B3 = 'B3',
  B4 = 'B4',
  C1 = 'C1',
  C2 = 'C2',
  C3 = 'C3',
  D = 'D',
}

registerEnumType(ActionFrequency, {
  name: 'ActionFrequency',
  description: 'Whether an action happens once or repeatedly.',
  valuesConfig: {
    ONE_OFF: { description: 'The action happens once.' },
    REPEATED: { description: 'The action is repeated over its duration.' },
  },
});
registerEnumType(ActionType, {
  name: 'ActionType',
  description: 'A kind of intervention an action makes, as in the OSCARS records.',
  valuesConfig: {
    COMMUNICATION_INFORMATION_AWARENESS: { description: 'Communication, information and awareness.' },
    INDIVIDUAL_SUPPORT: { description: 'Individual support of persons.' },
    CARE: { description: 'Care given to persons.' },
    TRAINING: { description: 'Training of professionals or volunteers.' },
    GROUP_SESSIONS: { description: 'Group sessions with persons.' },
  },
});
registerEnumType(OutcomeCategory, {
  name: 'OutcomeCategory',
  description: 'The outcome categorisation of health-promotion actions (A1..D, as in the OSCARS records).',
  valuesConfig: {
    A1: { description: 'Développement d’offres de promotion de la santé' },
    A2: { description: 'Représentation d’intérêts, collaboration entre organisations' },
    A3: { description: 'Mobilisation sociale (social mobilisation).' },
    A4: { description: 'Développement de compétences personnelles' },
    B1: { description: 'Offres en matière de promotion de la santé' },
    B2: { description: 'Stratégies de promotion de la santé dans la politique et les institutions' },
    B3: { description: 'Potentiel social et engagement favorables à la santé' },
    B4: { description: 'Compétences individuelles favorables à la santé' },
    C1: { description: 'Environnement physique favorable à la santé' },
    C2: { description: 'Environnement social favorable à la santé' },
    C3: { description: 'Ressources personnelles et types de comportement favorables à la santé' },
    D: { description: 'Espérance de vie en bonne santé, qualité de vie, morbidité et mortalité' },
  },
});
