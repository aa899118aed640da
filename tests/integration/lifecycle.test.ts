import { Role } from '../../src/auth/role';
import { mayBeTold } from '../../src/outbox/event-records';
import { OutboxEvent, OutboxEventType } from '../../src/outbox/outbox-event.entity';
import { Structure } from '../../src/structures/structure.entity';
import { oracleRows, readerDifferences, rowDifferences, tableRows, tableVersusHistory, type Sql } from '../support/mandates';
import { type Answer, TestApp } from '../support/test-app';

/**
 * The record's lifecycle through HTTP with the demo accounts (issue 11): a file moves from
 * the SPIP of Isère to the SPIP of Maine-et-Loire (the former SPIP keeps only its writings),
 * a transfer is refused, a file is closed, a person is restricted (identity withheld, never
 * found by name, reads flagged), and a timeline says only what the viewer may know.
 */

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const PERSON = `query($id: ID!) { person(id: $id) {
  id pseudonym mandate visibleDomains
  identity { firstName lastName }
  judicial { measure releasedOn }
  file { status closedReason holder { name } }
  restriction { since visibleTo { name } }
  transfers { id status reason refusalReason fromSpip { name } toSpip { name } }
  caseNotes { text authorStructure { name } }
} }`;

const TIMELINE = `query($id: ID!, $first: Int, $after: String) { person(id: $id) {
  timeline(first: $first, after: $after) {
    edges { cursor node { id at kind domains status structure { id name kind } } }
    pageInfo { hasNextPage endCursor }
  }
} }`;

