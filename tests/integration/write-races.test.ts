import { Client } from 'pg';
import '../../src/policy/record-kinds';
import { NOT_RECORDS, recordDeclarations } from '../../src/policy/records';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import { TestApp, type Answer } from '../support/test-app';

/**
 * A write racing the end of its mandate (access-policy.md, "One door"): it commits before the
 * mandate ends, or it is refused; never after. Each story sends writes through HTTP without
 * pause, from several clients at once, sends the decision that ends the writer's mandate while
 * they run, and goes on until every client has had answers to writes sent after the decision
 * was answered. Then the database says, by commit order (PostgreSQL's commit timestamps, not
 * the rows' own times: a write that waited on a lock carries an earlier now()), that no row of
 * the person and no audited write committed after the decision.
 */
describe('writes racing the end of their mandate', () => {
  let app: TestApp;
  let db: Client;
  const ids: Record<string, string> = {};

  async function ok(login: string, query: string, variables: Record<string, unknown> = {}) {
    const answer = await app.call(login, query, variables);
    if (answer.errors) throw new Error(`${login}: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  }

  /** A person registered by the SPIP of Isère. */
  async function register(lastName: string): Promise<string> {
    const data = await ok(
      'cpip.grenoble',
      `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { id } }`,
      { i: { firstName: 'Course', lastName, establishmentId: ids.varces, expectedReleaseDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), measure: 'NONE' } },
    );
    return data.registerPerson.id;
  }

  /** The SPIP refers the person to a structure, which accepts: its mandate is full. */
  async function referAndAccept(personId: string, login: string, input: Record<string, unknown>): Promise<{ referralId: string; followUpId: string }> {
    const referred = await ok('cpip.grenoble', `mutation($i: ReferPersonInput!) { referPerson(input: $i) { id } }`, { i: { personId, ...input } });
    const referralId = referred.referPerson.id;
    await ok(login, `mutation($id: ID!) { acceptReferral(id: $id) { id } }`, { id: referralId });
    const { person } = await ok(login, `query($id: ID!) { person(id: $id) { followUps { id endDate } } }`, { id: personId });
    const open = person.followUps.filter((followUp: { endDate: string | null }) => followUp.endDate === null);
    expect(open).toHaveLength(1);
    return { referralId, followUpId: open[0].id };
  }

  interface Outcome {
    writer: number;
    afterDecision: boolean;
    codes: string[];
  }

  /**
   * Runs `writers` (each a loop of writes, several clients per writer) until each has had
   * `after` answers to writes sent once the decision was answered; the decision is sent once
   * every writer has had `before` writes accepted.
   */
  async function race(writers: ((i: number) => Promise<Answer>)[], decide: () => Promise<Answer>, clients = 3, before = 2, after = 3) {
    const outcomes: Outcome[] = [];
    let decided = false;
    const accepted = writers.map(() => 0);
    const loops = writers.flatMap((write, writer) =>
      Array.from({ length: clients }, async (_, client) => {
        let sentAfter = 0;
        for (let i = client; sentAfter < after; i += clients) {
          const afterDecision = decided;
          const answer = await write(i);
          const codes = (answer.errors ?? []).map((error) => error.extensions?.code ?? error.message);
          outcomes.push({ writer, afterDecision, codes });
          if (codes.length === 0) accepted[writer] += 1;
          if (afterDecision) sentAfter += 1;
          if (i > 2000) throw new Error('the decision never came');
        }
      }),
    );
    while (accepted.some((count) => count < before)) await new Promise((resolve) => setImmediate(resolve));
    const decision = await decide();
    expect(decision.errors).toBeUndefined();
    decided = true;
    await Promise.all(loops);
    return outcomes;
  }

  /** The decision's audit entry: its transaction's commit timestamp is compared in SQL, to the microsecond. */
  async function decisionCommit(personId: string, action: string): Promise<string> {
    const { rows } = await db.query<{ id: string }>(`select id from audit_entry where person_id = $1 and detail->>'action' = $2`, [personId, action]);
    expect(rows).toHaveLength(1);
    return rows[0].id;
  }

  /** What of the person committed after the decision: audited writes, and rows of the record tables. */
  async function committedAfter(personId: string, decision: string, writeActions: string[]): Promise<Record<string, number>> {
    const decidedAt = (param: string) => `(select pg_xact_commit_timestamp(d.xmin) from audit_entry d where d.id = ${param})`;
    // Every declared record stored in a table of its own, and the person's domain rows: a new kind of record is watched once declared.
    const candidates = [...recordDeclarations().map((d) => d.sql.table), ...Object.keys(NOT_RECORDS).filter((table) => table.startsWith('person_'))];
    const { rows: stored } = await db.query<{ table: string }>(
      `select c.relname as table from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relname = any($1) order by 1`,
      [candidates],
    );
    const tables = stored.map((row) => row.table);
    expect(tables).toEqual(expect.arrayContaining(['case_note', 'consent', 'referral', 'follow_up', 'appointment', 'action_participation', 'placement', 'person_housing', 'right_step']));
    const counts: Record<string, number> = {};
    const audit = await db.query<{ n: string }>(
      `select count(*) as n from audit_entry where person_id = $1 and detail->>'action' = any($2) and pg_xact_commit_timestamp(xmin) > ${decidedAt('$3')}`,
      [personId, writeActions, decision],
    );
    counts.audit_entry = Number(audit.rows[0].n);
    for (const table of tables) {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from ${table} where person_id = $1 and pg_xact_commit_timestamp(xmin) > ${decidedAt('$2')}`,
        [personId, decision],
      );
      counts[table] = Number(rows[0].n);
    }
    return counts;
  }

  /** Every write was accepted or refused with a code; those sent after the decision was answered, refused; both happened. */
  function expectRaced(outcomes: Outcome[], writers: number, refusals: string[]) {
    for (const outcome of outcomes) for (const code of outcome.codes) expect(refusals).toContain(code);
    for (const outcome of outcomes.filter((o) => o.afterDecision)) expect(outcome.codes).not.toHaveLength(0);
    for (let writer = 0; writer < writers; writer++) {
      const own = outcomes.filter((o) => o.writer === writer);
      expect(own.filter((o) => o.codes.length === 0).length).toBeGreaterThan(0);
      expect(own.filter((o) => o.codes.length > 0).length).toBeGreaterThan(0);
    }
  }

  const none = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((key) => [key, 0]));

  beforeAll(async () => {
    app = await TestApp.start({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ track_commit_timestamp: string }>('show track_commit_timestamp');
    if (rows[0].track_commit_timestamp !== 'on') throw new Error('these tests order commits by their timestamps: run PostgreSQL with track_commit_timestamp=on');
    const em = app.em();
    const structure = async (name: string) => (await em.findOneOrFail(Structure, { name })).id;
    ids.relais = await structure('Relais Isère Sortants');
    ids.csapa38 = await structure('CSAPA Grenoble Addictions');
    ids.siao = await structure("SIAO de l'Isère");
    ids.spip49 = await structure('SPIP de Maine-et-Loire');
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");
    ids.sma = (await em.findOneOrFail(Service, { name: "Sortants de maison d'arrêt" })).id;
    ids.siaoPlaces = (await em.findOneOrFail(Service, { name: "Places d'hébergement d'insertion (contingent sortants)" })).id;
    const actions = await ok('ts.relais38', `{ actions { id carrier { name } } }`);
    ids.program = actions.actions.find((action: { carrier: { name: string } }) => action.carrier.name === 'Relais Isère Sortants').id;
  });

  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  it('a transfer accepted: the former SPIP’s case notes, consents and referral changes commit before it or are refused', async () => {
    const personId = await register('Transfert');
    const { transferPerson } = await ok('cpip.grenoble', `mutation($p: ID!, $to: ID!) { transferPerson(personId: $p, toSpipId: $to, reason: "Déménagement") { id } }`, {
      p: personId,
      to: ids.spip49,
    });
    const note = (i: number) =>
      app.call('cpip.grenoble', `mutation($i: WriteCaseNoteInput!) { writeCaseNote(input: $i) { id } }`, {
        i: { personId, domain: 'JUDICIAL_DETAIL', text: `Note ${i}` },
      });
    const consent = () =>
      app.call('cpip.grenoble', `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`, {
        i: { personId, domain: 'SOCIAL', recipientStructureId: ids.csapa38 },
      });
    // Referral changes: one referral to the association, cancelled and sent again, over and over.
    let open: string | null = null;
    const referralChange = async () => {
      if (open) {
        const answer = await app.call('cpip.grenoble', `mutation($id: ID!) { cancelReferral(id: $id, reason: "Réorientation") { id } }`, { id: open });
        if (!answer.errors) open = null;
        return answer;
      }
      const answer = await app.call('cpip.grenoble', `mutation($i: ReferPersonInput!) { referPerson(input: $i) { id } }`, {
        i: { personId, toStructureId: ids.relais, serviceId: ids.sma, needs: ['RIGHTS'] },
      });
      if (!answer.errors) open = answer.data!.referPerson.id;
      return answer;
    };
    const outcomes = await race([note, consent, referralChange], () =>
      app.call('cpip.angers', `mutation($id: ID!) { acceptTransfer(id: $id) { id status } }`, { id: transferPerson.id }),
    );
    // The referral's own loop may meet its own change (CONFLICT); the mandate's end is FORBIDDEN.
    expectRaced(outcomes, 3, ['FORBIDDEN', 'CONFLICT']);
    const decision = await decisionCommit(personId, 'acceptTransfer');
    const after = await committedAfter(personId, decision, ['writeCaseNote', 'recordConsent', 'referPerson', 'cancelReferral']);
    expect(after).toEqual(none(after));
  });

  it('a follow-up closed: the association’s appointments, attendance and notes commit before it or are refused', async () => {
    const personId = await register('Cloture');
    const { followUpId } = await referAndAccept(personId, 'ts.relais38', { toStructureId: ids.relais, serviceId: ids.sma, needs: ['RIGHTS', 'SOCIAL_SUPPORT'] });
    const { enrolInAction } = await ok('ts.relais38', `mutation($i: EnrolInActionInput!) { enrolInAction(input: $i) { id } }`, {
      i: { actionId: ids.program, personId },
    });
    const appointment = (i: number) =>
      app.call('ts.relais38', `mutation($i: ScheduleAppointmentInput!) { scheduleAppointment(input: $i) { id } }`, {
        i: { personId, domain: 'SOCIAL', kind: 'INTERVIEW', scheduledAt: new Date(Date.now() + (i + 1) * 3_600_000).toISOString() },
      });
    const attendance = (i: number) =>
      app.call('ts.relais38', `mutation($id: ID!, $i: ParticipationInput!) { recordParticipation(id: $id, input: $i) { id } }`, {
        id: enrolInAction.id,
        i: { sessionsAttended: i, groupSessions: 0, coInterventions: 0 },
      });
    const note = (i: number) =>
      app.call('ts.relais38', `mutation($i: WriteCaseNoteInput!) { writeCaseNote(input: $i) { id } }`, { i: { personId, domain: 'SOCIAL', text: `Entretien ${i}` } });
    const outcomes = await race([appointment, attendance, note], () =>
      app.call('ts.relais38', `mutation($id: ID!) { closeFollowUp(id: $id, reason: "Fin de l'accompagnement") { id } }`, { id: followUpId }),
    );
    expectRaced(outcomes, 3, ['FORBIDDEN']);
    const decision = await decisionCommit(personId, 'closeFollowUp');
    const after = await committedAfter(personId, decision, ['scheduleAppointment', 'recordParticipation', 'writeCaseNote']);
    expect(after).toEqual(none(after));
  });

  it('a referral cancelled: the SIAO’s placements and follow-up closing commit before it or are refused', async () => {
    const personId = await register('Hebergement');
    const { referralId, followUpId } = await referAndAccept(personId, 'coord.siao38', { toStructureId: ids.siao, needs: ['HOUSING'] });
    // Placed and moved out, over and over: each one a placement written (one place at a time).
    let placement: string | null = null;
    const place = async () => {
      if (placement) {
        const answer = await app.call('coord.siao38', `mutation($id: ID!) { endPlacement(id: $id, reason: "Relogé") { id } }`, { id: placement });
        if (!answer.errors) placement = null;
        return answer;
      }
      const answer = await app.call('coord.siao38', `mutation($p: ID!, $s: ID!) { placePerson(personId: $p, serviceId: $s) { id } }`, { p: personId, s: ids.siaoPlaces });
      if (!answer.errors) placement = answer.data!.placePerson.id;
      return answer;
    };
    const outcomes = await race([place], () =>
      app.call('cpip.grenoble', `mutation($id: ID!) { cancelReferral(id: $id, reason: "Orientation ailleurs") { id } }`, { id: referralId }),
    );
    expectRaced(outcomes, 1, ['FORBIDDEN', 'CONFLICT']);
    const decision = await decisionCommit(personId, 'cancelReferral');
    // Closing the follow-up once the referral was cancelled: closed already by the cancellation.
    const close = await app.call('coord.siao38', `mutation($id: ID!) { closeFollowUp(id: $id, reason: "Fin") { id } }`, { id: followUpId });
    expect(close.errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
    const after = await committedAfter(personId, decision, ['placePerson', 'endPlacement', 'closeFollowUp']);
    expect(after).toEqual(none(after));
  });

  it('a consent revoked: the CSAPA’s notes in the domain it opened commit before it or are refused', async () => {
    const personId = await register('Consentement');
    await referAndAccept(personId, 'soignant.csapa38', { toStructureId: ids.csapa38, needs: ['ADDICTION_CARE'] });
    const { recordConsent } = await ok('cpip.grenoble', `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`, {
      i: { personId, domain: 'SOCIAL', recipientStructureId: ids.csapa38 },
    });
    const note = (i: number) =>
      app.call('soignant.csapa38', `mutation($i: WriteCaseNoteInput!) { writeCaseNote(input: $i) { id } }`, { i: { personId, domain: 'SOCIAL', text: `Point ${i}` } });
    const outcomes = await race([note], () => app.call('cpip.grenoble', `mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: recordConsent.id }), 4);
    expectRaced(outcomes, 1, ['FORBIDDEN']);
    const decision = await decisionCommit(personId, 'revokeConsent');
    const after = await committedAfter(personId, decision, ['writeCaseNote']);
    expect(after).toEqual(none(after));
  });
});
