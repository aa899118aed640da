import { Action } from '../../src/actions/action.entity';
import { Evaluation } from '../../src/evaluations/evaluation.entity';
import { IndicatorPart } from '../../src/evaluations/indicator-part.entity';
import { Indicator } from '../../src/evaluations/indicator.entity';
import { Structure } from '../../src/structures/structure.entity';
import { ActionByIdDocument, ActionsDocument } from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

const SEED_001_TITLE = 'Interventions dans le milieu de la justice';

describe('actions and their evaluations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the seed-001 action with its 2019 evaluation and per-département indicators, to an evaluator', async () => {
    const result = await app.as('eval.ofdt').query(ActionsDocument);
    expect(result.errors).toBeUndefined();
    const action = result.data!.actions.find((a) => a.title === SEED_001_TITLE)!;
    expect(action).toMatchObject({
      theme: 'Conduites addictives',
      startYear: 2019,
      endYear: 2019,
      duration: '12 mois, de janvier à décembre 2019',
      frequency: 'REPEATED',
      types: ['COMMUNICATION_INFORMATION_AWARENESS'],
      targetPublic: 'Personnes détenues ou sous main de justice',
      departements: ['44', '49', '53', '72'],
      region: 'Pays de la Loire',
      nationalPlan: 'ADDICTIONS - La prise en charge et la prévention des addictions',
      beneficiaries: 128,
      carrier: { name: 'CSAPA Nantes Addictions', kind: 'CSAPA' },
    });
    expect(action.generalObjectives).toHaveLength(1);
    expect(action.operationalObjectives).toHaveLength(2);
    expect(action.objectives).toEqual([...action.generalObjectives, ...action.operationalObjectives]);
    expect(action.evaluations).toHaveLength(1);
    const [evaluation] = action.evaluations;
    expect(evaluation).toMatchObject({ periodStart: '2019-01-01', periodEnd: '2019-12-31', action: { id: action.id } });
    expect(evaluation.assessment).toContain('année de transition');
    expect(evaluation.weaknesses).toHaveLength(2);
    expect(evaluation.perspectives).toHaveLength(4);
    expect(evaluation.indicators).toEqual([
      {
        code: 'PEOPLE_REACHED',
        name: 'Nombre de personnes ayant bénéficié des actions',
        value: 128,
        unit: 'personnes',
        byDepartement: [
          { departement: '44', value: 45 },
          { departement: '49', value: 37 },
          { departement: '53', value: 28 },
          { departement: '72', value: 18 },
        ],
      },
      {
        code: 'GROUP_SESSIONS',
        name: 'Nombre de séances de groupe',
        value: 36,
        unit: 'séances',
        byDepartement: [
          { departement: '44', value: 3 },
          { departement: '49', value: 20 },
          { departement: '53', value: 12 },
          { departement: '72', value: 1 },
        ],
      },
      {
        code: 'CO_INTERVENTIONS',
        name: 'Nombre de co-interventions',
        value: 15,
        unit: 'co-interventions',
        byDepartement: [
          { departement: '44', value: 6 },
          { departement: '49', value: 6 },
          { departement: '53', value: 2.5 },
          { departement: '72', value: 0.5 },
        ],
      },
    ]);
  });

  it('reads one action by id, and null for an unknown id', async () => {
    const all = await app.as('cpip.angers').query(ActionsDocument);
    const id = all.data!.actions.find((a) => a.title === SEED_001_TITLE)!.id;
    const one = await app.as('cpip.angers').query(ActionByIdDocument, { id });
    expect(one.data!.action).toMatchObject({ id, title: SEED_001_TITLE, carrier: { name: 'CSAPA Nantes Addictions' } });
    const unknown = await app.as('cpip.angers').query(ActionByIdDocument, { id: '3f0b1f7e-1111-4222-8333-444455556666' });
    expect(unknown.data!.action).toBeNull();
    const malformed = await app.as('cpip.angers').query(ActionByIdDocument, { id: '42' });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('costs a fixed number of SQL statements, whatever the number of actions, evaluations and indicators', async () => {
    const token = await app.tokenFor('eval.ofdt');
    const before = await app.sql.count(() => app.request(ActionsDocument, {}, token));

    const em = app.em();
    const carrier = await em.findOneOrFail(Structure, { name: 'CSAPA Grenoble Addictions' });
    for (let i = 0; i < 12; i++) {
      const action = em.create(Action, { title: `Programme ${i}`, carrier, theme: 'Insertion', startYear: 2020 + (i % 5) });
      for (let year = 2020; year < 2023; year++) {
        const evaluation = em.create(Evaluation, { action, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
        for (let position = 1; position <= 3; position++) {
          const indicator = em.create(Indicator, { evaluation, position, name: `Indicateur ${position}`, value: position * 10 });
          em.create(IndicatorPart, { indicator, departement: '38', value: position * 10 });
        }
      }
    }
    await em.flush();

    const after = await app.sql.count(() => app.request(ActionsDocument, {}, token));
    expect(after.result.data!.actions).toHaveLength(before.result.data!.actions.length + 12);
    // Authentication, actions, carriers, evaluations, indicators, parts: one statement each.
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBe(6);
  });
});
