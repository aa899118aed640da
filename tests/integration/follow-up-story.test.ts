import { Account } from '../../src/accounts/account.entity';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { Placement } from '../../src/housing/placement.entity';
import { PersonFactory } from '../../seeds/factories/person.factory';
import { CaseNote } from '../../src/support/case-note.entity';
import { OutboxEvent } from '../../src/outbox/outbox-event.entity';
import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import {
  AcceptReferralDocument,
  CloseFollowUpDocument,
  EditCaseNoteDocument,
  EndPlacementDocument,
  MyCaseloadDocument,
  PersonWorkDocument,
  PlacePersonDocument,
  RecordAppointmentOutcomeDocument,
  RecordConsentDocument,
  ReferPersonDocument,
  RegisterPersonDocument,
  RequestShelterDocument,
  ScheduleAppointmentDocument,
  StructureConventionsDocument,
  UpdateRightStepDocument,
  WriteCaseNoteDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The scripted story of the follow-up issue, through the HTTP API with the demo accounts:
 * the SPIP refers three weeks before release; the association accepts, opens rights, asks
 * the SIAO for shelter; the SIAO places the person; the last place cannot be taken twice;
 * notes of each domain are read only by those the policy allows; the caseload flags what
 * needs action; every step is in the audit log and the outbox.
 */
describe('the follow-up story', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function caseloadEntry(login: string, personId: string) {
    const result = await app.as(login).query(MyCaseloadDocument, { first: 500 });
    expect(result.errors).toBeUndefined();
    return result.data!.myCaseload.edges.map((edge) => edge.node).find((node) => node.person.id === personId) ?? null;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const structure = async (name: string) => (await em.findOneOrFail(Structure, { name })).id;
    ids.relais = await structure('Relais Isère Sortants');
    ids.siao = await structure("SIAO de l'Isère");
    ids.csapa = await structure('CSAPA Grenoble Addictions');
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");
    ids.siaoSpip = await structure("SPIP de l'Isère");
    ids.sma = (await em.findOneOrFail(Service, { name: "Sortants de maison d'arrêt" })).id;
    ids.siaoPlaces = (await em.findOneOrFail(Service, { name: "Places d'hébergement d'insertion (contingent sortants)" })).id;
    ids.rival = (await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey('story:siao-shelter') })).id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('1. the SPIP registers a detainee released in three weeks and refers him to the association', async () => {
    const registered = await app.as('cpip.grenoble').query(RegisterPersonDocument, {
      input: { firstName: 'Rémi', lastName: 'Sortant', establishmentId: ids.varces, expectedReleaseDate: inDays(21), measure: 'NONE' },
    });
    ids.person = registered.data!.registerPerson.id;
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.relais, serviceId: ids.sma, needs: ['RIGHTS', 'HOUSING', 'SOCIAL_SUPPORT'] },
    });
    expect(referred.errors).toBeUndefined();
    ids.referral = referred.data!.referPerson.id;
    const entry = await caseloadEntry('ts.relais38', ids.person);
    expect(entry).toMatchObject({ mandate: 'PENDING', expectedReleaseDate: inDays(21), daysToRelease: 21, rightsToSubmit: null });
    expect(entry!.flags).toEqual(['REFERRAL_AWAITING_DECISION']);
    expect(entry!.pendingReferrals.map((r) => r.id)).toEqual([ids.referral]);
  });

  it('2. the association accepts: a follow-up opens, its active file grows', async () => {
    const before = (await app.as('ts.relais38').query(StructureConventionsDocument, { id: ids.relais })).data!.structure!;
    const accepted = await app.as('ts.relais38').query(AcceptReferralDocument, { id: ids.referral });
    expect(accepted.data!.acceptReferral.status).toBe('ACCEPTED');
    const work = (await app.as('ts.relais38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    expect(work.followUps).toEqual([
      expect.objectContaining({ open: true, structure: { name: 'Relais Isère Sortants' }, workerName: 'Nadia Ferrand (travailleuse sociale)', referral: { id: ids.referral } }),
    ]);
    const after = (await app.as('ts.relais38').query(StructureConventionsDocument, { id: ids.relais })).data!.structure!;
    expect(after.conventions[0]).toMatchObject({ yearlyQuota: 135, activeFileCapacity: 25, partner: { name: "SPIP de l'Isère" } });
    expect(after.conventions[0].activeFiles).toBe(before.conventions[0].activeFiles! + 1);
    expect(after.conventions[0].referralsThisYear).toBe(before.conventions[0].referralsThisYear);
  });

  it('3. the association opens rights; each change is kept with who, when and from which status', async () => {
    for (const [kind, status] of [['ID_CARD', 'SUBMITTED'], ['RSA', 'TO_DO'], ['DOMICILIATION', 'SUBMITTED']] as const) {
      const result = await app.as('ts.relais38').query(UpdateRightStepDocument, { personId: ids.person, kind, status });
      expect(result.errors).toBeUndefined();
    }
    const obtained = await app.as('ts.relais38').query(UpdateRightStepDocument, {
      personId: ids.person,
      kind: 'DOMICILIATION',
      status: 'OBTAINED',
      note: 'Domiciliation au CCAS de Grenoble',
      expectedVersion: 1,
    });
    const domiciliation = obtained.data!.updateRightStep!.rights.find((r) => r.kind === 'DOMICILIATION')!;
    expect(domiciliation).toMatchObject({ status: 'OBTAINED', note: 'Domiciliation au CCAS de Grenoble', version: 2 });
    expect(domiciliation.history.map((h) => [h.fromStatus, h.toStatus, h.structure?.name])).toEqual([
      ['SUBMITTED', 'OBTAINED', 'Relais Isère Sortants'],
      [null, 'SUBMITTED', 'Relais Isère Sortants'],
    ]);
    const stale = await app.as('ts.relais38').query(UpdateRightStepDocument, { personId: ids.person, kind: 'DOMICILIATION', status: 'REFUSED', expectedVersion: 1 });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  it('4. the association holds office hours in prison; the caseload flags release without housing and rights to submit', async () => {
    const scheduled = await app.as('ts.relais38').query(ScheduleAppointmentDocument, {
      input: { personId: ids.person, kind: 'PRISON_OFFICE_HOURS', domain: 'SOCIAL', scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: "Maison d'arrêt de Grenoble-Varces" },
    });
    expect(scheduled.data!.scheduleAppointment).toMatchObject({ status: 'SCHEDULED', kind: 'PRISON_OFFICE_HOURS' });
    ids.appointment = scheduled.data!.scheduleAppointment.id;
    const entry = await caseloadEntry('ts.relais38', ids.person);
    expect(entry).toMatchObject({ mandate: 'FULL', daysToRelease: 21, rightsToSubmit: 1, nextAppointment: { id: ids.appointment } });
    expect(entry!.flags.sort()).toEqual(['RELEASE_SOON_WITHOUT_HOUSING', 'RIGHTS_TO_SUBMIT']);
  });

  it('5. the association asks the SIAO for shelter: a referral to the SIAO, the request date, the right step submitted', async () => {
    const requested = await app.as('ts.relais38').query(RequestShelterDocument, {
      input: { personId: ids.person, motive: 'Sortie dans trois semaines, aucune solution.', idempotencyKey: 'shelter-remi' },
    });
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestShelter).toMatchObject({
      status: 'PENDING',
      needs: ['HOUSING'],
      fromStructure: { name: 'Relais Isère Sortants' },
      toStructure: { name: "SIAO de l'Isère" },
      service: { name: 'Orientation hébergement et logement' },
    });
    ids.shelterReferral = requested.data!.requestShelter.id;
    const again = await app.as('ts.relais38').query(RequestShelterDocument, { input: { personId: ids.person, idempotencyKey: 'shelter-remi' } });
    expect(again.data!.requestShelter.id).toBe(ids.shelterReferral);
    const work = (await app.as('ts.relais38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    expect(work.housing).toMatchObject({ shelterRequestedAt: inDays(0), placement: null });
    expect(work.social!.rights.find((r) => r.kind === 'SHELTER_REQUEST')).toEqual({ kind: 'SHELTER_REQUEST', status: 'SUBMITTED' });
  });

  it('6. the SIAO decides on the request and takes the last place; the last place cannot be taken twice', async () => {
    const pending = await caseloadEntry('coord.siao38', ids.person);
    expect(pending!.flags).toEqual(['REFERRAL_AWAITING_DECISION']);
    expect((await app.as('coord.siao38').query(AcceptReferralDocument, { id: ids.shelterReferral })).errors).toBeUndefined();

    // Arrange: the service's other places are taken, one is left.
    const em = app.em();
    const places = await em.findOneOrFail(Service, ids.siaoPlaces, { populate: ['structure'] });
    const siaoWorker = await em.findOneOrFail(Account, { login: 'coord.siao38' });
    const spip = await em.findOneOrFail(Structure, ids.siaoSpip);
    const taken = await em.count(Placement, { service: places, endDate: null });
    for (let i = taken; i < 4; i++) {
      const { person } = new PersonFactory(em).makeRecord({ spip });
      em.persist(new Placement(person, places, siaoWorker, inDays(-10)));
    }
    await em.flush();
    const directory = (await app.as('coord.siao38').query(StructureConventionsDocument, { id: ids.siao })).data!.structure!;
    expect(directory.services.find((s) => s.housingPlaces === 5)).toMatchObject({ occupancy: 4, available: 1 });

    const [mine, rival] = await Promise.all([
      app.as('coord.siao38').query(PlacePersonDocument, { personId: ids.person, serviceId: ids.siaoPlaces }),
      app.as('coord.siao38').query(PlacePersonDocument, { personId: ids.rival, serviceId: ids.siaoPlaces }),
    ]);
    const winners = [mine, rival].filter((result) => !result.errors);
    const losers = [mine, rival].filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map(errorCodes)).toEqual([['CONFLICT']]);
    expect(losers[0].errors![0].message).toBe("Places d'hébergement d'insertion (contingent sortants) is full: all 5 housing places are taken");
    expect(losers[0].errors![0].extensions).toMatchObject({ serviceId: ids.siaoPlaces, capacity: 5 });
    expect(winners[0].data!.placePerson.service).toMatchObject({ occupancy: 5, available: 0 });

    if (rival.data?.placePerson) {
      // The rival won the race: releasing its place frees it for the story's person.
      const ended = await app.as('coord.siao38').query(EndPlacementDocument, { id: rival.data.placePerson.id, reason: 'Orientation vers un logement relais' });
      expect(ended.data!.endPlacement.service).toMatchObject({ occupancy: 4, available: 1 });
      const placed = await app.as('coord.siao38').query(PlacePersonDocument, { personId: ids.person, serviceId: ids.siaoPlaces });
      expect(placed.errors).toBeUndefined();
      ids.placement = placed.data!.placePerson.id;
    } else {
      ids.placement = mine.data!.placePerson.id;
    }
    const work = (await app.as('ts.relais38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    expect(work.housing).toMatchObject({ status: 'CHRS', placement: { name: "Places d'hébergement d'insertion (contingent sortants)" } });
    expect(work.placements).toEqual([expect.objectContaining({ id: ids.placement, current: true })]);
  });

  it('7. placed, the person is no longer flagged for housing; the rights flag stays until the RSA is submitted', async () => {
    const entry = await caseloadEntry('ts.relais38', ids.person);
    expect(entry!.flags).toEqual(['RIGHTS_TO_SUBMIT']);
    await app.as('ts.relais38').query(UpdateRightStepDocument, { personId: ids.person, kind: 'RSA', status: 'SUBMITTED' });
    expect((await caseloadEntry('ts.relais38', ids.person))!.flags).toEqual([]);
  });

  it('8. notes of each domain are read only by those the policy allows', async () => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, { input: { personId: ids.person, toStructureId: ids.csapa, needs: ['ADDICTION_CARE'] } });
    await app.as('soignant.csapa38').query(AcceptReferralDocument, { id: referred.data!.referPerson.id });
    const notes: [string, 'SOCIAL' | 'HOUSING' | 'HEALTH' | 'JUDICIAL'][] = [
      ['ts.relais38', 'SOCIAL'],
      ['coord.siao38', 'HOUSING'],
      ['soignant.csapa38', 'HEALTH'],
      ['cpip.grenoble', 'JUDICIAL'],
    ];
    for (const [login, domain] of notes) {
      const written = await app.as(login).query(WriteCaseNoteDocument, { input: { personId: ids.person, domain, text: `Note ${domain} de ${login}` } });
      expect(written.errors).toBeUndefined();
    }
    const refused = await app.as('ts.relais38').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'HEALTH', text: 'Pas le droit' } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const readers: Record<string, string[]> = {
      'cpip.grenoble': ['HOUSING', 'JUDICIAL', 'SOCIAL'],
      'ts.relais38': ['HOUSING', 'JUDICIAL', 'SOCIAL'],
      'coord.siao38': ['HOUSING', 'JUDICIAL', 'SOCIAL'],
      'soignant.csapa38': ['HEALTH', 'JUDICIAL'],
    };
    for (const [login, domains] of Object.entries(readers)) {
      const work = (await app.as(login).query(PersonWorkDocument, { id: ids.person })).data!.person!;
      expect({ login, domains: [...new Set(work.caseNotes.map((n) => n.domain))].sort() }).toEqual({ login, domains });
    }
    // With the person's consent, the association also sees the CSAPA's follow-up (its health summary), never its HEALTH notes.
    await app.as('soignant.csapa38').query(RecordConsentDocument, { input: { personId: ids.person, domain: 'HEALTH_SUMMARY', recipientStructureId: ids.relais } });
    const relais = (await app.as('ts.relais38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    expect(relais.followUps.map((f) => f.structure.name).sort()).toEqual(['CSAPA Grenoble Addictions', "SIAO de l'Isère", 'Relais Isère Sortants'].sort());
    expect(relais.caseNotes.some((n) => n.domain === 'HEALTH')).toBe(false);
  });

  it('9. notes are editable by their author within 24 hours, then append-only: a correction points to the old note', async () => {
    const long = await app.as('ts.relais38').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'SOCIAL', text: 'x'.repeat(20001) } });
    expect(errorCodes(long)).toEqual(['BAD_USER_INPUT']);
    const written = await app.as('ts.relais38').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'SOCIAL', text: 'Entretien du jour' } });
    const noteId = written.data!.writeCaseNote.id;
    expect(written.data!.writeCaseNote).toMatchObject({ editable: true, authorName: 'Nadia Ferrand (travailleuse sociale)' });
    const edited = await app.as('ts.relais38').query(EditCaseNoteDocument, { id: noteId, text: 'Entretien du jour, complété', expectedVersion: 1 });
    expect(edited.data!.editCaseNote).toMatchObject({ text: 'Entretien du jour, complété', version: 2 });
    const byOther = await app.as('cpip.grenoble').query(EditCaseNoteDocument, { id: noteId, text: 'Non' });
    expect(errorCodes(byOther)).toEqual(['FORBIDDEN']);
    await app.em().getConnection().execute(`update case_note set created_at = now() - interval '25 hours' where id = ?`, [noteId]);
    const late = await app.as('ts.relais38').query(EditCaseNoteDocument, { id: noteId, text: 'Trop tard' });
    expect(errorCodes(late)).toEqual(['CONFLICT']);
    const correction = await app.as('ts.relais38').query(WriteCaseNoteDocument, {
      input: { personId: ids.person, domain: 'SOCIAL', text: 'Correction : entretien reporté', correctsId: noteId },
    });
    expect(correction.data!.writeCaseNote.corrects).toEqual({ id: noteId });
    expect((await app.em().findOneOrFail(CaseNote, noteId)).text).toBe('Entretien du jour, complété');
  });

  it('10. appointments are held or missed, recorded by the structure holding them', async () => {
    const past = await app.as('ts.relais38').query(ScheduleAppointmentDocument, {
      input: { personId: ids.person, kind: 'INTERVIEW', domain: 'SOCIAL', scheduledAt: new Date(Date.now() - 2 * 3_600_000).toISOString() },
    });
    const held = await app.as('ts.relais38').query(RecordAppointmentOutcomeDocument, { id: past.data!.scheduleAppointment.id, outcome: 'HELD' });
    expect(held.data!.recordAppointmentOutcome.status).toBe('HELD');
    const twice = await app.as('ts.relais38').query(RecordAppointmentOutcomeDocument, { id: past.data!.scheduleAppointment.id, outcome: 'NO_SHOW' });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const future = await app.as('ts.relais38').query(RecordAppointmentOutcomeDocument, { id: ids.appointment, outcome: 'NO_SHOW' });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    const bySiao = await app.as('coord.siao38').query(RecordAppointmentOutcomeDocument, { id: ids.appointment, outcome: 'CANCELLED' });
    expect(errorCodes(bySiao)).toEqual(['FORBIDDEN']);
  });

  it('11. the SIAO releases the place and closes its follow-up: its referral completes and its mandate ends', async () => {
    const ended = await app.as('coord.siao38').query(EndPlacementDocument, { id: ids.placement, reason: 'Relogement', nextHousingStatus: 'TRANSITIONAL' });
    expect(ended.data!.endPlacement).toMatchObject({ current: false, service: { occupancy: 4, available: 1 } });
    const siaoWork = (await app.as('coord.siao38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    const followUp = siaoWork.followUps.find((f) => f.structure.name === "SIAO de l'Isère")!;
    const early = await app.as('coord.siao38').query(CloseFollowUpDocument, { id: followUp.id, reason: 'Relogé', endDate: '2000-01-01' });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    const closed = await app.as('coord.siao38').query(CloseFollowUpDocument, { id: followUp.id, reason: 'Relogé en logement de transition' });
    expect(closed.data!.closeFollowUp).toMatchObject({ open: false, closingReason: 'Relogé en logement de transition' });
    const after = (await app.as('coord.siao38').query(PersonWorkDocument, { id: ids.person })).data!.person!;
    expect(after.mandate).toBe('ENDED');
    expect(after.visibleDomains).toEqual(['HOUSING']);
    expect(after.caseNotes.map((n) => n.domain)).toEqual(['HOUSING']);
  });

  it('12. every step is in the audit log and in the outbox, in the transaction of the change', async () => {
    const actions = (await app.em().find(AuditEntry, { personId: ids.person, kind: AuditKind.WRITE })).map((e) => (e.detail as { action: string }).action);
    for (const action of [
      'registerPerson',
      'referPerson',
      'acceptReferral',
      'updateRightStep',
      'scheduleAppointment',
      'requestShelter',
      'placePerson',
      'writeCaseNote',
      'editCaseNote',
      'recordAppointmentOutcome',
      'endPlacement',
      'closeFollowUp',
    ]) {
      expect(actions).toContain(action);
    }
    const events = new Set((await app.em().find(OutboxEvent, { personId: ids.person })).map((e) => e.type));
    for (const type of [
      'PERSON_REGISTERED',
      'REFERRAL_CREATED',
      'REFERRAL_ACCEPTED',
      'FOLLOW_UP_OPENED',
      'RIGHT_STEP_CHANGED',
      'RIGHT_OBTAINED',
      'APPOINTMENT_SCHEDULED',
      'APPOINTMENT_OUTCOME_RECORDED',
      'PLACEMENT_MADE',
      'PLACEMENT_ENDED',
      'CASE_NOTE_WRITTEN',
      'CONSENT_RECORDED',
      'FOLLOW_UP_CLOSED',
      'REFERRAL_COMPLETED',
    ]) {
      expect(events).toContain(type);
    }
    const payloads = JSON.stringify((await app.em().find(OutboxEvent, { personId: ids.person })).map((e) => e.payload));
    expect(payloads).not.toMatch(/Rémi|Sortant|Entretien|CCAS|Note [A-Z]/);
  });
});