describe("the record's lifecycle", () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  const call = (login: string, query: string, variables: Record<string, unknown> = {}) => app.call(login, query, variables);
  const ok = (login: string, query: string, variables: Record<string, unknown> = {}) => app.ok(login, query, variables);

  const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

  async function register(lastName: string, firstName = 'Témoin'): Promise<string> {
    const data = await ok('cpip.grenoble', `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`, {
      input: { firstName, lastName, expectedReleaseDate: inDays(20), establishmentId: ids.varces, measure: 'PROBATION' },
    });
    return data.registerPerson.id;
  }

  async function referAndAccept(personId: string, toStructureId: string, needs: string[], receiver: string): Promise<string> {
    const data = await ok('cpip.grenoble', `mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }`, {
      input: { personId, toStructureId, needs, motive: 'Orientation' },
    });
    await ok(receiver, `mutation($id: ID!) { acceptReferral(id: $id) { id } }`, { id: data.referPerson.id });
    return data.referPerson.id;
  }

  async function note(login: string, personId: string, domain: string, text: string): Promise<void> {
    await ok(login, `mutation($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id } }`, { input: { personId, domain, text } });
  }

  const transfer = (login: string, personId: string, toSpipId: string, reason = 'Déménagement à Angers') =>
    call(login, `mutation($p: ID!, $to: ID!, $r: String!) { transferPerson(personId: $p, toSpipId: $to, reason: $r) { id status reason } }`, {
      p: personId,
      to: toSpipId,
      r: reason,
    });

  /** Every page of the viewer's persons, as a list would show them. */
  async function allPersons(login: string): Promise<{ id: string; identity: { lastName: string } | null }[]> {
    const nodes: { id: string; identity: { lastName: string } | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (
        await ok(login, `query($after: String) { persons(first: 100, after: $after) { edges { node { id identity { lastName } } } pageInfo { hasNextPage endCursor } } }`, {
          after,
        })
      ).persons;
      nodes.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  const person = async (login: string, id: string) => (await ok(login, PERSON, { id })).person;

  async function structure(name: string): Promise<string> {
    return (await app.em().findOneOrFail(Structure, { name })).id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");
    ids.spip38 = await structure("SPIP de l'Isère");
    ids.spip49 = await structure('SPIP de Maine-et-Loire');
    ids.relais = await structure('Relais Isère Sortants');
    ids.csapa38 = await structure('CSAPA Grenoble Addictions');
    ids.siao = await structure("SIAO de l'Isère");
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('transfer from the SPIP of Isère to the SPIP of Maine-et-Loire', () => {
    beforeAll(async () => {
      ids.moving = await register('Transféré');
      await note('cpip.grenoble', ids.moving, 'JUDICIAL', 'Entretien de sortie à Grenoble');
    });

    it('refuses a transfer to a structure that is not a SPIP, to the same SPIP, and by a structure that does not hold the file', async () => {
      const notSpip = await transfer('cpip.grenoble', ids.moving, ids.relais);
      expect(codeOf(notSpip)).toBe('BAD_USER_INPUT');
      expect(notSpip.errors![0].message).toMatch(/SPIP/);
      const same = await transfer('cpip.grenoble', ids.moving, ids.spip38);
      expect(codeOf(same)).toBe('BAD_USER_INPUT');
      expect(same.errors![0].message).toMatch(/already held/);
      expect(codeOf(await transfer('ts.relais38', ids.moving, ids.spip49))).toBe('FORBIDDEN');
      // Another SPIP without a mandate: the same answer as for an unknown person.
      expect(codeOf(await transfer('cpip.angers', ids.moving, ids.spip38))).toBe('NOT_FOUND');
      expect(codeOf(await transfer('cpip.grenoble', '00000000-0000-4000-8000-000000000000', ids.spip49))).toBe('NOT_FOUND');
      const blank = await transfer('cpip.grenoble', ids.moving, ids.spip49, '   ');
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    });

    it('opens a pending transfer: the receiving SPIP sees enough to decide, and one transfer at a time', async () => {
      const opened = await transfer('cpip.grenoble', ids.moving, ids.spip49);
      expect(opened.errors).toBeUndefined();
      ids.transfer = opened.data!.transferPerson.id;
      expect(opened.data!.transferPerson).toMatchObject({ status: 'PENDING', reason: 'Déménagement à Angers' });

      const again = await transfer('cpip.grenoble', ids.moving, ids.spip49);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toMatch(/pending/);

      const seen = await person('cpip.angers', ids.moving);
      expect(seen.mandate).toBe('PENDING');
      expect(seen.identity).toEqual({ firstName: 'Témoin', lastName: 'Transféré' });
      expect(seen.judicial).toEqual({ measure: 'PROBATION', releasedOn: null });
      expect(seen.caseNotes).toEqual([]);
      expect(seen.transfers).toEqual([
        expect.objectContaining({ status: 'PENDING', reason: 'Déménagement à Angers', fromSpip: { name: "SPIP de l'Isère" } }),
      ]);
      // The file's closing reason is not core judicial data.
      expect(seen.file).toEqual({ status: 'OPEN', closedReason: null, holder: { name: "SPIP de l'Isère" } });
      // A file with a pending transfer does not close.
      const close = await call('cpip.grenoble', `mutation($p: ID!) { closeFile(personId: $p, reason: "Fin") { id } }`, { p: ids.moving });
      expect(codeOf(close)).toBe('CONFLICT');
    });

    it('lets only the receiving SPIP decide', async () => {
      const accept = `mutation($id: ID!) { acceptTransfer(id: $id) { id status } }`;
      expect(codeOf(await call('cpip.grenoble', accept, { id: ids.transfer }))).toBe('FORBIDDEN');
      expect(codeOf(await call('ts.relais38', accept, { id: ids.transfer }))).toBe('FORBIDDEN');
      expect(codeOf(await call('eval.ofdt', accept, { id: ids.transfer }))).toBe('FORBIDDEN');
    });

    it('moves the file on acceptance: the former SPIP keeps only its own writings, read-only', async () => {
      const accepted = await ok('cpip.angers', `mutation($id: ID!) { acceptTransfer(id: $id) { id status decidedAt toSpip { name } } }`, { id: ids.transfer });
      expect(accepted.acceptTransfer).toMatchObject({ status: 'ACCEPTED', toSpip: { name: 'SPIP de Maine-et-Loire' } });
      const twice = await call('cpip.angers', `mutation($id: ID!) { acceptTransfer(id: $id) { id } }`, { id: ids.transfer });
      expect(codeOf(twice)).toBe('CONFLICT');

      await note('cpip.angers', ids.moving, 'JUDICIAL', 'Premier entretien à Angers');
      const now = await person('cpip.angers', ids.moving);
      expect(now.mandate).toBe('FULL');
      expect(now.file.holder.name).toBe('SPIP de Maine-et-Loire');
      expect(now.caseNotes.map((n: { text: string }) => n.text).sort()).toEqual(['Entretien de sortie à Grenoble', 'Premier entretien à Angers']);

      const former = await person('cpip.grenoble', ids.moving);
      expect(former.mandate).toBe('ENDED');
      expect(former.caseNotes).toEqual([{ text: 'Entretien de sortie à Grenoble', authorStructure: { name: "SPIP de l'Isère" } }]);
      // The file is the new SPIP's writing now.
      expect(former.file).toBeNull();
      const write = await call(
        'cpip.grenoble',
        `mutation($p: ID!, $input: UpdateJudicialSituationInput!) { updateJudicialSituation(personId: $p, input: $input) { id } }`,
        { p: ids.moving, input: { measure: 'NONE', careObligation: false } },
      );
      expect(codeOf(write)).toBe('FORBIDDEN');
      expect(codeOf(await transfer('cpip.grenoble', ids.moving, ids.spip49))).toBe('FORBIDDEN');
      // Still found by the name it wrote itself, under its ended mandate.
      const listed = await ok('cpip.grenoble', `{ persons(first: 100, mandate: ENDED, search: "transf") { edges { node { id } } } }`);
      expect(listed.persons.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids.moving]);
    });

    it('tells the story in both SPIPs\' timelines', async () => {
      const mine = (await ok('cpip.angers', TIMELINE, { id: ids.moving, first: 50 })).person.timeline.edges.map((e: any) => e.node);
      expect(mine.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'CASE_NOTE_WRITTEN', 'PERSON_REGISTERED']));
      expect(mine.find((n: { kind: string }) => n.kind === 'TRANSFER_ACCEPTED')).toMatchObject({ status: 'ACCEPTED', structure: { name: 'SPIP de Maine-et-Loire' } });
      // Newest first.
      const times = mine.map((n: { at: string }) => n.at);
      expect([...times].sort().reverse()).toEqual(times);
      // The former SPIP: what it did or took part in, not the new SPIP's own work.
      const theirs = (await ok('cpip.grenoble', TIMELINE, { id: ids.moving, first: 50 })).person.timeline.edges.map((e: any) => e.node.kind);
      expect(theirs).toEqual(expect.arrayContaining(['TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'PERSON_REGISTERED']));
      expect(theirs.filter((kind: string) => kind === 'CASE_NOTE_WRITTEN')).toHaveLength(1);
    });
  });

  it("tells a file's closing to partners with a full mandate, not to the former SPIP", async () => {
    await ok('cpip.angers', `mutation($p: ID!) { closeFile(personId: $p, reason: "Fin de la mesure") { id } }`, { p: ids.moving });
    const em = app.em();
    const event = await em.findOneOrFail(OutboxEvent, { personId: ids.moving, type: OutboxEventType.FILE_CLOSED });
    expect(await mayBeTold(em, { structureId: ids.spip49, role: Role.PROBATION_OFFICER }, event)).toBe(true);
    // Grenoble's mandate ended with the transfer: the closing is not its record.
    expect(await mayBeTold(em, { structureId: ids.spip38, role: Role.PROBATION_OFFICER }, event)).toBe(false);
    // Nor to a structure without a mandate.
    expect(await mayBeTold(em, { structureId: ids.relais, role: Role.SOCIAL_WORKER }, event)).toBe(false);
  });

  describe('a refused transfer and a closed file', () => {
    it("shows the closing reason, the SPIP's free text, to the SPIP only", async () => {
      const id = await register('Clos-suivi');
      await referAndAccept(id, ids.relais, ['HOUSING'], 'ts.relais38');
      await ok('cpip.grenoble', `mutation($p: ID!) { closeFile(personId: $p, reason: "Révocation du sursis") { id } }`, { p: id });
      expect((await person('ts.relais38', id)).file).toEqual({ status: 'CLOSED', closedReason: null, holder: { name: "SPIP de l'Isère" } });
      expect((await person('cpip.grenoble', id)).file.closedReason).toBe('Révocation du sursis');
    });


    it('leaves the file where it was when the receiving SPIP refuses', async () => {
      const id = await register('Refusé');
      const opened = await transfer('cpip.grenoble', id, ids.spip49);
      const refused = await ok(
        'cpip.angers',
        `mutation($id: ID!) { refuseTransfer(id: $id, reason: "Pas de domicile dans le département") { status refusalReason } }`,
        { id: opened.data!.transferPerson.id },
      );
      expect(refused.refuseTransfer).toEqual({ status: 'REFUSED', refusalReason: 'Pas de domicile dans le département' });
      expect((await person('cpip.grenoble', id)).mandate).toBe('FULL');
      const receiver = await person('cpip.angers', id);
      expect(receiver.mandate).toBe('ENDED');
      expect(receiver.identity).toBeNull();
      // A new transfer can be asked once the first is decided.
      expect((await transfer('cpip.grenoble', id, ids.spip49)).errors).toBeUndefined();
    });

    it('closes a file at the end of the measure: read-only afterwards, and no second closing or transfer', async () => {
      const id = await register('Clôturé');
      await note('cpip.grenoble', id, 'JUDICIAL', 'Mesure exécutée');
      const closed = await ok('cpip.grenoble', `mutation($p: ID!) { closeFile(personId: $p, reason: "Fin de la mesure") { id mandate file { status closedReason } } }`, { p: id });
      expect(closed.closeFile.mandate).toBe('ENDED');
      const again = await call('cpip.grenoble', `mutation($p: ID!) { closeFile(personId: $p, reason: "Fin") { id } }`, { p: id });
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toMatch(/closed/);
      expect(codeOf(await transfer('cpip.grenoble', id, ids.spip49))).toBe('CONFLICT');
      const seen = await person('cpip.grenoble', id);
      expect(seen.caseNotes.map((n: { text: string }) => n.text)).toEqual(['Mesure exécutée']);
      expect(seen.file).toEqual({ status: 'CLOSED', closedReason: 'Fin de la mesure', holder: { name: "SPIP de l'Isère" } });
      const timeline = (await ok('cpip.grenoble', TIMELINE, { id })).person.timeline.edges.map((e: any) => e.node);
      expect(timeline[0]).toMatchObject({ kind: 'FILE_CLOSED', status: 'CLOSED', structure: { name: "SPIP de l'Isère" } });
    });
  });

  it('keeps the mandate table equal to the history and to an independent derivation, transfers included', async () => {
    const sql: Sql = (text, params = []) => app.em().getConnection().execute(text, params);
    expect(await tableVersusHistory(sql)).toEqual([]);
    expect(rowDifferences(await tableRows(sql), await oracleRows(sql))).toEqual([]);
    expect(await readerDifferences(sql)).toEqual([]);
  });

  describe('a restricted person', () => {
    beforeAll(async () => {
      ids.restricted = await register('Discrète', 'Personnalité');
      await referAndAccept(ids.restricted, ids.relais, ['HOUSING'], 'ts.relais38');
    });

    const search = (login: string, text: string) =>
      ok(login, `query($s: String!) { persons(first: 100, search: $s) { totalCount edges { node { id pseudonym } } } }`, { s: text });

    it('is found by name before the restriction', async () => {
      const found = await search('ts.relais38', 'discr');
      expect(found.persons.edges.map((e: any) => e.node.id)).toContain(ids.restricted);
      expect(found.persons.totalCount).toBeGreaterThanOrEqual(1);
    });

    it('is shown as its pseudonym to the association, never found by name, and every read is flagged', async () => {
      const restricted = await ok('cpip.grenoble', `mutation($p: ID!) { restrictPerson(personId: $p, visibleTo: []) { id restriction { since visibleTo { name } } } }`, {
        p: ids.restricted,
      });
      expect(restricted.restrictPerson.restriction.visibleTo).toEqual([]);

      const seen = await person('ts.relais38', ids.restricted);
      expect(seen.mandate).toBe('FULL');
      expect(seen.identity).toBeNull();
      expect(seen.pseudonym).toMatch(/^P-/);
      expect(seen.visibleDomains).not.toContain('IDENTITY');
      expect(seen.restriction).toBeNull();
      const node = (await allPersons('ts.relais38')).find((n) => n.id === ids.restricted);
      expect(node).toEqual({ id: ids.restricted, identity: null });

      for (const text of ['discr', 'Discrète', 'perso']) {
        const found = await search('ts.relais38', text);
        expect(found.persons.edges.map((e: any) => e.node.id)).not.toContain(ids.restricted);
      }
      // Never found by name, whoever searches: the holding SPIP finds it by its pseudonym or id.
      expect((await search('cpip.grenoble', 'discr')).persons.edges.map((e: any) => e.node.id)).not.toContain(ids.restricted);
      const holder = await person('cpip.grenoble', ids.restricted);
      expect(holder.identity).toEqual({ firstName: 'Personnalité', lastName: 'Discrète' });
      expect(holder.restriction.since).toBeTruthy();

      // The association may not write what it may not read.
      const write = await call('ts.relais38', `mutation($p: ID!, $input: UpdateIdentityInput!) { updateIdentity(personId: $p, input: $input) { id } }`, {
        p: ids.restricted,
        input: { firstName: 'X', lastName: 'Y' },
      });
      expect(codeOf(write)).toBe('FORBIDDEN');
      // A record of the identity domain is identity: its entry in the timeline is withheld too.
      await ok('cpip.grenoble', `mutation($p: ID!, $input: UpdateIdentityInput!) { updateIdentity(personId: $p, input: $input) { id } }`, {
        p: ids.restricted,
        input: { firstName: 'Personnalité', lastName: 'Discrète', phone: '0600000000' },
      });
      const kindsFor = async (login: string) =>
        (await ok(login, TIMELINE, { id: ids.restricted, first: 100 })).person.timeline.edges.map((e: any) => e.node.kind);
      expect(await kindsFor('cpip.grenoble')).toContain('IDENTITY_UPDATED');
      expect(await kindsFor('ts.relais38')).not.toContain('IDENTITY_UPDATED');
      // Only the holding SPIP restricts.
      const notHolder = await call('ts.relais38', `mutation($p: ID!) { unrestrictPerson(personId: $p) { id } }`, { p: ids.restricted });
      expect(codeOf(notHolder)).toBe('FORBIDDEN');

      const flagged = await app.em().getConnection().execute<{ structure_id: string; restricted: boolean }[]>(
        `select structure_id, restricted from access_log_entry where person_id = ? and kind = 'READ' order by at`,
        [ids.restricted],
      );
      const afterRestriction = flagged.filter((row) => row.restricted);
      expect(afterRestriction.map((row) => row.structure_id)).toEqual(expect.arrayContaining([ids.relais, ids.spip38]));
      expect(flagged.some((row) => !row.restricted)).toBe(true);
    });

    it('shows the identity to the structures the SPIP names, and to all once lifted', async () => {
      await ok('cpip.grenoble', `mutation($p: ID!, $to: [ID!]!) { restrictPerson(personId: $p, visibleTo: $to) { id } }`, { p: ids.restricted, to: [ids.relais] });
      expect((await person('ts.relais38', ids.restricted)).identity).toEqual({ firstName: 'Personnalité', lastName: 'Discrète' });
      expect((await search('ts.relais38', 'discr')).persons.edges.map((e: any) => e.node.id)).not.toContain(ids.restricted);
      const unknown = await call('cpip.grenoble', `mutation($p: ID!, $to: [ID!]!) { restrictPerson(personId: $p, visibleTo: $to) { id } }`, {
        p: ids.restricted,
        to: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');

      await ok('cpip.grenoble', `mutation($p: ID!) { unrestrictPerson(personId: $p) { id } }`, { p: ids.restricted });
      expect((await search('ts.relais38', 'discr')).persons.edges.map((e: any) => e.node.id)).toContain(ids.restricted);
      expect((await person('cpip.grenoble', ids.restricted)).restriction).toBeNull();
    });

    it('keeps the restriction out of partners\' timelines', async () => {
      const kinds = (await ok('ts.relais38', TIMELINE, { id: ids.restricted, first: 50 })).person.timeline.edges.map((e: any) => e.node.kind);
      expect(kinds.join(' ')).not.toMatch(/RESTRICT/);
    });
  });

  describe('the timeline of a person followed by a CSAPA, as the SIAO sees it', () => {
    beforeAll(async () => {
      ids.cared = await register('Soigné');
      await referAndAccept(ids.cared, ids.csapa38, ['ADDICTION_CARE'], 'soignant.csapa38');
      await referAndAccept(ids.cared, ids.siao, ['HOUSING'], 'coord.siao38');
      await note('soignant.csapa38', ids.cared, 'HEALTH', 'Suivi addictologique');
      await note('coord.siao38', ids.cared, 'HOUSING', 'Demande SIAO enregistrée');
    });

    it('shows nothing of the CSAPA', async () => {
      const answer = await ok('coord.siao38', TIMELINE, { id: ids.cared, first: 100 });
      const nodes = answer.person.timeline.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThanOrEqual(3);
      const text = JSON.stringify(answer);
      expect(text).not.toContain(ids.csapa38);
      expect(text).not.toContain('CSAPA');
      expect(text).not.toMatch(/HEALTH/);
      // Its own work and what it took part in are there.
      expect(nodes.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'CASE_NOTE_WRITTEN']));
      // Every entry names no CSAPA; none is anonymous either: the SIAO may know who did what it sees.
      for (const node of nodes) expect(node.structure?.kind).not.toBe('CSAPA');
    });

    it('shows the CSAPA its own work, and the SPIP the referral it sent', async () => {
      const csapa = (await ok('soignant.csapa38', TIMELINE, { id: ids.cared, first: 100 })).person.timeline.edges.map((e: any) => e.node);
      expect(csapa.filter((n: any) => n.structure?.id === ids.csapa38 && n.kind === 'CASE_NOTE_WRITTEN')).toHaveLength(1);
      const spip = (await ok('cpip.grenoble', TIMELINE, { id: ids.cared, first: 100 })).person.timeline.edges.map((e: any) => e.node);
      const referrals = spip.filter((n: any) => n.kind === 'REFERRAL_CREATED');
      expect(referrals.map((n: any) => n.domains[0]).sort()).toEqual(['HEALTH_SUMMARY', 'SOCIAL']);
      // Without consent, the SPIP does not read HEALTH_SUMMARY: the CSAPA's own notes stay out.
      expect(spip.filter((n: any) => n.structure?.id === ids.csapa38 && n.kind === 'CASE_NOTE_WRITTEN')).toHaveLength(0);
    });

    it("keeps a consent's entries to its recorder once revoked, and a CSAPA's follow-up out of the sender's timeline", async () => {
      const kindsBy = async (login: string) =>
        (await ok(login, TIMELINE, { id: ids.cared, first: 100 })).person.timeline.edges.map((e: any) => `${e.node.kind} ${e.node.structure?.kind ?? '-'}`);
      // The SPIP sent the referral, but the follow-up is the CSAPA's: HEALTH_SUMMARY, which it does not read.
      expect(await kindsBy('cpip.grenoble')).not.toContain('FOLLOW_UP_OPENED CSAPA');
      const consent = (
        await ok('soignant.csapa38', `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
          input: { personId: ids.cared, domain: 'HEALTH_SUMMARY', recipientStructureId: ids.spip38 },
        })
      ).recordConsent.id;
      // In force: the recipient sees it, and now reads HEALTH_SUMMARY (the CSAPA's follow-up too).
      expect(await kindsBy('cpip.grenoble')).toEqual(expect.arrayContaining(['CONSENT_RECORDED CSAPA', 'FOLLOW_UP_OPENED CSAPA']));
      await ok('soignant.csapa38', `mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consent });
      const spip = await kindsBy('cpip.grenoble');
      // What is left of the CSAPA is the referral the SPIP sent it, and its answer.
      expect(spip.filter((kind: string) => kind.startsWith('CONSENT_') || (kind.endsWith('CSAPA') && !kind.startsWith('REFERRAL_')))).toEqual([]);
      expect(await kindsBy('soignant.csapa38')).toEqual(expect.arrayContaining(['CONSENT_RECORDED CSAPA', 'CONSENT_REVOKED CSAPA']));
      const exported = await fetch(`${app.url}/exports/persons/${ids.cared}/record.json`, {
        headers: { authorization: `Bearer ${await app.tokenFor('cpip.grenoble')}` },
      });
      const entries = ((await exported.json()) as any).person.timeline.edges.map((e: any) => e.node);
      expect(entries.map((n: any) => n.kind)).toContain('REFERRAL_ACCEPTED');
      expect(entries.filter((n: any) => n.kind.startsWith('CONSENT_') || n.kind === 'FOLLOW_UP_OPENED' && n.structure?.kind === 'CSAPA')).toEqual([]);
    });

    it('pages newest first with cursors, the same entries as one page', async () => {
      const all = (await ok('coord.siao38', TIMELINE, { id: ids.cared, first: 100 })).person.timeline.edges.map((e: any) => e.node.id);
      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await ok('coord.siao38', TIMELINE, { id: ids.cared, first: 2, after })).person.timeline;
        paged.push(...page.edges.map((e: any) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
      const tooMany = await call('coord.siao38', TIMELINE, { id: ids.cared, first: 1000 });
      expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    });

    it('answers a person outside the mandate as an unknown id', async () => {
      const outside = await ok('cpip.angers', TIMELINE, { id: ids.cared });
      expect(outside.person).toBeNull();
    });
  });
});
