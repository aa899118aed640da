import { OutcomeFact } from '../../src/outcomes/outcome-fact.entity';
import { outcomePublicationService } from '../../src/outcomes/outcome-publication.service';
import { PersonFileStatus } from '../../src/persons/person.enums';
import { toIsoDate } from '../../src/shared/scalars';
import { seedVolume } from '../../seeds/factories/bulk-volume';
import { ProgramOutcomesDocument, UpdateHousingSituationDocument } from '../generated/graphql';
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
  const today = toIsoDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  // Published on 1 March of the following year: the last published year is the one before
  // last until 1 March, and last year afterwards.
  const year = today >= `${thisYear}-03-01` ? thisYear - 1 : thisYear - 2;

  beforeAll(async () => {
    app = await TestApp.start();
    // 3,000 persons released over ten years in twelve départements: many small cells.
    await seedVolume(app.databaseUrl, { persons: 3000, referralsPerPerson: 3 });
    await outcomePublicationService.publishDue(app.em(), today, '03-01');
  });

  afterAll(async () => {
    await app.close();
  });

  const ask = (from: string, to: string, groupBy: Dimension[]) =>
    app.as('eval.ofdt').query(ProgramOutcomesDocument, { from, to, groupBy });

  /** Every table of a year, as an evaluator reads them. */
  const everyTable = async (y: number) => Promise.all(GROUPINGS.map(async (groupBy) => (await ask(`${y}-01-01`, `${y}-12-31`, groupBy)).data));

  it('answers every grouping of one or two dimensions of a published year; no count from 1 to 10 ever appears', async () => {
    for (const groupBy of GROUPINGS) {
      const result = await ask(`${year}-01-01`, `${year}-12-31`, groupBy);
      expect(result.errors).toBeUndefined();
      const report = result.data!.programOutcomes;
      expect(report).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy });
      expect(report.years).toEqual([{ year, publishedAt: expect.any(String), publicationDate: `${year + 1}-03-01` }]);
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

  it('gives the total of the year as computed from person-level data at publication', async () => {
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

  it('does not serve a year before its publication: the report says so and counts nothing of it', async () => {
    const current = (await ask(`${thisYear}-01-01`, `${thisYear}-12-31`, ['DEPARTEMENT'])).data!.programOutcomes;
    expect(current.years).toEqual([{ year: thisYear, publishedAt: null, publicationDate: `${thisYear + 1}-03-01` }]);
    expect(current.rows).toEqual([]);
    const both = (await ask(`${year}-01-01`, `${thisYear}-12-31`, [])).data!.programOutcomes;
    const alone = (await ask(`${year}-01-01`, `${year}-12-31`, [])).data!.programOutcomes;
    expect(both.years.map((y) => [y.year, y.publishedAt !== null])).toEqual(
      Array.from({ length: thisYear - year + 1 }, (_, k) => [year + k, year + k < thisYear]),
    );
    if (thisYear - year === 1) expect(both.rows).toEqual(alone.rows);
  });

  it('gives the same answer before and after a record changes: nothing can be read across time', async () => {
    const before = await everyTable(year);
    // A SPIP records that one person of that cohort was in fact housed and released a day later.
    const fact = await app.em().findOneOrFail(
      OutcomeFact,
      { releaseDate: { $gte: `${year}-01-01`, $lte: `${year}-12-30` }, housedAtRelease: false, person: { fileStatus: PersonFileStatus.OPEN } },
      { populate: ['person'] },
    );
    const personId = fact.person.id;
    await app.em().getConnection().execute(
      `update person set spip_id = (select id from structure where name = 'SPIP de l''Isère') where id = ?`,
      [personId],
    );
    const housed = await app.as('cpip.grenoble').query(UpdateHousingSituationDocument, { personId, input: { status: 'FAMILY' } });
    expect(housed.errors).toBeUndefined();
    // The facts follow the record (the next publication run refreshes them)...
    await outcomePublicationService.publishDue(app.em(), today, '03-01');
    const refreshed = await app.em().fork().findOneOrFail(OutcomeFact, { person: personId });
    expect(refreshed).toMatchObject({ housedAtRelease: true, departement: '38' });
    // ...but the published year does not move, table by table.
    expect(await everyTable(year)).toEqual(before);
  });

  it('keeps a published year in the database as it was: updates and deletes are rejected', async () => {
    const connection = app.em().getConnection();
    await expect(connection.execute(`update outcome_published_cell set persons = persons + 1 where year = ?`, [year])).rejects.toThrow(
      /outcome_published_cell is frozen once published: UPDATE is not allowed/,
    );
    await expect(connection.execute(`delete from outcome_publication where year = ?`, [year])).rejects.toThrow(/frozen once published: DELETE/);
  });

  it('publishes each year once, from the first cohort, and not before its publication day', async () => {
    const rows = await app.em().getConnection().execute<{ year: number }[]>(`select year from outcome_publication order by year`);
    const first = await app.em().getConnection().execute<{ y: number }[]>(
      `select min(extract(year from release_date))::int as y from outcome_fact where release_date is not null`,
    );
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: year - first[0].y + 1 }, (_, k) => first[0].y + k));
    expect(await outcomePublicationService.publishDue(app.em(), today, '03-01')).toEqual([]);
    // On the eve of its publication day, the next year is not due; on the day, it is.
    expect(await outcomePublicationService.publishDue(app.em(), `${year + 2}-02-28`, '03-01')).toEqual([]);
  });

  it('exports the same report as CSV for French spreadsheets: ";" separated, UTF-8 with a byte order mark', async () => {
    const token = await app.tokenFor('eval.ofdt');
    const response = await fetch(`${app.url}/exports/outcomes.csv?from=${year}-01-01&to=${year}-12-31&groupBy=MEASURE,STRUCTURE_KIND`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trim().split('\r\n');
    expect(header).toBe('from;to;years;measure;structureKind;persons;housedAtRelease;rightsOpened;inCare;employed');
    const report = (await ask(`${year}-01-01`, `${year}-12-31`, ['MEASURE', 'STRUCTURE_KIND'])).data!.programOutcomes;
    expect(lines).toHaveLength(report.rows.length);
    report.rows.forEach((row, index) => {
      const expected = [
        report.from,
        report.to,
        String(year),
        ...row.group.map((g) => g.split('=')[1]),
        ...MEASURES.map((m) => (row[m].suppressed ? 'S' : String(row[m].value))),
      ].join(';');
      expect(lines[index]).toBe(expected);
    });
    for (const line of lines) {
      for (const cell of line.split(';').slice(5)) expect(cell === 'S' || Number(cell) === 0 || Number(cell) > 10).toBe(true);
    }
    const plain = await fetch(`${app.url}/exports/outcomes.csv?from=${year}-01-01&to=${year}-12-31&dialect=rfc4180`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await plain.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('from,to,years,persons,housedAtRelease,rightsOpened,inCare,employed');
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
    const badDialect = await fetch(`${url}&dialect=excel`, { headers: evaluator });
    expect(await badDialect.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', argumentName: 'dialect' } }] });
    expect((await fetch(`${app.url}/exports/outcomes.csv?from=${year}-12-31&to=${year}-01-01`, { headers: evaluator })).status).toBe(400);
    expect((await fetch(`${app.url}/exports/outcomes.csv?from=0000-01-01&to=${year}-01-01`, { headers: evaluator })).status).toBe(400);
  });

  it.each([
    ['to before from', `${year}-12-31`, `${year}-01-01`, [], 'to'],
    ['a period over ten years', `${year - 11}-01-01`, `${year}-12-31`, [], 'to'],
    ['a year before 1900', '1899-12-31', `1900-06-30`, [], 'from'],
    ['a year after 2100', '2100-06-01', `2101-01-01`, [], 'to'],
    ['three dimensions', `${year}-01-01`, `${year}-12-31`, ['DEPARTEMENT', 'MEASURE', 'ACTION'], 'groupBy'],
  ] as [string, string, string, Dimension[], string][])('rejects %s with BAD_USER_INPUT naming the argument', async (_what, from, to, groupBy, argumentName) => {
    const result = await ask(from, to, groupBy);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName });
  });

  it('rejects 0000-01-01 and an unknown dimension as bad input, never a server error', async () => {
    const zero = await ask('0000-01-01', `${year}-12-31`, []);
    expect(errorCodes(zero)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(zero.errors)).toMatch(/from/);
    const unknown = await ask(`${year}-01-01`, `${year}-12-31`, ['GENDER' as Dimension]);
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(unknown.errors)).toMatch(/groupBy/);
  });

  it('is FORBIDDEN to partners and administrators, who see persons or nothing', async () => {
    for (const login of ['cpip.grenoble', 'soignant.csapa38', 'admin']) {
      expect(errorCodes(await app.as(login).query(ProgramOutcomesDocument, { from: `${year}-01-01`, to: `${year}-12-31` }))).toEqual(['FORBIDDEN']);
    }
  });
});
