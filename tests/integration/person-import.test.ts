import { Structure } from '../../src/structures/structure.entity';
import { PersonFactory } from '../../seeds/factories/person.factory';
import { JudicialMeasure } from '../../src/persons/person.enums';
import { RegisterPersonDocument } from '../generated/graphql';
import { TestApp } from '../support/test-app';

const HEADER = ['lastName', 'firstName', 'birthDate', 'sex', 'expectedReleaseDate', 'measure', 'establishment', 'prisonNumber'];
const VARCES = "Maison d'arrêt de Grenoble-Varces";

type Row = Partial<Record<(typeof HEADER)[number], string>>;

interface Report {
  code?: string;
  message?: string;
  written: boolean;
  lines: number;
  created: { line: number; personId: string; pseudonym: string }[];
  updated: { line: number; personId: string; pseudonym: string }[];
  unchanged: { line: number; personId: string; pseudonym: string }[];
  duplicates: { line: number; reason: string; personId?: string; pseudonym?: string; otherLine?: number }[];
  errors: { line: number; column?: string; reason: string }[];
}

/** A date `days` from today, as the windows of registration are relative to it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A CSV of rows under the header (in the given column order), values quoted when they must be. */
function csv(rows: Row[], options: { separator?: ';' | ','; columns?: string[]; eol?: string } = {}): string {
  const { separator = ';', columns = HEADER, eol = '\n' } = options;
  const cell = (value: string) => (value.includes(separator) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(separator), ...rows.map((row) => columns.map((column) => cell(row[column] ?? '')).join(separator))].join(eol) + eol;
}

let sequence = 0;
/** A person of the file with names of its own (no demo person shares them). */
function row(overrides: Row = {}): Row {
  sequence += 1;
  return {
    lastName: `Importé-${sequence.toString(36).toUpperCase()}`,
    firstName: 'Lina',
    birthDate: '1988-04-12',
    sex: 'F',
    expectedReleaseDate: inDays(120),
    measure: JudicialMeasure.CONDITIONAL_RELEASE,
    establishment: VARCES,
    prisonNumber: `IMP-${String(sequence).padStart(6, '0')}`,
    ...overrides,
  };
}

