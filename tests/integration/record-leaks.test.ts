import { randomUUID } from 'node:crypto';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import { TestApp } from '../support/test-app';

/**
 * The findings of the review of issue 9 (H1–H3, M1, M2, M5, M6, L1, L2, L7), each replayed
 * through HTTP with the demo accounts, as a hostile partner would: records, their actors,
 * messages, warnings, flags and the access log say only what the viewer may know.
 */
interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('records and their actors: the review findings', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function call(login: string, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Answer> {
    const response = await app.post({ query, variables, operationName }, await app.tokenFor(login));
    return (await response.json()) as Answer;
  }

  async function ok(login: string, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Record<string, any>> {
    const answer = await call(login, query, variables, operationName);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

  async function register(lastName: string, releaseInDays = 20): Promise<string> {
    const data = await ok(
      'cpip.grenoble',
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
      { input: { firstName: 'Témoin', lastName, expectedReleaseDate: inDays(releaseInDays), establishmentId: ids.varces } },
    );
    return data.registerPerson.id;
  }

  async function refer(personId: string, toStructureId: string, needs: string[], operationName?: string): Promise<string> {
    const query = `mutation ${operationName ?? 'Refer'}($input: ReferPersonInput!) { referPerson(input: $input) { id } }`;
    const data = await ok('cpip.grenoble', query, { input: { personId, toStructureId, needs, motive: 'Motif' } }, operationName);
    return data.referPerson.id;
  }

  async function accept(login: string, referralId: string): Promise<void> {
    await ok(login, `mutation($id: ID!) { acceptReferral(id: $id) { id status } }`, { id: referralId });
  }

  async function consent(login: string, personId: string, domain: string, recipientStructureId: string | null): Promise<string> {
    const data = await ok(login, `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { personId, domain, recipientStructureId },
    });
    return data.recordConsent.id;
  }

  async function structure(name: string): Promise<string> {
    return (await app.em().findOneOrFail(Structure, { name })).id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");
    ids.csapa38 = await structure('CSAPA Grenoble Addictions');
    ids.csapa44 = await structure('CSAPA Nantes Addictions');
    ids.siao = await structure("SIAO de l'Isère");
    ids.relais = await structure('Relais Isère Sortants');
    ids.spip49 = await structure('SPIP de Maine-et-Loire');
    ids.hsp = (await app.em().findOneOrFail(Service, { name: 'Hébergement des sortants de prison' })).id;
    ids.shortStay = (await app.em().findOneOrFail(Service, { name: 'Accueil court et accès rapide aux soins' })).id;

    // A person followed by the CSAPA, the SIAO (through the CSAPA's shelter request) and the association.
    ids.person = await register('Recordé');
    await accept('soignant.csapa38', await refer(ids.person, ids.csapa38, ['ADDICTION_CARE'], 'ReferToCsapaAddictionCare'));
    await accept('ts.relais38', await refer(ids.person, ids.relais, ['RIGHTS', 'SOCIAL_SUPPORT']));
    await consent('cpip.grenoble', ids.person, 'SOCIAL', ids.csapa38);
    await consent('cpip.grenoble', ids.person, 'HOUSING', ids.csapa38);
    const shelter = await ok(
      'soignant.csapa38',
      `mutation($input: RequestShelterInput!) { requestShelter(input: $input) { id } }`,
      { input: { personId: ids.person, motive: 'Sortie avec soins en cours au CSAPA', idempotencyKey: 'csapa-shelter-1' } },
    );
    ids.shelterReferral = shelter.requestShelter.id;
    await accept('coord.siao38', ids.shelterReferral);
  });

  afterAll(async () => {
    await app.close();
  });

  const CONSENTS = `query($id: ID!) { person(id: $id) { consents { id domain inForce recordedBy { kind } } } }`;

  it('H1: a HEALTH_SUMMARY consent is not shown to the SIAO, which may not revoke it either', async () => {
    const consentId = await consent('soignant.csapa38', ids.person, 'HEALTH_SUMMARY', null);
    const seen = (await ok('coord.siao38', CONSENTS, { id: ids.person })).person.consents;
    expect(seen.map((c: { domain: string }) => c.domain)).not.toContain('HEALTH_SUMMARY');
    expect(seen.map((c: { recordedBy: { kind: string } }) => c.recordedBy.kind)).not.toContain('CSAPA');
    const revoke = await call('coord.siao38', `mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consentId });
    expect(codeOf(revoke)).toBe('NOT_FOUND');
    // The association reads HEALTH_SUMMARY with this consent; once revoked, it no longer sees it.
    expect((await ok('ts.relais38', CONSENTS, { id: ids.person })).person.consents.map((c: { id: string }) => c.id)).toContain(consentId);
    await ok('soignant.csapa38', `mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consentId });
    const after = (await ok('ts.relais38', CONSENTS, { id: ids.person })).person.consents;
    expect(after.map((c: { id: string }) => c.id)).not.toContain(consentId);
    expect(after.map((c: { domain: string }) => c.domain)).not.toContain('HEALTH_SUMMARY');
    // Its recorder still sees it, revoked.
    const own = (await ok('soignant.csapa38', CONSENTS, { id: ids.person })).person.consents;
    expect(own.find((c: { id: string }) => c.id === consentId)).toMatchObject({ inForce: false });
  });

  it('H2: a right step changed by the CSAPA keeps its status but does not name the CSAPA', async () => {
    await ok(
      'soignant.csapa38',
      `mutation { updateRightStep(personId: "${ids.person}", kind: HEALTH_INSURANCE, status: SUBMITTED, note: "Dossier CSS déposé par le CSAPA") { version } }`,
    );
    const query = `query($id: ID!) { person(id: $id) { social { rights { kind status note history { note structure { name kind } } } } } }`;
    for (const login of ['coord.siao38', 'cpip.grenoble']) {
      const rights = (await ok(login, query, { id: ids.person })).person.social.rights;
      const step = rights.find((r: { kind: string }) => r.kind === 'HEALTH_INSURANCE');
      expect(step.status).toBe('SUBMITTED');
      expect(step.note).toBeNull();
      expect(step.history).toEqual([{ note: null, structure: null }]);
      expect(JSON.stringify(rights)).not.toContain('CSAPA');
    }
    const own = (await ok('soignant.csapa38', query, { id: ids.person })).person.social.rights;
    expect(own.find((r: { kind: string }) => r.kind === 'HEALTH_INSURANCE').history[0].structure.kind).toBe('CSAPA');
  });

  it("H3: a shelter request sent by the CSAPA is hidden from the association and the SPIP", async () => {
    const query = `query($id: ID!) { person(id: $id) { referrals { id motive fromStructure { kind } } } }`;
    for (const login of ['ts.relais38', 'cpip.grenoble']) {
      const referrals = (await ok(login, query, { id: ids.person })).person.referrals;
      expect(referrals.map((r: { id: string }) => r.id)).not.toContain(ids.shelterReferral);
      expect(referrals.map((r: { fromStructure: { kind: string } }) => r.fromStructure.kind)).not.toContain('CSAPA');
      const direct = await ok(login, `query($id: ID!) { referral(id: $id) { id } }`, { id: ids.shelterReferral });
      expect(direct.referral).toBeNull();
    }
    const siao = (await ok('coord.siao38', query, { id: ids.person })).person.referrals;
    expect(siao.find((r: { id: string }) => r.id === ids.shelterReferral).fromStructure.kind).toBe('CSAPA');
  });

  it("a conflict on an open referral is raised only by a referral the sender sees", async () => {
    // The SIAO follows the person on the CSAPA's request, which the association may not see:
    // the association's own request goes through instead of revealing it.
    const request = await call('ts.relais38', `mutation($input: RequestShelterInput!) { requestShelter(input: $input) { id } }`, {
      input: { personId: ids.person },
    });
    expect(request.errors).toBeUndefined();
    const again = await call('ts.relais38', `mutation($input: RequestShelterInput!) { requestShelter(input: $input) { id } }`, {
      input: { personId: ids.person },
    });
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it("M1: a conflict with the CSAPA's placement does not name it", async () => {
    const personId = await register('Placé');
    await accept('soignant.csapa44', await refer(personId, ids.csapa44, ['ADDICTION_CARE']));
    await accept('ts.relais38', await refer(personId, ids.relais, ['HOUSING', 'SOCIAL_SUPPORT']));
    await consent('cpip.grenoble', personId, 'HOUSING', ids.csapa44);
    await ok('soignant.csapa44', `mutation { placePerson(personId: "${personId}", serviceId: "${ids.shortStay}") { id } }`);
    const clash = await call('ts.relais38', `mutation { placePerson(personId: "${personId}", serviceId: "${ids.hsp}") { id } }`);
    expect(codeOf(clash)).toBe('CONFLICT');
    expect(JSON.stringify(clash.errors)).not.toMatch(/Accueil court|CSAPA|Nantes/);
  });

  it('L1: a placement the SIAO cannot see does not silence its caseload flag', async () => {
    // The CSAPA 44 places a person the SIAO also follows; the housing status says nothing yet.
    const personId = await register('Sans toit', 10);
    await accept('soignant.csapa44', await refer(personId, ids.csapa44, ['ADDICTION_CARE']));
    await accept('coord.siao38', await refer(personId, ids.siao, ['HOUSING']));
    await consent('cpip.grenoble', personId, 'HOUSING', ids.csapa44);
    await ok('soignant.csapa44', `mutation { placePerson(personId: "${personId}", serviceId: "${ids.shortStay}", housingStatus: UNKNOWN) { id } }`);
    const caseload = await ok('coord.siao38', `{ myCaseload(first: 100) { edges { node { flags person { id } } } } }`);
    const entry = caseload.myCaseload.edges.find((e: { node: { person: { id: string } } }) => e.node.person.id === personId);
    expect(entry.node.flags).toContain('RELEASE_SOON_WITHOUT_HOUSING');
    const placements = (await ok('coord.siao38', `query($id: ID!) { person(id: $id) { placements { id } housing { placement { name } } } }`, { id: personId })).person;
    expect(placements).toEqual({ placements: [], housing: expect.objectContaining({ placement: null }) });
  });

  it('M2: warnings under an ended mandate do not show a release date the structure may no longer read', async () => {
    const personId = await register('Transféré', 20);
    await refer(personId, ids.relais, ['RIGHTS', 'SOCIAL_SUPPORT']);
    // Transferred to the SPIP of Maine-et-Loire, which sets a new release date (API for transfers: issue 11).
    await app.em().getConnection().execute('update person set spip_id = ? where id = ?', [ids.spip49, personId]);
    await ok('cpip.angers', `mutation($id: ID!, $input: UpdateJudicialSituationInput!) { updateJudicialSituation(personId: $id, input: $input) { id } }`, {
      id: personId,
      input: { expectedReleaseDate: inDays(400), measure: 'NONE', careObligation: false },
    });
    const mine = await ok('cpip.grenoble', `query($id: ID!) { person(id: $id) { mandate referrals { warnings { code message } } } }`, { id: personId });
    expect(mine.person.mandate).toBe('ENDED');
    const text = JSON.stringify(mine);
    expect(text).not.toContain(inDays(400));
    expect(text).not.toContain('RELEASE_BEYOND_SIX_MONTHS');
    const list = await ok('cpip.grenoble', `{ referrals { personId: person { id } warnings { code message } } }`);
    expect(JSON.stringify(list)).not.toContain(inDays(400));
  });

  it('M5: the access log does not show the SIAO the SPIP referring the person to a CSAPA, nor its operation name', async () => {
    const log = (await ok('coord.siao38', `query($id: ID!) { accessLog(personId: $id) { operation domains structure { kind } } }`, { id: ids.person })).accessLog;
    const text = JSON.stringify(log);
    expect(text).not.toContain('ReferToCsapaAddictionCare');
    expect(text).not.toContain('CSAPA');
    expect(text).not.toContain('HEALTH');
    // Other structures' operation names are never shown: they are the client's words.
    expect(log.filter((e: { structure: { kind: string } }) => e.structure.kind !== 'SIAO').every((e: { operation: string | null }) => e.operation === null)).toBe(true);
    const spip = (await ok('cpip.grenoble', `query($id: ID!) { accessLog(personId: $id) { operation } }`, { id: ids.person })).accessLog;
    expect(spip.map((e: { operation: string | null }) => e.operation)).toContain('ReferToCsapaAddictionCare');
  });

  it("M6: a replayed idempotency key answers only for the same person, after the first call's checks", async () => {
    const personId = await register('Rejoué');
    const other = await register('Autre');
    const shelter = `mutation($input: RequestShelterInput!) { requestShelter(input: $input) { id person { id } } }`;
    const first = await ok('cpip.grenoble', shelter, { input: { personId, idempotencyKey: 'spip-shelter-9' } });
    const again = await ok('cpip.grenoble', shelter, { input: { personId, idempotencyKey: 'spip-shelter-9' } });
    expect(again.requestShelter.id).toBe(first.requestShelter.id);
    const unknown = await call('cpip.grenoble', shelter, { input: { personId: randomUUID(), idempotencyKey: 'spip-shelter-9' } });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(JSON.stringify(unknown)).not.toContain(first.requestShelter.id);
    const another = await call('cpip.grenoble', shelter, { input: { personId: other, idempotencyKey: 'spip-shelter-9' } });
    expect(codeOf(another)).toBe('CONFLICT');
    expect(JSON.stringify(another)).not.toContain(first.requestShelter.id);
    // The replay is audited like a read of the person.
    const reads = await app.em().getConnection().execute(
      `select count(*)::int as n from access_log_entry where person_id = ? and kind = 'READ' and operation is null`,
      [personId],
    );
    expect(reads[0].n).toBeGreaterThan(0);
  });

  it('L2: an ended mandate allows no write: appointment outcomes, referral cancellations', async () => {
    const personId = await register('Clos');
    const referralId = await refer(personId, ids.relais, ['RIGHTS', 'SOCIAL_SUPPORT']);
    await accept('ts.relais38', referralId);
    const appointment = await ok('ts.relais38', `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id } }`, {
      input: { personId, domain: 'SOCIAL', kind: 'INTERVIEW', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const followUps = await ok('ts.relais38', `query($id: ID!) { person(id: $id) { followUps { id open } } }`, { id: personId });
    const followUpId = followUps.person.followUps.find((f: { open: boolean }) => f.open).id;
    await ok('ts.relais38', `mutation($id: ID!) { closeFollowUp(id: $id, reason: "Fin") { id } }`, { id: followUpId });
    const outcome = await call('ts.relais38', `mutation($id: ID!) { recordAppointmentOutcome(id: $id, outcome: CANCELLED) { id } }`, {
      id: appointment.scheduleAppointment.id,
    });
    expect(codeOf(outcome)).toBe('FORBIDDEN');

    const closed = await register('Dossier clos');
    const pending = await refer(closed, ids.relais, ['RIGHTS', 'SOCIAL_SUPPORT']);
    await app.em().getConnection().execute(`update person set file_status = 'CLOSED', file_closed_at = now() where id = ?`, [closed]);
    const cancel = await call('cpip.grenoble', `mutation($id: ID!) { cancelReferral(id: $id, reason: "Erreur") { id } }`, { id: pending });
    expect(codeOf(cancel)).toBe('FORBIDDEN');
  });

  it('L7: justice-only notes and appointments carry JUDICIAL_DETAIL, which only the SPIP reads', async () => {
    const note = await ok('cpip.grenoble', `mutation($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id domain } }`, {
      input: { personId: ids.person, domain: 'JUDICIAL_DETAIL', text: 'Audience JAP : incident en détention' },
    });
    expect(note.writeCaseNote.domain).toBe('JUDICIAL_DETAIL');
    const appointment = await ok('cpip.grenoble', `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id domain } }`, {
      input: { personId: ids.person, domain: 'JUDICIAL_DETAIL', kind: 'INTERVIEW', scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const query = `query($id: ID!) { person(id: $id) { caseNotes { id } appointments { id } } }`;
    for (const login of ['ts.relais38', 'coord.siao38', 'soignant.csapa38']) {
      const seen = (await ok(login, query, { id: ids.person })).person;
      expect(seen.caseNotes.map((n: { id: string }) => n.id)).not.toContain(note.writeCaseNote.id);
      expect(seen.appointments.map((a: { id: string }) => a.id)).not.toContain(appointment.scheduleAppointment.id);
    }
    const spip = (await ok('cpip.grenoble', query, { id: ids.person })).person;
    expect(spip.caseNotes.map((n: { id: string }) => n.id)).toContain(note.writeCaseNote.id);
    const refused = await call('ts.relais38', `mutation($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id } }`, {
      input: { personId: ids.person, domain: 'JUDICIAL_DETAIL', text: 'x' },
    });
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
