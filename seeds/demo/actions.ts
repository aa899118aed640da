import type { EntityManager } from '@mikro-orm/core';
import { ActionFrequency, ActionType, OutcomeCategory } from '../../src/actions/action.enums';
import { Action } from '../../src/actions/action.entity';
import { Evaluation } from '../../src/evaluations/evaluation.entity';
import { IndicatorPart } from '../../src/evaluations/indicator-part.entity';
import { Indicator } from '../../src/evaluations/indicator.entity';
import type { Structure } from '../../src/structures/structure.entity';
import type { DemoDirectory } from './directory';

interface IndicatorSpec {
  code: string;
  name: string;
  unit: string;
  value: number;
  byDepartement?: Record<string, number>;
}

function addIndicators(em: EntityManager, evaluation: Evaluation, specs: IndicatorSpec[]): void {
  specs.forEach((spec, index) => {
    const indicator = new Indicator(evaluation, index + 1, spec.name);
    indicator.code = spec.code;
    indicator.unit = spec.unit;
    indicator.value = spec.value;
    em.persist(indicator);
    for (const [departement, value] of Object.entries(spec.byDepartement ?? {})) {
      em.persist(new IndicatorPart(indicator, departement, value));
    }
  });
}

/**
 * The 2019 record "Interventions dans le milieu de la justice" of seed 001, with its
 * evaluation figures as published. The seed's carrier is an addiction-prevention
 * association of Pays de la Loire; here the demo CSAPA of Nantes carries it.
 */
export function seedJusticeInterventions2019(em: EntityManager, carrier: Structure): Action {
  const action = new Action('Interventions dans le milieu de la justice', carrier, 'Conduites addictives');
  action.generalObjectives = [
    'Renforcer les compétences des détenus et les accompagner dans la mise en place des actions de prévention',
  ];
  action.operationalObjectives = [
    'Organiser des interventions sur les conduites addictives inscrites dans une démarche globale et progressive',
    'Conduire des programmes de renforcement des compétences psychosociales',
  ];
  action.description =
    'Co-interventions auprès des détenus et des professionnels : stages de prévention (citoyenneté, routière, stupéfiants) ' +
    'dans les services pénitentiaires et les maisons d’arrêt de Loire-Atlantique, Maine-et-Loire, Mayenne et Sarthe, en 2019.';
  action.targetPublic = 'Personnes détenues ou sous main de justice';
  action.startYear = 2019;
  action.endYear = 2019;
  action.duration = '12 mois, de janvier à décembre 2019';
  action.frequency = ActionFrequency.REPEATED;
  action.types = [ActionType.COMMUNICATION_INFORMATION_AWARENESS];
  action.places = [
    'Loire-Atlantique : Quartier pour peines aménagées (QPA)',
    "Maine-et-Loire : Services pénitentiaires d'insertion et de probation (SPIP) d'Angers et de Cholet",
    "Mayenne : Services pénitentiaires d'insertion et de probation (SPIP) de Laval et Évron ; maison d'arrêt",
    'Sarthe : Stage routier et citoyenneté du Mans',
  ];
  action.departements = ['44', '49', '53', '72'];
  action.region = 'Pays de la Loire';
  action.sector = 'Etablissement pénitentiaire';
  action.nationalPlan = 'ADDICTIONS - La prise en charge et la prévention des addictions';
  action.categories = Object.values(OutcomeCategory);
  action.beneficiaries = 128;
  em.persist(action);

  const evaluation = new Evaluation(action, '2019-01-01', '2019-12-31');
  evaluation.author = carrier;
  evaluation.assessment =
    'L’année 2019 est une année de transition pour les équipes compte tenu des nouvelles modalités d’intervention fixées ' +
    'par le CPOM avec des quotas. Les discussions avec l’ARS et la MILDECA s’étant déroulées sur tout le premier semestre ' +
    'avant d’aboutir à un consensus (signature du CPOM en novembre 2019 avec effet rétroactif au 1er janvier), beaucoup ' +
    'd’actions avaient été pensées avec des structures sous le format ancien CPOM.';
  evaluation.weaknesses = [
    'La principale difficulté a résidé dans l’accompagnement des équipes pour la mise en œuvre des deux prestations ' +
      '(appui aux professionnels et co-intervention).',
    'Ces nouvelles modalités d’intervention ne conviennent pas aux besoins de certaines structures (services PJJ, SPIP, ' +
      'établissements scolaires) : certains professionnels comprennent la démarche mais ne peuvent la mettre en œuvre, ' +
      'd’autres s’y refusent, ne se sentant pas légitimes.',
  ];
  evaluation.perspectives = [
    'Clarifier les champs d’intervention des différents acteurs de terrain : « tout le monde fait tout, sans compréhension ' +
      'des complémentarités de chacun ».',
    'Apporter une cohérence dans les approches et les accompagnements proposés sur les territoires, avec du temps ' +
      'partenarial financé (par exemple avec les coordinateurs des contrats locaux de santé).',
    'L’année 2020 commence sans financement de journées de formation (16 journées financées jusqu’en 2019).',
    'De belles perspectives de travail sont en cours pour 2020 avec plusieurs structures.',
  ];
  em.persist(evaluation);
  addIndicators(em, evaluation, [
    {
      code: 'PEOPLE_REACHED',
      name: 'Nombre de personnes ayant bénéficié des actions',
      unit: 'personnes',
      value: 128,
      byDepartement: { '44': 45, '49': 37, '53': 28, '72': 18 },
    },
    {
      code: 'GROUP_SESSIONS',
      name: 'Nombre de séances de groupe',
      unit: 'séances',
      value: 36,
      byDepartement: { '44': 3, '49': 20, '53': 12, '72': 1 },
    },
    {
      code: 'CO_INTERVENTIONS',
      name: 'Nombre de co-interventions',
      unit: 'co-interventions',
      value: 15,
      byDepartement: { '44': 6, '49': 6, '53': 2.5, '72': 0.5 },
    },
  ]);
  return action;
}

