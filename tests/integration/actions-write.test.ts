import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import {
  ActionByIdDocument,
  ActionsDocument,
  CreateActionDocument,
  EnrolInActionDocument,
  PersonParticipationsDocument,
  RecordEvaluationDocument,
  RecordParticipationDocument,
  UpdateActionDocument,
  UpdateEvaluationDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

const SEED_001 = 'Interventions dans le milieu de la justice';

const action = {
  title: 'Ateliers de prévention des addictions en maison d’arrêt',
  theme: 'Conduites addictives',
  generalObjectives: ['Réduire les risques liés aux consommations à la sortie'],
  operationalObjectives: ['Animer des groupes de parole', 'Orienter vers le CSAPA à la sortie'],
  description: 'Groupes hebdomadaires animés avec l’unité sanitaire.',
  targetPublic: 'Personnes détenues',
  startYear: 2026,
  endYear: 2027,
  duration: '24 mois',
  frequency: 'REPEATED' as const,
  types: ['GROUP_SESSIONS' as const, 'CARE' as const],
  places: ["Maison d'arrêt de Grenoble-Varces"],
  departements: ['38'],
  region: 'Auvergne-Rhône-Alpes',
  sector: 'Etablissement pénitentiaire',
  nationalPlan: 'ADDICTIONS - La prise en charge et la prévention des addictions',
  categories: ['A4' as const, 'B4' as const],
  beneficiaries: 40,
};

describe('actions, evaluations and participations, written through the API', () => {
  let app: TestApp;
  let seed001: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const actions = await app.as('eval.ofdt').query(ActionsDocument);
    seed001 = actions.data!.actions.find((a) => a.title === SEED_001)!.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('a structure records a program as its carrier, and only the carrier edits it', async () => {
    const created = await app.as('soignant.csapa38').query(CreateActionDocument, { input: action });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAction).toMatchObject({ title: action.title, version: 1, carrier: { name: 'CSAPA Grenoble Addictions' }, departements: ['38'] });
    const id = created.data!.createAction.id;
    const updated = await app.as('soignant.csapa38').query(UpdateActionDocument, { id, input: { ...action, beneficiaries: 52 }, expectedVersion: 1 });
    expect(updated.data!.updateAction).toMatchObject({ beneficiaries: 52 });
    const stale = await app.as('soignant.csapa38').query(UpdateActionDocument, { id, input: action, expectedVersion: 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(errorCodes(await app.as('ts.relais38').query(UpdateActionDocument, { id, input: action }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.as('eval.ofdt').query(CreateActionDocument, { input: action }))).toEqual(['FORBIDDEN']);
  });

  it.each([
    [{ endYear: 2020 }, 'endYear'],
    [{ departements: ['380'] }, 'departements'],
    [{ title: '' }, 'title'],
  ])('rejects %p with BAD_USER_INPUT', async (change, argumentName) => {
    const result = await app.as('soignant.csapa38').query(CreateActionDocument, { input: { ...action, ...change } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName });
  });

  it('an evaluator records an evaluation with per-département indicators; it reads back with its figures', async () => {
    const recorded = await app.as('eval.ofdt').query(RecordEvaluationDocument, {
      actionId: seed001,
      input: {
        periodStart: '2020-01-01',
        periodEnd: '2020-12-31',
        assessment: 'Reprise partielle après la crise sanitaire.',
        weaknesses: ['Interventions suspendues au printemps'],
        perspectives: ['Rattraper les séances en 2021'],
        indicators: [
          { code: 'PEOPLE_REACHED', name: 'Personnes ayant bénéficié des actions', value: 64, unit: 'personnes', byDepartement: [{ departement: '44', value: 30 }, { departement: '49', value: 34 }] },
          { code: 'CO_INTERVENTIONS', name: 'Co-interventions', value: 3.5, unit: 'co-interventions', byDepartement: [{ departement: '53', value: 3.5 }] },
        ],
      },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordEvaluation).toMatchObject({ author: { name: 'Observatoire des drogues' }, periodStart: '2020-01-01' });
    const read = await app.as('cpip.angers').query(ActionByIdDocument, { id: seed001 });
    const evaluations = read.data!.action!.evaluations;
    expect(evaluations.map((e) => e.periodStart)).toEqual(['2019-01-01', '2020-01-01']);
    expect(evaluations[0].indicators.find((i) => i.code === 'PEOPLE_REACHED')).toEqual({
      code: 'PEOPLE_REACHED',
      value: 128,
      byDepartement: [
        { departement: '44', value: 45 },
        { departement: '49', value: 37 },
        { departement: '53', value: 28 },
        { departement: '72', value: 18 },
      ],
    });
    expect(evaluations[1].indicators).toEqual([
      { code: 'PEOPLE_REACHED', value: 64, byDepartement: [{ departement: '44', value: 30 }, { departement: '49', value: 34 }] },
      { code: 'CO_INTERVENTIONS', value: 3.5, byDepartement: [{ departement: '53', value: 3.5 }] },
    ]);
    const other = await app.as('soignant.csapa44').query(UpdateEvaluationDocument, {
      id: recorded.data!.recordEvaluation.id,
      input: { periodStart: '2020-01-01', periodEnd: '2020-12-31' },
    });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('an evaluation is recorded by an evaluator or the carrier; periods and parts are checked', async () => {
    const base = { periodStart: '2021-01-01', periodEnd: '2021-12-31' };
    expect(errorCodes(await app.as('cpip.grenoble').query(RecordEvaluationDocument, { actionId: seed001, input: base }))).toEqual(['FORBIDDEN']);
    expect((await app.as('soignant.csapa44').query(RecordEvaluationDocument, { actionId: seed001, input: base })).errors).toBeUndefined();
    const reversed = await app.as('eval.ofdt').query(RecordEvaluationDocument, { actionId: seed001, input: { periodStart: '2021-12-31', periodEnd: '2021-01-01' } });
    expect(errorCodes(reversed)).toEqual(['BAD_USER_INPUT']);
    const twice = await app.as('eval.ofdt').query(RecordEvaluationDocument, {
      actionId: seed001,
      input: { ...base, indicators: [{ name: 'x', byDepartement: [{ departement: '44', value: 1 }, { departement: '44', value: 2 }] }] },
    });
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
    const unknown = await app.as('eval.ofdt').query(RecordEvaluationDocument, { actionId: '5e0c0000-0000-4000-8000-000000000000', input: base });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('the carrier enrols a person it follows and records attendance; read under the policy, never by evaluators', async () => {
    const em = app.em();
    const personId = (await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey('story:siao-shelter') })).id;
    const actions = await app.as('ts.relais38').query(ActionsDocument);
    const program = actions.data!.actions.find((a) => a.carrier.name === 'Relais Isère Sortants')!.id;
    const byOther = await app.as('soignant.csapa38').query(EnrolInActionDocument, { input: { actionId: program, personId } });
    expect(errorCodes(byOther)).toEqual(['FORBIDDEN']);
    const enrolled = await app.as('ts.relais38').query(EnrolInActionDocument, { input: { actionId: program, personId } });
    expect(enrolled.errors).toBeUndefined();
    const twice = await app.as('ts.relais38').query(EnrolInActionDocument, { input: { actionId: program, personId } });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const recorded = await app.as('ts.relais38').query(RecordParticipationDocument, {
      id: enrolled.data!.enrolInAction.id,
      input: { sessionsAttended: 3, groupSessions: 2, coInterventions: 1 },
    });
    expect(recorded.data!.recordParticipation).toMatchObject({ sessionsAttended: 3, groupSessions: 2, coInterventions: 1, endedOn: null });
    const relais = await app.as('ts.relais38').query(PersonParticipationsDocument, { id: personId });
    expect(relais.data!.person!.participations.map((p) => p.sessionsAttended)).toContain(3);
    const evaluator = await app.as('eval.ofdt').query(PersonParticipationsDocument, { id: personId });
    expect(errorCodes(evaluator)).toEqual(['FORBIDDEN']);
  });

  it("hides an association's participation from a CSAPA that follows the person without SOCIAL consent", async () => {
    const personId = (await app.em().findOneOrFail(Person, { pseudonym: pseudonymFromKey('story:consent-revoked') })).id;
    const actions = await app.as('ts.relais38').query(ActionsDocument);
    const program = actions.data!.actions.find((a) => a.carrier.name === 'Relais Isère Sortants')!.id;
    const relais = await app.as('ts.relais38').query(PersonParticipationsDocument, { id: personId });
    if (relais.data!.person!.participations.length === 0) {
      expect((await app.as('ts.relais38').query(EnrolInActionDocument, { input: { actionId: program, personId } })).errors).toBeUndefined();
    }
    expect((await app.as('ts.relais38').query(PersonParticipationsDocument, { id: personId })).data!.person!.participations.length).toBeGreaterThan(0);
    const csapa = await app.as('soignant.csapa38').query(PersonParticipationsDocument, { id: personId });
    expect(csapa.errors).toBeUndefined();
    expect(csapa.data!.person!.participations).toEqual([]);
  });
});
