import { OutcomeFact } from '../../src/outcomes/outcome-fact.entity';
import { PersonFileStatus } from '../../src/persons/person.enums';
import { cellKey } from '../../src/outcomes/disclosure';
import { seedVolume } from '../../seeds/factories/bulk-volume';
import { ProgramOutcomesDocument, type ProgramOutcomesQuery, UpdateHousingSituationDocument } from '../generated/graphql';
import { Attacker } from '../support/attacker';
import { TestApp, errorCodes } from '../support/test-app';

type Dimension = 'DEPARTEMENT' | 'MEASURE' | 'STRUCTURE_KIND' | 'ACTION';
const DIMENSIONS: Dimension[] = ['DEPARTEMENT', 'MEASURE', 'STRUCTURE_KIND', 'ACTION'];
const KEYS = ['departement', 'measure', 'structureKind', 'action'];
const MEASURES = ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'] as const;

/** Every grouping an evaluator may ask: the total, one dimension, two dimensions. */
const GROUPINGS: Dimension[][] = [[]];
for (let a = 0; a < 4; a++) {
  GROUPINGS.push([DIMENSIONS[a]]);
  for (let b = a + 1; b < 4; b++) GROUPINGS.push([DIMENSIONS[a], DIMENSIONS[b]]);
}

describe('program outcomes for evaluators', () => {
  let app: TestApp;
  const year = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    app = await TestApp.start();
    // 3,000 persons released over ten years in twelve départements: many small cells.
    await seedVolume(app.databaseUrl, { persons: 3000, referralsPerPerson: 3 });
  });

  afterAll(async () => {
    await app.close();
  });

  const ask = (from: string, to: string, groupBy: Dimension[]) =>
    app.as('eval.ofdt').query(ProgramOutcomesDocument, { from, to, groupBy });

  it('answers every grouping of one or two dimensions; no count from 1 to 10 ever appears', async () => {
    for (const groupBy of GROUPINGS) {
      const result = await ask(`${year}-01-01`, `${year}-12-31`, groupBy);
      expect(result.errors).toBeUndefined();
      const report = result.data!.programOutcomes;
      expect(report).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy });
      expect(report.rows.length).toBeGreaterThan(0);
      for (const row of report.rows) {
        expect(row.group.map((g) => g.split('=')[0])).toEqual(groupBy.map((d) => KEYS[DIMENSIONS.indexOf(d)]));
        for (const measure of MEASURES) {
          const count = row[measure];
          expect(count.suppressed).toBe(count.value === null);
          if (count.value != null) expect(count.value === 0 || count.value > 10).toBe(true);
        }
      }
    }
  });

  it('gives the total of the year, consistent with the facts computed from person-level data', async () => {
    const total = (await ask(`${year}-01-01`, `${year}-12-31`, [])).data!.programOutcomes.rows[0];
    const facts = await app.em().find(OutcomeFact, { releaseDate: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
    expect(total.persons).toEqual({ value: facts.length, suppressed: false });
    expect(total.housedAtRelease.value).toBe(facts.filter((f) => f.housedAtRelease).length);
  });

  it('answers periods per whole calendar year: two periods a day apart get the same answer', async () => {
    const june = await ask(`${year}-01-01`, `${year}-06-30`, ['DEPARTEMENT']);
    const july = await ask(`${year}-01-01`, `${year}-07-01`, ['DEPARTEMENT']);
    const whole = await ask(`${year}-01-01`, `${year}-12-31`, ['DEPARTEMENT']);
    expect(june.data).toEqual(july.data);
    expect(june.data).toEqual(whole.data);
  });

  it('resists differencing: from every released cell of many queries, no suppressed cell can be solved', async () => {
    // Ground truth, as the strongest attacker would know the structure: one base cell per
    // (year, departement, measure, kinds, action) that has persons, in the years asked about.
    const facts = await app.em().find(OutcomeFact, { releaseDate: { $gte: `${year - 1}-01-01`, $lte: `${year}-12-31` } });
    const baseOf = (f: OutcomeFact) => cellKey([f.releaseDate!.slice(0, 4), f.departement, f.measure, f.kinds, f.action]);
    const base = [...new Set(facts.map(baseOf))].sort();
    const vectorOf = (years: string[], group: string[]) =>
      base.map((key) => {
        const [y, ...coords] = key.split('\u0001');
        const matches = group.every((g) => {
          const [name, value] = g.split('=');
          return coords[KEYS.indexOf(name)] === value;
        });
        return years.includes(y) && matches ? 1 : 0;
      });
    const attacker = { persons: new Attacker(base.length), housedAtRelease: new Attacker(base.length) };
    const suppressed: { measure: 'persons' | 'housedAtRelease'; vector: number[]; group: string[] }[] = [];
    const periods: [string, string][] = [
      [`${year}-01-01`, `${year}-12-31`],
      [`${year}-01-01`, `${year}-06-30`],
      [`${year}-02-01`, `${year}-12-30`],
      [`${year - 1}-01-01`, `${year - 1}-12-31`],
      [`${year - 1}-12-31`, `${year}-12-31`],
    ];
    for (const [from, to] of periods) {
      for (const groupBy of GROUPINGS) {
        const report: ProgramOutcomesQuery['programOutcomes'] = (await ask(from, to, groupBy)).data!.programOutcomes;
        const years = [...new Set([report.from.slice(0, 4), report.to.slice(0, 4)])];
        for (const row of report.rows) {
          const vector = vectorOf(years, row.group);
          for (const measure of ['persons', 'housedAtRelease'] as const) {
            if (row[measure].suppressed) suppressed.push({ measure, vector, group: row.group });
            else attacker[measure].learn(vector);
          }
        }
      }
    }
    expect(suppressed.length).toBeGreaterThan(20);
    for (const { measure, vector, group } of suppressed) {
      expect({ measure, group, solved: attacker[measure].determines(vector) }).toEqual({ measure, group, solved: false });
    }
    // The naive attack, for the record: the total minus the released départements is not a suppressed one.
    const byDepartement = (await ask(`${year}-01-01`, `${year}-12-31`, ['DEPARTEMENT'])).data!.programOutcomes.rows;
    const hidden = byDepartement.filter((row) => row.persons.suppressed);
    if (hidden.length > 0) expect(hidden.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the facts current: a write marks the person stale, the next report recomputes it', async () => {
    // An open file (the demo's past cohorts are closed: their SPIP may no longer write).
    const fact = await app.em().findOneOrFail(
      OutcomeFact,
      { releaseDate: { $lte: `${year}-12-31` }, housedAtRelease: false, person: { fileStatus: PersonFileStatus.OPEN } },
      { populate: ['person'] },
    );
    const personId = fact.person.id;
    // The volume SPIPs have no accounts: give the person's file to the demo SPIP of Isère.
    await app.em().getConnection().execute(
      `update person set spip_id = (select id from structure where name = 'SPIP de l''Isère') where id = ?`,
      [personId],
    );
    const written = await app.as('cpip.grenoble').query(UpdateHousingSituationDocument, { personId, input: { status: 'FAMILY' } });
    expect(written.errors).toBeUndefined();
    const stale = await app.em().getConnection().execute(`select 1 from outcome_fact_stale where person_id = ?`, [personId]);
    expect(stale).toHaveLength(1);
    await ask(`${year}-01-01`, `${year}-12-31`, []);
    const refreshed = await app.em().findOneOrFail(OutcomeFact, { person: personId });
    expect(refreshed.housedAtRelease).toBe(true);
    expect(refreshed.departement).toBe('38');
  });

  it('exports the same report as CSV, with S for a suppressed count', async () => {
    const token = await app.tokenFor('eval.ofdt');
    const response = await fetch(`${app.url}/exports/outcomes.csv?from=${year}-01-01&to=${year}-12-31&groupBy=MEASURE,STRUCTURE_KIND`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...lines] = (await response.text()).trim().split('\r\n');
    expect(header).toBe('from,to,measure,structureKind,persons,housedAtRelease,rightsOpened,inCare,employed');
    const report = (await ask(`${year}-01-01`, `${year}-12-31`, ['MEASURE', 'STRUCTURE_KIND'])).data!.programOutcomes;
    expect(lines).toHaveLength(report.rows.length);
    report.rows.forEach((row, index) => {
      const expected = [
        report.from,
        report.to,
        ...row.group.map((g) => g.split('=')[1]),
        ...MEASURES.map((m) => (row[m].suppressed ? 'S' : String(row[m].value))),
      ].join(',');
      expect(lines[index]).toBe(expected);
    });
    for (const line of lines) {
      for (const cell of line.split(',').slice(4)) expect(cell === 'S' || Number(cell) === 0 || Number(cell) > 10).toBe(true);
    }
  });

  it('refuses the CSV export without a token, to partners, and for bad parameters', async () => {
    const url = `${app.url}/exports/outcomes.csv?from=${year}-01-01&to=${year}-12-31`;
    expect((await fetch(url)).status).toBe(401);
    const partner = await fetch(url, { headers: { authorization: `Bearer ${await app.tokenFor('cpip.grenoble')}` } });
    expect(partner.status).toBe(403);
    const evaluator = { authorization: `Bearer ${await app.tokenFor('eval.ofdt')}` };
    const badGroup = await fetch(`${url}&groupBy=GENDER`, { headers: evaluator });
    expect(badGroup.status).toBe(400);
    expect(await badGroup.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', argumentName: 'groupBy' } }] });
    expect((await fetch(`${app.url}/exports/outcomes.csv?from=${year}-12-31&to=${year}-01-01`, { headers: evaluator })).status).toBe(400);
  });

  it.each([
    ['to before from', `${year}-12-31`, `${year}-01-01`, [], 'to'],
    ['a period over ten years', `${year - 11}-01-01`, `${year}-12-31`, [], 'to'],
    ['three dimensions', `${year}-01-01`, `${year}-12-31`, ['DEPARTEMENT', 'MEASURE', 'ACTION'], 'groupBy'],
  ] as [string, string, string, Dimension[], string][])('rejects %s with BAD_USER_INPUT', async (_what, from, to, groupBy, argumentName) => {
    const result = await ask(from, to, groupBy);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName });
  });

  it('rejects an unknown dimension, and is FORBIDDEN to partners, who see persons', async () => {
    const unknown = await app.as('eval.ofdt').query(ProgramOutcomesDocument, { from: `${year}-01-01`, to: `${year}-12-31`, groupBy: ['GENDER' as Dimension] });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    for (const login of ['cpip.grenoble', 'soignant.csapa38', 'admin']) {
      expect(errorCodes(await app.as(login).query(ProgramOutcomesDocument, { from: `${year}-01-01`, to: `${year}-12-31` }))).toEqual(['FORBIDDEN']);
    }
  });
});