/** The association's own program: opening rights before release (seed 002), evaluated for last year. */
export function seedReleasePreparation(em: EntityManager, directory: DemoDirectory, year: number): Action {
  const { structures } = directory;
  const action = new Action('Préparer la sortie : ouverture des droits avant la libération', structures.relais38, 'Insertion des sortants de prison');
  action.generalObjectives = ['Prévenir la récidive en préparant la sortie des personnes détenues libérables dans les six mois'];
  action.operationalObjectives = [
    'Tenir des permanences hebdomadaires à la maison d’arrêt de Grenoble-Varces',
    'Ouvrir les droits avant la libération (CNI, RSA, domiciliation, demande d’hébergement, demande de logement social)',
    'Activer le réseau partenarial (SIAO, CSAPA, France Travail) pour la sortie',
  ];
  action.description =
    'Accompagnement global des sortants de détention orientés par le SPIP de l’Isère dans le cadre d’une convention de ' +
    '135 orientations par an : permanences en détention, entretiens individuels, visites à domicile, hébergement en CHRS diffus.';
  action.targetPublic = 'Hommes et femmes majeurs, sortants de détention ou sous main de justice';
  action.startYear = year - 2;
  action.endYear = year + 1;
  action.duration = '4 ans';
  action.frequency = ActionFrequency.REPEATED;
  action.types = [ActionType.INDIVIDUAL_SUPPORT];
  action.places = ["Maison d'arrêt de Grenoble-Varces", 'Grenoble'];
  action.departements = ['38'];
  action.region = 'Auvergne-Rhône-Alpes';
  action.sector = 'Insertion sociale';
  action.categories = [OutcomeCategory.A4, OutcomeCategory.B4, OutcomeCategory.C2];
  action.beneficiaries = 118;
  em.persist(action);

  const evaluation = new Evaluation(action, `${year - 1}-01-01`, `${year - 1}-12-31`);
  evaluation.author = structures.relais38;
  evaluation.assessment =
    'Les orientations du SPIP ont presque atteint le quota conventionnel. L’ouverture des droits avant la sortie ' +
    'progresse ; l’accès à un hébergement à la date de libération reste le principal point de blocage.';
  evaluation.weaknesses = ['Délais de rendez-vous en préfecture pour les cartes d’identité.', 'Places d’hébergement insuffisantes à la sortie.'];
  evaluation.perspectives = ['Convention avec le SIAO pour réserver des places aux sortants de détention.'];
  em.persist(evaluation);
  addIndicators(em, evaluation, [
    { code: 'REFERRALS_RECEIVED', name: 'Orientations reçues du SPIP', unit: 'orientations', value: 127, byDepartement: { '38': 127 } },
    { code: 'PEOPLE_REACHED', name: 'Personnes accompagnées', unit: 'personnes', value: 118, byDepartement: { '38': 118 } },
    { code: 'PRISON_OFFICE_HOURS', name: 'Permanences en détention', unit: 'permanences', value: 46, byDepartement: { '38': 46 } },
  ]);
  return action;
}
