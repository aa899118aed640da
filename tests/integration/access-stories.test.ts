import { AccessLogEntry } from '../../src/audit/access-log-entry.entity';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import {
  AcceptReferralDocument,
  AccessLogDocument,
  CancelReferralDocument,
  CompleteReferralDocument,
  DeclineReferralDocument,
  PersonDocument,
  RecordConsentDocument,
  RecordHealthDocument,
  ReferPersonDocument,
  ReferralDocument,
  ReferralsDocument,
  RegisterPersonDocument,
  RevokeConsentDocument,
  UpdateSocialSituationDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stories of shared/spec/access-policy.md, told through the HTTP API with the demo
 * accounts: refer, decide under a pending mandate, accept, consent, revoke, decline, complete.
 */
describe('access policy stories', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function structure(name: string): Promise<string> {
    return (await app.em().findOneOrFail(Structure, { name })).id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    ids.relais = await structure('Relais Isère Sortants');
    ids.csapa38 = await structure('CSAPA Grenoble Addictions');
    ids.siao = await structure("SIAO de l'Isère");
    ids.spip49 = await structure('SPIP de Maine-et-Loire');
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");
    ids.sma = (await app.em().findOneOrFail(Service, { name: "Sortants de maison d'arrêt" })).id;
    ids.hsp = (await app.em().findOneOrFail(Service, { name: 'Hébergement des sortants de prison' })).id;

    const registered = await app.as('cpip.grenoble').query(RegisterPersonDocument, {
      input: {
        firstName: 'Yohan',
        lastName: 'Testard',
        birthDate: '1991-04-12',
        sex: 'M',
        establishmentId: ids.varces,
        expectedReleaseDate: inDays(21),
        measure: 'CONDITIONAL_RELEASE',
        careObligation: true,
        offence: 'Vol aggravé',
        prisonNumber: '38-2026-0042',
      },
    });
    expect(registered.errors).toBeUndefined();
    ids.person = registered.data!.registerPerson.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('the registering SPIP holds the file: every domain but health, and JUDICIAL_DETAIL', async () => {
    const person = (await app.as('cpip.grenoble').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(person.mandate).toBe('FULL');
    expect(person.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING']);
    expect(person.writableDomains).toEqual(['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING']);
    expect(person.identity).toMatchObject({ firstName: 'Yohan', lastName: 'Testard', birthDate: '1991-04-12', sex: 'M' });
    expect(person.judicial).toMatchObject({ measure: 'CONDITIONAL_RELEASE', careObligation: true, establishment: { name: "Maison d'arrêt de Grenoble-Varces" } });
    expect(person.judicial!.detail).toMatchObject({ offence: 'Vol aggravé', prisonNumber: '38-2026-0042' });
    expect(person.pseudonym).toMatch(/^P-[0-9A-Z]{8}$/);
    expect(person.healthSummary).toBeNull();
    expect(person.health).toBeNull();
  });

  it('nobody else sees the person yet: null for a partner, exactly as for an unknown id', async () => {
    for (const login of ['ts.relais38', 'soignant.csapa38', 'coord.siao38', 'cpip.angers']) {
      const result = await app.as(login).query(PersonDocument, { id: ids.person });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ person: null });
    }
    const unknown = await app.as('ts.relais38').query(PersonDocument, { id: '00000000-0000-4000-8000-00000000abcd' });
    expect(unknown.data).toEqual({ person: null });
  });

  it('evaluators and administrators never see a person: FORBIDDEN for the role', async () => {
    for (const login of ['eval.ofdt', 'admin', 'admin.relais38']) {
      const result = await app.as(login).query(PersonDocument, { id: ids.person });
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.data).toEqual({ person: null });
    }
  });

  it('the SPIP refers the person to the association; the same idempotency key returns the same referral', async () => {
    const input = {
      personId: ids.person,
      toStructureId: ids.relais,
      serviceId: ids.sma,
      needs: ['RIGHTS', 'HOUSING', 'SOCIAL_SUPPORT'] as const,
      motive: 'Sortie dans trois semaines, droits à ouvrir.',
      idempotencyKey: 'story-refer-relais',
    };
    const first = await app.as('cpip.grenoble').query(ReferPersonDocument, { input: { ...input, needs: [...input.needs] } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.referPerson).toMatchObject({
      status: 'PENDING',
      toStructure: { name: 'Relais Isère Sortants' },
      service: { name: "Sortants de maison d'arrêt" },
      convention: { yearlyQuota: 135 },
      warnings: [],
    });
    ids.referralRelais = first.data!.referPerson.id;
    const again = await app.as('cpip.grenoble').query(ReferPersonDocument, { input: { ...input, needs: [...input.needs] } });
    expect(again.data!.referPerson.id).toBe(ids.referralRelais);
    const [{ count }] = await app
      .em()
      .getConnection()
      .execute<{ count: number }[]>(`select count(*)::int as count from referral where person_id = ?`, [ids.person]);
    expect(count).toBe(1);
  });

  it('refuses a referral to a kind that receives none, or for a need the service does not serve', async () => {
    const toPrison = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.varces, needs: ['HOUSING'] },
    });
    expect(errorCodes(toPrison)).toEqual(['BAD_USER_INPUT']);
    expect(toPrison.errors![0].extensions).toMatchObject({ argumentName: 'toStructureId' });
    const unserved = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.relais, serviceId: ids.hsp, needs: ['ADDICTION_CARE'] },
    });
    expect(errorCodes(unserved)).toEqual(['BAD_USER_INPUT']);
    expect(unserved.errors![0].extensions).toMatchObject({ argumentName: 'needs' });
  });

  it('only the SPIP holding the file refers: another SPIP gets NOT_FOUND, as for an unknown person', async () => {
    const result = await app.as('cpip.angers').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.relais, needs: ['RIGHTS'] },
    });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });

  it('under a pending mandate the association sees identity, the judicial core and the referral, nothing else', async () => {
    const person = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(person.mandate).toBe('PENDING');
    expect(person.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL']);
    expect(person.writableDomains).toEqual([]);
    expect(person.identity).toMatchObject({ firstName: 'Yohan', lastName: 'Testard' });
    expect(person.judicial).toMatchObject({
      expectedReleaseDate: inDays(21),
      measure: 'CONDITIONAL_RELEASE',
      establishment: { name: "Maison d'arrêt de Grenoble-Varces" },
      careObligation: null,
      releasedOn: null,
      detail: null,
    });
    expect(person.social).toBeNull();
    expect(person.housing).toBeNull();
    expect(person.healthSummary).toBeNull();
    expect(person.referrals.map((r) => r.id)).toEqual([ids.referralRelais]);
    const received = await app.as('ts.relais38').query(ReferralsDocument, { status: 'PENDING' });
    expect(received.data!.referrals.map((r) => r.id)).toContain(ids.referralRelais);
  });

  it('the association accepts: its mandate becomes full, a follow-up opens, the SPIP cannot accept for it', async () => {
    const bySender = await app.as('cpip.grenoble').query(AcceptReferralDocument, { id: ids.referralRelais });
    expect(errorCodes(bySender)).toEqual(['FORBIDDEN']);
    const accepted = await app.as('ts.relais38').query(AcceptReferralDocument, { id: ids.referralRelais, expectedVersion: 1 });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptReferral).toMatchObject({ status: 'ACCEPTED', version: 2 });
    const person = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(person.mandate).toBe('FULL');
    expect(person.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING']);
    expect(person.judicial).toMatchObject({ careObligation: true, detail: null });
    expect(person.social).toMatchObject({ rights: [], resources: null });
    expect(person.housing).toMatchObject({ status: 'UNKNOWN' });
    const [{ count }] = await app
      .em()
      .getConnection()
      .execute<{ count: number }[]>(`select count(*)::int as count from follow_up where referral_id = ? and end_date is null`, [ids.referralRelais]);
    expect(count).toBe(1);
  });

  it('an illegal transition is a CONFLICT naming both states', async () => {
    const again = await app.as('ts.relais38').query(AcceptReferralDocument, { id: ids.referralRelais });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].message).toBe('The referral is ACCEPTED; it cannot become ACCEPTED');
    const decline = await app.as('ts.relais38').query(DeclineReferralDocument, { id: ids.referralRelais, reason: 'Trop tard' });
    expect(errorCodes(decline)).toEqual(['CONFLICT']);
    expect(decline.errors![0].extensions).toMatchObject({ currentStatus: 'ACCEPTED', requestedStatus: 'DECLINED' });
  });

  it('the association writes the social domain; a stale version is a CONFLICT', async () => {
    const written = await app.as('ts.relais38').query(UpdateSocialSituationDocument, {
      personId: ids.person,
      input: { resources: 'Pécule de sortie', employment: 'Sans emploi', employmentStatus: 'NONE' },
      expectedVersion: 1,
    });
    expect(written.errors).toBeUndefined();
    expect(written.data!.updateSocialSituation.social).toMatchObject({ resources: 'Pécule de sortie', version: 2 });
    const stale = await app.as('cpip.grenoble').query(UpdateSocialSituationDocument, {
      personId: ids.person,
      input: { resources: 'RSA à ouvrir' },
      expectedVersion: 1,
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
  });

  it('health stays with the CSAPA: its referral and the summary are hidden from the association without consent', async () => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.csapa38, needs: ['ADDICTION_CARE'] },
    });
    ids.referralCsapa = referred.data!.referPerson.id;
    expect((await app.as('soignant.csapa38').query(AcceptReferralDocument, { id: ids.referralCsapa })).errors).toBeUndefined();
    const recorded = await app.as('soignant.csapa38').query(RecordHealthDocument, {
      personId: ids.person,
      input: { inCare: true, substances: ['alcool'], treatment: 'Sevrage accompagné', notes: 'Premier entretien.' },
    });
    expect(recorded.data!.recordHealth).toMatchObject({ substances: ['alcool'], version: 1 });

    const csapa = (await app.as('soignant.csapa38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(csapa.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL', 'HEALTH_SUMMARY', 'HEALTH']);
    expect(csapa.healthSummary).toMatchObject({ inCare: true, careStructure: { name: 'CSAPA Grenoble Addictions' } });
    expect(csapa.social).toBeNull();

    const relais = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(relais.healthSummary).toBeNull();
    expect(relais.health).toBeNull();
    expect(relais.referrals.map((r) => r.id)).toEqual([ids.referralRelais]);
    const hidden = await app.as('ts.relais38').query(ReferralDocument, { id: ids.referralCsapa });
    expect(hidden.data!.referral).toBeNull();

    const byAssociation = await app.as('ts.relais38').query(RecordHealthDocument, { personId: ids.person, input: { inCare: false } });
    expect(errorCodes(byAssociation)).toEqual(['FORBIDDEN']);
  });

  it('consent for a domain the recording structure does not hold is FORBIDDEN; to a structure the policy excludes, BAD_USER_INPUT', async () => {
    const notHeld = await app.as('ts.relais38').query(RecordConsentDocument, {
      input: { personId: ids.person, domain: 'HEALTH_SUMMARY', recipientStructureId: ids.relais },
    });
    expect(errorCodes(notHeld)).toEqual(['FORBIDDEN']);
    const toSiao = await app.as('soignant.csapa38').query(RecordConsentDocument, {
      input: { personId: ids.person, domain: 'HEALTH_SUMMARY', recipientStructureId: ids.siao },
    });
    expect(errorCodes(toSiao)).toEqual(['BAD_USER_INPUT']);
    expect(toSiao.errors![0].extensions).toMatchObject({ argumentName: 'recipientStructureId' });
  });

  it('with consent recorded by the CSAPA, the association reads the health summary and the CSAPA referral, never the health record', async () => {
    const consent = await app.as('soignant.csapa38').query(RecordConsentDocument, {
      input: { personId: ids.person, domain: 'HEALTH_SUMMARY', recipientStructureId: ids.relais, duration: 'ONE_YEAR' },
    });
    expect(consent.errors).toBeUndefined();
    expect(consent.data!.recordConsent).toMatchObject({ domain: 'HEALTH_SUMMARY', inForce: true, recipient: { name: 'Relais Isère Sortants' } });
    ids.consent = consent.data!.recordConsent.id;

    const relais = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(relais.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY']);
    expect(relais.healthSummary).toMatchObject({ inCare: true, careStructure: { name: 'CSAPA Grenoble Addictions' } });
    expect(relais.health).toBeNull();
    expect(relais.referrals.map((r) => r.id).sort()).toEqual([ids.referralRelais, ids.referralCsapa].sort());
    expect(relais.consents.map((c) => c.id)).toEqual([ids.consent]);
  });

  it('consent widens nothing without a mandate: the SIAO sees nothing', async () => {
    const siao = await app.as('coord.siao38').query(PersonDocument, { id: ids.person });
    expect(siao.data!.person).toBeNull();
  });

  it('revocation takes effect on the next request', async () => {
    const revoked = await app.as('ts.relais38').query(RevokeConsentDocument, { id: ids.consent });
    expect(revoked.data!.revokeConsent).toMatchObject({ inForce: false });
    const relais = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(relais.healthSummary).toBeNull();
    expect(relais.visibleDomains).not.toContain('HEALTH_SUMMARY');
    const twice = await app.as('soignant.csapa38').query(RevokeConsentDocument, { id: ids.consent });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
  });

  it('the SIAO declines with a reason; its mandate ends and it keeps nothing it did not write', async () => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.siao, needs: ['HOUSING'] },
    });
    const id = referred.data!.referPerson.id;
    const blank = await app.as('coord.siao38').query(DeclineReferralDocument, { id, reason: '   ' });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    const declined = await app.as('coord.siao38').query(DeclineReferralDocument, { id, reason: 'Solution familiale confirmée' });
    expect(declined.data!.declineReferral).toMatchObject({ status: 'DECLINED', declineReason: 'Solution familiale confirmée' });
    const siao = (await app.as('coord.siao38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(siao.mandate).toBe('ENDED');
    expect(siao.visibleDomains).toEqual([]);
    expect(siao.identity).toBeNull();
    expect(siao.referrals.map((r) => r.id)).toEqual([id]);
  });

  it('the association completes: it keeps reading what it wrote (its social data), nothing new', async () => {
    const completed = await app.as('ts.relais38').query(CompleteReferralDocument, { id: ids.referralRelais });
    expect(completed.data!.completeReferral).toMatchObject({ status: 'COMPLETED' });
    expect(completed.data!.completeReferral.closedAt).not.toBeNull();
    const relais = (await app.as('ts.relais38').query(PersonDocument, { id: ids.person })).data!.person!;
    expect(relais.mandate).toBe('ENDED');
    expect(relais.visibleDomains).toEqual(['SOCIAL']);
    expect(relais.social).toMatchObject({ resources: 'Pécule de sortie' });
    expect(relais.identity).toBeNull();
    expect(relais.housing).toBeNull();
    const write = await app.as('ts.relais38').query(UpdateSocialSituationDocument, { personId: ids.person, input: { resources: 'RSA' } });
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
  });

  it('the referring SPIP cancels; the receiver may not', async () => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.relais, needs: ['RIGHTS'] },
    });
    const id = referred.data!.referPerson.id;
    const byReceiver = await app.as('ts.relais38').query(CancelReferralDocument, { id, reason: 'Non' });
    expect(errorCodes(byReceiver)).toEqual(['FORBIDDEN']);
    const cancelled = await app.as('cpip.grenoble').query(CancelReferralDocument, { id, reason: 'Libération reportée' });
    expect(cancelled.data!.cancelReferral).toMatchObject({ status: 'CANCELLED', cancelReason: 'Libération reportée' });
  });

  it('warns the receiver when release is more than six months away', async () => {
    const registered = await app.as('cpip.grenoble').query(RegisterPersonDocument, {
      input: { firstName: 'Loin', lastName: 'Desortie', establishmentId: ids.varces, expectedReleaseDate: inDays(300) },
    });
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: registered.data!.registerPerson.id, toStructureId: ids.relais, needs: ['RIGHTS'] },
    });
    expect(referred.data!.referPerson.warnings).toEqual([
      { code: 'RELEASE_BEYOND_SIX_MONTHS', message: `Release is expected on ${inDays(300)}, more than six months away.` },
    ]);
  });

  it('two partners deciding at once: one wins, the other is refused as if it came second', async () => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, {
      input: { personId: ids.person, toStructureId: ids.siao, needs: ['HOUSING'] },
    });
    const id = referred.data!.referPerson.id;
    const [a, b] = await Promise.all([
      app.as('coord.siao38').query(AcceptReferralDocument, { id }),
      app.as('coord.siao38').query(DeclineReferralDocument, { id, reason: 'Complet' }),
    ]);
    // The decisions wait for each other on the person's lock (the write door): the second sees the
    // first. After an acceptance, declining is a move the state machine refuses (CONFLICT); after a
    // refusal the SIAO's mandate has ended, and an ended mandate allows no write (FORBIDDEN).
    const codes = [errorCodes(a), errorCodes(b)].map((c) => c.join());
    expect(codes).toContain('');
    expect(codes).toEqual(errorCodes(a).length === 0 ? ['', 'CONFLICT'] : ['FORBIDDEN', '']);
  });

  it('audits every read and write: once per person and request, with domains, operation and request id', async () => {
    const before = await app.em().count(AccessLogEntry, { personId: ids.person });
    const token = await app.tokenFor('cpip.grenoble');
    const response = await app.post(
      { query: 'query ReadTwice($id: ID!) { a: person(id: $id) { identity { lastName } } b: person(id: $id) { housing { status } } }', variables: { id: ids.person } },
      token,
      { 'x-request-id': 'story-audit-0001' },
    );
    expect(response.status).toBe(200);
    // The audit holds the server's request id, not the client's (kept as a correlation id).
    const entries = await app.em().find(AccessLogEntry, { personId: ids.person, requestId: response.headers.get('x-request-id')! });
    expect(await app.em().count(AccessLogEntry, { requestId: 'story-audit-0001' })).toBe(0);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'READ', operation: 'ReadTwice', domains: ['HOUSING', 'IDENTITY'], role: 'PROBATION_OFFICER' });
    expect(await app.em().count(AccessLogEntry, { personId: ids.person })).toBe(before + 1);

    const log = await app.as('cpip.grenoble').query(AccessLogDocument, { personId: ids.person });
    expect(log.errors).toBeUndefined();
    const kinds = new Set(log.data!.accessLog.map((entry) => `${entry.kind}:${entry.structure.name}`));
    expect(kinds).toContain("WRITE:SPIP de l'Isère");
    expect(kinds).toContain('READ:Relais Isère Sortants');
    expect(kinds).toContain('WRITE:Relais Isère Sortants');
    // The CSAPA's accesses tell of care: hidden from the SPIP, which has no HEALTH_SUMMARY consent.
    expect([...kinds].some((k) => k.includes('CSAPA'))).toBe(false);
    const csapaLog = await app.as('soignant.csapa38').query(AccessLogDocument, { personId: ids.person });
    expect(csapaLog.data!.accessLog.some((entry) => entry.structure.name === 'CSAPA Grenoble Addictions' && entry.kind === 'WRITE' && entry.domains.includes('HEALTH'))).toBe(true);
  });

  it('the access log is for full mandates: NOT_FOUND without a mandate, FORBIDDEN under an ended one', async () => {
    expect(errorCodes(await app.as('cpip.angers').query(AccessLogDocument, { personId: ids.person }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.as('ts.relais38').query(AccessLogDocument, { personId: ids.person }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.as('eval.ofdt').query(AccessLogDocument, { personId: ids.person }))).toEqual(['FORBIDDEN']);
  });
});