describe('POST /imports/persons: a SPIP registers its persons from its case software', () => {
  let app: TestApp;
  let spip38: Structure;
  let spip49: Structure;

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    spip38 = await em.findOneOrFail(Structure, { name: "SPIP de l'Isère" });
    spip49 = await em.findOneOrFail(Structure, { name: 'SPIP de Maine-et-Loire' });
  });

  afterAll(async () => {
    await app.close();
  });

  async function send(body: string | Buffer, login = 'cpip.grenoble', query = '', contentType = 'text/csv; charset=utf-8'): Promise<{ status: number; body: Report }> {
    const response = await fetch(`${app.url}/imports/persons${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${await app.tokenFor(login)}` },
      body,
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return app.em().getConnection().execute<T[]>(text, params);
  }

  /** Rows of every table an import writes to. */
  async function counts(): Promise<Record<string, number>> {
    const [row] = await sql<Record<string, number>>(`select
      (select count(*)::int from person) as persons,
      (select count(*)::int from person_identity) as identities,
      (select count(*)::int from person_judicial) as judicials,
      (select count(*)::int from person_judicial_detail) as details,
      (select count(*)::int from audit_entry where kind = 'WRITE') as audit_writes,
      (select count(*)::int from outbox_event) as events`);
    return row;
  }

  /** A person arranged directly in the database (not through the import under test). */
  async function person(input: { spip: Structure; lastName: string; firstName: string; birthDate: string; prisonNumber?: string }): Promise<{ id: string; pseudonym: string }> {
    const em = app.em();
    const record = await new PersonFactory(em).createRecord({ ...input, expectedReleaseDate: inDays(90) });
    return { id: record.person.id, pseudonym: record.person.pseudonym };
  }

  it('registers a clean file as registerPerson does: the rows, their writer, an audit entry and an event per person (";", a BOM)', async () => {
    const rows = [row(), row({ sex: '', establishment: "maison d'arret de grenoble-varces" }), row({ birthDate: '', expectedReleaseDate: '', prisonNumber: '', establishment: '' })];
    const before = await counts();
    const { status, body } = await send(`\uFEFF${csv(rows)}`);

    expect(status).toBe(200);
    expect(body).toMatchObject({ written: true, lines: 3, updated: [], unchanged: [], duplicates: [], errors: [] });
    expect(body.created.map((created) => created.line)).toEqual([2, 3, 4]);
    expect(body.created.every((created) => /^P-[0-9A-Z]{8}$/.test(created.pseudonym))).toBe(true);
    expect(await counts()).toEqual({
      ...before,
      persons: before.persons + 3,
      identities: before.identities + 3,
      judicials: before.judicials + 3,
      details: before.details + 3,
      audit_writes: before.audit_writes + 3,
      events: before.events + 3,
    });

    const ids = body.created.map((created) => created.personId);
    const stored = await sql<Record<string, unknown>>(
      `select p.pseudonym, p.spip_id, p.registered_by_id, p.file_status, i.last_name, i.first_name, i.birth_date::text as birth_date, i.sex,
              i.written_by_id as identity_by, j.establishment_id, j.expected_release_date::text as release, j.measure, j.written_by_id as judicial_by,
              d.prison_number, d.written_by_id as detail_by, s.written_by_id as social_by, h.written_by_id as housing_by, m.state as mandate
       from person p join person_identity i on i.person_id = p.id join person_judicial j on j.person_id = p.id
       join person_judicial_detail d on d.person_id = p.id join person_social s on s.person_id = p.id join person_housing h on h.person_id = p.id
       join mandate m on m.person_id = p.id and m.structure_id = p.spip_id
       where p.id = any(?::uuid[]) order by array_position(?::uuid[], p.id)`,
      [`{${ids.join(',')}}`, `{${ids.join(',')}}`],
    );
    const varces = (await app.em().findOneOrFail(Structure, { name: VARCES })).id;
    const by38 = { spip_id: spip38.id, registered_by_id: spip38.id, identity_by: spip38.id, judicial_by: spip38.id, detail_by: spip38.id, social_by: spip38.id, housing_by: spip38.id };
    expect(stored).toEqual([
      { ...by38, pseudonym: body.created[0].pseudonym, file_status: 'OPEN', last_name: rows[0].lastName, first_name: 'Lina', birth_date: '1988-04-12', sex: 'F', establishment_id: varces, release: rows[0].expectedReleaseDate, measure: 'CONDITIONAL_RELEASE', prison_number: rows[0].prisonNumber, mandate: 'FULL' },
      { ...by38, pseudonym: body.created[1].pseudonym, file_status: 'OPEN', last_name: rows[1].lastName, first_name: 'Lina', birth_date: '1988-04-12', sex: null, establishment_id: varces, release: rows[1].expectedReleaseDate, measure: 'CONDITIONAL_RELEASE', prison_number: rows[1].prisonNumber, mandate: 'FULL' },
      { ...by38, pseudonym: body.created[2].pseudonym, file_status: 'OPEN', last_name: rows[2].lastName, first_name: 'Lina', birth_date: null, sex: 'F', establishment_id: null, release: null, measure: 'CONDITIONAL_RELEASE', prison_number: null, mandate: 'FULL' },
    ]);
    const audits = await sql(`select person_id, operation, domains, detail from audit_entry where person_id = any(?::uuid[]) order by at`, [`{${ids.join(',')}}`]);
    expect(audits).toHaveLength(3);
    for (const audit of audits) {
      expect(audit).toMatchObject({ operation: 'importPersons', domains: ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL'], detail: { action: 'importPersons' } });
    }
    const events = await sql<{ person_id: string; type: string; payload: unknown }>(`select person_id, type, payload from outbox_event where person_id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    expect(events.map((event) => event.type)).toEqual(['PERSON_REGISTERED', 'PERSON_REGISTERED', 'PERSON_REGISTERED']);
    expect(events.map((event) => event.payload)).toEqual(expect.arrayContaining(ids.map((personId) => ({ personId, spipId: spip38.id }))));
  });

  it('writes what registerPerson writes for the same person: rows, writers, mandate, audit domains, event', async () => {
    const varces = (await app.em().findOneOrFail(Structure, { name: VARCES })).id;
    const line = row({ sex: 'M', measure: JudicialMeasure.SEMI_LIBERTY });
    const registered = await app.as('cpip.grenoble').query(RegisterPersonDocument, {
      input: {
        lastName: line.lastName!,
        firstName: line.firstName!,
        birthDate: line.birthDate,
        sex: line.sex,
        expectedReleaseDate: line.expectedReleaseDate!,
        measure: JudicialMeasure.SEMI_LIBERTY,
        establishmentId: varces,
        prisonNumber: `${line.prisonNumber}-API`,
      },
    });
    expect(registered.errors).toBeUndefined();
    // The same names and birth date: a possible duplicate of the registered person, registered on demand.
    const imported = await send(csv([line]), 'cpip.grenoble', '?duplicates=register');
    expect(imported.status).toBe(200);
    expect(imported.body.duplicates).toEqual([
      { line: 2, reason: 'SAME_NAME_AND_BIRTH_DATE', personId: registered.data!.registerPerson.id, pseudonym: registered.data!.registerPerson.pseudonym },
    ]);

    /** Everything stored about a person but its ids, pseudonym, times and prison number. */
    const stored = async (personId: string) => {
      const [rows] = await sql(
        `select p.spip_id, p.registered_by_id, p.file_status, p.version,
                to_jsonb(i) - 'person_id' - 'updated_at' as identity, to_jsonb(j) - 'person_id' - 'updated_at' as judicial,
                to_jsonb(d) - 'person_id' - 'updated_at' - 'prison_number' as detail, to_jsonb(s) - 'person_id' - 'updated_at' as social,
                to_jsonb(h) - 'person_id' - 'updated_at' as housing,
                (select jsonb_agg(jsonb_build_object('structure', m.structure_id, 'state', m.state)) from mandate m where m.person_id = p.id) as mandates,
                (select jsonb_agg(jsonb_build_object('kind', a.kind, 'domains', a.domains, 'role', a.role)) from audit_entry a where a.person_id = p.id) as audits,
                (select jsonb_agg(jsonb_build_object('type', e.type, 'domain', e.domain, 'structure', e.structure_id, 'payload', e.payload - 'personId'))
                   from outbox_event e where e.person_id = p.id) as events
         from person p join person_identity i on i.person_id = p.id join person_judicial j on j.person_id = p.id
         join person_judicial_detail d on d.person_id = p.id join person_social s on s.person_id = p.id join person_housing h on h.person_id = p.id
         where p.id = ?`,
        [personId],
      );
      return rows;
    };
    const fromApi = await stored(registered.data!.registerPerson.id);
    const fromFile = await stored(imported.body.created[0].personId);
    expect(fromFile).toEqual(fromApi);
    expect(fromFile).toMatchObject({
      identity: { last_name: line.lastName, sex: 'M', written_by_id: spip38.id },
      judicial: { measure: 'SEMI_LIBERTY', establishment_id: varces },
      mandates: [{ structure: spip38.id, state: 'FULL' }],
      audits: [{ kind: 'WRITE', domains: ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL'], role: 'PROBATION_OFFICER' }],
      events: [{ type: 'PERSON_REGISTERED', domain: 'JUDICIAL', structure: spip38.id, payload: { spipId: spip38.id } }],
    });
  });

  it('updates the persons of its open files matched by prison number, from a "," file in another column order; unchanged lines write nothing', async () => {
    const rows = [row(), row(), row()];
    const first = await send(csv(rows));
    expect(first.status).toBe(200);
    const [a, b, c] = first.body.created;

    const changed = [
      { ...rows[0], firstName: 'Line', birthDate: '1988-04-13', prisonNumber: ` ${rows[0].prisonNumber!.toLowerCase()} ` },
      { ...rows[1], measure: JudicialMeasure.PROBATION, expectedReleaseDate: inDays(30), establishment: "Maison d'arrêt d'Angers", sex: '' },
      rows[2],
    ];
    const before = await counts();
    const columns = [...HEADER].reverse();
    const { status, body } = await send(csv(changed, { separator: ',', columns }));

    expect(status).toBe(200);
    expect(body).toEqual({
      written: true,
      lines: 3,
      created: [],
      updated: [
        { line: 2, personId: a.personId, pseudonym: a.pseudonym },
        { line: 3, personId: b.personId, pseudonym: b.pseudonym },
      ],
      unchanged: [{ line: 4, personId: c.personId, pseudonym: c.pseudonym }],
      duplicates: [],
      errors: [],
    });
    // No new person, one audit entry per person updated, no event (as the API's own updates).
    expect(await counts()).toEqual({ ...before, audit_writes: before.audit_writes + 2 });
    const [identityA] = await sql(`select first_name, birth_date::text as birth_date, sex, version from person_identity where person_id = ?`, [a.personId]);
    expect(identityA).toEqual({ first_name: 'Line', birth_date: '1988-04-13', sex: 'F', version: 2 });
    const angers = (await app.em().findOneOrFail(Structure, { name: "Maison d'arrêt d'Angers" })).id;
    const [judicialB] = await sql(`select measure, expected_release_date::text as release, establishment_id, version from person_judicial where person_id = ?`, [b.personId]);
    expect(judicialB).toEqual({ measure: 'PROBATION', release: inDays(30), establishment_id: angers, version: 2 });
    // An empty sex keeps the one on file.
    expect((await sql(`select sex from person_identity where person_id = ?`, [b.personId]))[0]).toEqual({ sex: 'F' });
    const audits = await sql(
      `select person_id, domains from audit_entry where person_id = any(?::uuid[]) and operation = 'importPersons' and cardinality(domains) < 3`,
      [`{${[a.personId, b.personId, c.personId].join(',')}}`],
    );
    expect(audits).toHaveLength(2);
    expect(audits).toEqual(
      expect.arrayContaining([
        { person_id: a.personId, domains: ['IDENTITY'] },
        { person_id: b.personId, domains: ['JUDICIAL'] },
      ]),
    );
  });

  it('a 1,000-line file with 3 possible duplicates and 2 bad lines: the report names exactly those lines, and nothing is written', async () => {
    // Line 101: same names and birth date as a person whose file the SPIP holds.
    const held = await person({ spip: spip38, lastName: 'Dupont-Essai', firstName: 'Marie', birthDate: '1980-01-02', prisonNumber: 'HELD-0001' });
    // Line 501: the prison number of a person whose file the SPIP closed (it still reads the detail it wrote).
    const closed = await person({ spip: spip38, lastName: 'Fermé', firstName: 'Paul', birthDate: '1975-06-07', prisonNumber: 'CLOSED-0001' });
    await sql(`update person set file_status = 'CLOSED', file_closed_at = now() where id = ?`, [closed.id]);
    // Neither reported: a restricted person of the SPIP (by name), a person of another SPIP (by name and by number).
    const restricted = await person({ spip: spip38, lastName: 'Réservé', firstName: 'Jean', birthDate: '1970-03-03', prisonNumber: 'RESTRICTED-0001' });
    await sql(`update person set restricted_at = now() where id = ?`, [restricted.id]);
    await person({ spip: spip49, lastName: 'Ailleurs', firstName: 'Anne', birthDate: '1991-09-09', prisonNumber: 'ELSEWHERE-0001' });

    const rows = Array.from({ length: 1000 }, () => row({ birthDate: `19${50 + (sequence % 40)}-0${1 + (sequence % 9)}-1${sequence % 10}` }));
    const at = (line: number) => rows[line - 2];
    Object.assign(at(101), { lastName: 'DUPONT ESSAI', firstName: 'marie', birthDate: '1980-01-02' });
    Object.assign(at(300), { lastName: '' });
    Object.assign(at(501), { prisonNumber: 'closed-0001' });
    Object.assign(at(700), { birthDate: '1990-02-30', measure: 'PAROLE' });
    Object.assign(at(801), { prisonNumber: at(800).prisonNumber });
    Object.assign(at(900), { lastName: 'Reserve', firstName: 'Jean', birthDate: '1970-03-03' });
    Object.assign(at(950), { lastName: 'Ailleurs', firstName: 'Anne', birthDate: '1991-09-09', prisonNumber: 'ELSEWHERE-0001' });

    const before = await counts();
    const started = Date.now();
    const { status, body } = await send(csv(rows));
    const elapsed = Date.now() - started;

    expect(status).toBe(422);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body).toMatchObject({ written: false, lines: 1000, created: [], updated: [], unchanged: [] });
    expect(body.errors).toEqual([
      { line: 300, column: 'lastName', reason: 'lastName is required' },
      { line: 700, column: 'birthDate', reason: 'birthDate must be a date YYYY-MM-DD, not "1990-02-30"' },
      { line: 700, column: 'measure', reason: expect.stringContaining('measure must be one of NONE, CONDITIONAL_RELEASE') },
    ]);
    expect(body.duplicates).toEqual([
      { line: 101, reason: 'SAME_NAME_AND_BIRTH_DATE', personId: held.id, pseudonym: held.pseudonym },
      { line: 501, reason: 'SAME_PRISON_NUMBER', personId: closed.id, pseudonym: closed.pseudonym },
      { line: 801, reason: 'SAME_PRISON_NUMBER_IN_FILE', otherLine: 800 },
    ]);
    // The report names persons by id and pseudonym only.
    expect(JSON.stringify(body)).not.toMatch(/Dupont|Fermé|Réservé|Ailleurs/);
    expect(await counts()).toEqual(before);
    // Reporting a duplicate reads the person: audited.
    const [read] = await sql<{ person_ids: string[]; person_domains: string[] }>(
      `select person_ids, person_domains from audit_read where operation = 'importPersons' order by at desc limit 1`,
    );
    expect(read).toEqual({ person_ids: [held.id, closed.id], person_domains: ['IDENTITY', 'JUDICIAL_DETAIL'] });
    console.log(`person import: 1,000 lines checked and refused in ${elapsed} ms`);
  });

  it('imports 1,000 clean lines in one transaction within a few seconds', async () => {
    const rows = Array.from({ length: 1000 }, () => row({ birthDate: `19${50 + (sequence % 40)}-0${1 + (sequence % 9)}-2${sequence % 9}` }));
    const before = await counts();
    const statements = app.sql.statements.length;
    const started = Date.now();
    const { status, body } = await send(csv(rows));
    const elapsed = Date.now() - started;

    expect(status).toBe(200);
    expect(body).toMatchObject({ written: true, lines: 1000, updated: [], duplicates: [], errors: [] });
    expect(body.created).toHaveLength(1000);
    expect(await counts()).toEqual({
      persons: before.persons + 1000,
      identities: before.identities + 1000,
      judicials: before.judicials + 1000,
      details: before.details + 1000,
      audit_writes: before.audit_writes + 1000,
      events: before.events + 1000,
    });
    // Batched: a few dozen statements for 6,000 rows, not several per line.
    const sent = app.sql.statements.length - statements;
    expect(sent).toBeLessThan(60);
    expect(elapsed).toBeLessThan(10_000);
    console.log(`person import: 1,000 persons created in ${elapsed} ms, ${sent} SQL statements`);

    // The same file again: every line matches its person by prison number, nothing changes.
    const again = await send(csv(rows));
    expect(again.status).toBe(200);
    expect(again.body.unchanged).toHaveLength(1000);
    expect(again.body.created).toEqual([]);
  });

  it('possible duplicates alone block the file with 409 CONFLICT; ?duplicates=register registers them as new persons', async () => {
    const existing = await person({ spip: spip38, lastName: 'Martin-Essai', firstName: 'Hugo', birthDate: '1979-11-30', prisonNumber: 'MARTIN-0001' });
    const rows = [row(), row({ lastName: 'Martin Essai', firstName: 'Hugo', birthDate: '1979-11-30' }), row({ lastName: 'Twin', firstName: 'Sam', birthDate: '1982-02-02' }), row({ lastName: 'twin', firstName: 'sam', birthDate: '1982-02-02' })];
    const before = await counts();
    const blocked = await send(csv(rows));

    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'CONFLICT', written: false, lines: 4, created: [], updated: [], errors: [] });
    expect(blocked.body.duplicates).toEqual([
      { line: 3, reason: 'SAME_NAME_AND_BIRTH_DATE', personId: existing.id, pseudonym: existing.pseudonym },
      { line: 5, reason: 'SAME_NAME_AND_BIRTH_DATE_IN_FILE', otherLine: 4 },
    ]);
    expect(await counts()).toEqual(before);

    const registered = await send(csv(rows), 'cpip.grenoble', '?duplicates=register');
    expect(registered.status).toBe(200);
    expect(registered.body.written).toBe(true);
    expect(registered.body.created.map((created) => created.line)).toEqual([2, 3, 4, 5]);
    expect(registered.body.duplicates).toEqual(blocked.body.duplicates);
    expect(registered.body.created.map((created) => created.personId)).not.toContain(existing.id);
    expect((await counts()).persons).toBe(before.persons + 4);
    // The existing person is untouched.
    expect((await sql(`select version from person_identity where person_id = ?`, [existing.id]))[0]).toEqual({ version: 1 });
  });

  it('never finds a restricted person by name', async () => {
    const target = await person({ spip: spip38, lastName: 'Secret-Essai', firstName: 'Léa', birthDate: '1984-08-08', prisonNumber: 'SECRET-0001' });
    const file = csv([row({ lastName: 'Secret-Essai', firstName: 'Léa', birthDate: '1984-08-08' })]);
    // Not restricted: reported.
    const before = await send(file);
    expect(before.status).toBe(409);
    expect(before.body.duplicates).toEqual([{ line: 2, reason: 'SAME_NAME_AND_BIRTH_DATE', personId: target.id, pseudonym: target.pseudonym }]);

    await sql(`update person set restricted_at = now() where id = ?`, [target.id]);
    const after = await send(file);
    expect(after.status).toBe(200);
    expect(after.body.duplicates).toEqual([]);
    expect(after.body.created).toHaveLength(1);
    expect(after.body.created[0].personId).not.toBe(target.id);
  });

  it('never reports a person of another SPIP the viewer cannot see, by name or prison number', async () => {
    const other = await person({ spip: spip49, lastName: 'Angevin-Essai', firstName: 'Marc', birthDate: '1986-05-05', prisonNumber: 'ANGERS-0001' });
    const lines = [row({ lastName: 'Angevin-Essai', firstName: 'Marc', birthDate: '1986-05-05', prisonNumber: 'ANGERS-0001' })];
    const { status, body } = await send(csv(lines));
    expect(status).toBe(200);
    expect(body.duplicates).toEqual([]);
    expect(body.updated).toEqual([]);
    expect(body.created[0].personId).not.toBe(other.id);
    // Its own SPIP sees it: reported there (by name; a line without a number registers).
    const own = await send(csv([{ ...lines[0], prisonNumber: '' }]), 'cpip.angers');
    expect(own.status).toBe(409);
    expect(own.body.duplicates).toEqual([{ line: 2, reason: 'SAME_NAME_AND_BIRTH_DATE', personId: other.id, pseudonym: other.pseudonym }]);
  });

  it('counts lines as the file does (CRLF, an empty line, a quoted separator, a quoted line break) and checks every cell', async () => {
    const body = [
      HEADER.join(';'),
      `"Le Gall; dit Yann";Yann;1990-01-01;M;${inDays(10)};NONE;;`,
      '',
      `Durand;"Jo\r\nJo";1990-01-01;M;${inDays(10)};NONE;;`,
      `Petit;Léo;1990-01-01;Z;${inDays(-3000)};NONE;Maison centrale inconnue;`,
      `Short;Line;1990-01-01`,
      `Young;Kid;${inDays(-365)};;;none;;${'N'.repeat(51)}`,
      ';;;;;;;',
      `Nul;Ze\u0000ro;1990-01-01;M;${inDays(10)};NONE;;`,
    ].join('\r\n');
    const { status, body: report } = await send(body);
    expect(status).toBe(422);
    expect(report.lines).toBe(6);
    expect(report.errors).toEqual([
      { line: 4, column: 'firstName', reason: 'firstName must be one line of printable characters' },
      { line: 6, column: 'sex', reason: 'sex must be F, M, X or empty' },
      { line: 6, column: 'expectedReleaseDate', reason: expect.stringMatching(/^expectedReleaseDate must be a plausible date \(between /) },
      { line: 6, column: 'establishment', reason: 'no prison is named "Maison centrale inconnue"' },
      { line: 7, reason: 'expected 8 columns, found 3 (separator ";")' },
      { line: 8, column: 'birthDate', reason: expect.stringMatching(/^birthDate must be a past birth date \(between 1900-01-01 and /) },
      { line: 8, column: 'prisonNumber', reason: 'prisonNumber must be at most 50 characters' },
      { line: 10, column: 'firstName', reason: 'firstName must be one line of printable characters' },
    ]);
  });

  it('refuses a header that does not name the columns with one error, 400', async () => {
    const { status, body } = await send(csv([row()], { columns: ['nom', ...HEADER.slice(1), 'lastName'].filter((_, i) => i !== 8) }));
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.errors).toEqual([{ line: 1, reason: expect.stringContaining('unknown column(s): nom') }]);
    expect(body.errors[0].reason).toContain('missing column(s): lastName');
    expect(body.written).toBe(false);
    const empty = await send('');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ line: 1, reason: expect.stringContaining('the first line must name the columns') }]);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from(`${HEADER.join(';')}\nDurand;Zoe;1990-01-01;F;${inDays(10)};NONE;;\nMartin;H\xe9l\xe8ne;1990-01-01;F;${inDays(10)};NONE;;\n`, 'latin1');
    const { status, body } = await send(latin1);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ line: 3, reason: 'the file is not UTF-8: export it as UTF-8 (CSV UTF-8)' }]);
  });

  it('answers 403 to roles that do not import, 401 without a valid token, 415 to another content type, 413 over the limits', async () => {
    const file = csv([row()]);
    const before = await counts();
    for (const login of ['soignant.csapa38', 'eval.ofdt', 'ts.relais38']) {
      const { status, body } = await send(file, login);
      expect(status).toBe(403);
      expect(body).toEqual({ errors: [{ message: expect.stringContaining('person:import'), extensions: { code: 'FORBIDDEN' } }] });
    }
    const anonymous = await fetch(`${app.url}/imports/persons`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const forged = await fetch(`${app.url}/imports/persons`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: 'Bearer not.a.token' }, body: file });
    expect(forged.status).toBe(401);
    expect((await send(JSON.stringify({ file }), 'cpip.grenoble', '', 'application/json')).status).toBe(415);

    const tooManyLines = csv(Array.from({ length: 10_001 }, () => row()));
    const lines = await send(tooManyLines);
    expect(lines.status).toBe(413);
    expect(lines.body).toEqual({ errors: [{ message: 'The file has 10001 lines, more than 10000: split it', extensions: { code: 'BAD_USER_INPUT' } }] });
    const big = await send(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(big.status).toBe(413);
    // Nothing is read before the caller is known and allowed: an oversized file from nobody, or
    // from a role that does not import, is refused as such (not 413).
    const anonymousBig = await fetch(`${app.url}/imports/persons`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: Buffer.alloc(6 * 1024 * 1024, 'a') });
    expect(anonymousBig.status).toBe(401);
    expect((await send(Buffer.alloc(6 * 1024 * 1024, 'a'), 'eval.ofdt')).status).toBe(403);
    expect(big.body).toEqual({ errors: [{ message: 'The file is over 5 MB: split it', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(await counts()).toEqual(before);
  });
});
