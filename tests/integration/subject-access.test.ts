import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { AuditRead } from '../../src/audit/audit-read.entity';
import { Structure } from '../../src/structures/structure.entity';
import type { SubjectAccessExport } from '../../src/exchange/subject-access.type';
import {
  AcceptReferralDocument,
  AccessLogDocument,
  DeclineReferralDocument,
  PersonDocument,
  RecordConsentDocument,
  RecordHealthDocument,
  ReferPersonDocument,
  RegisterPersonDocument,
  ScheduleAppointmentDocument,
  UpdateRightStepDocument,
  WriteCaseNoteDocument,
} from '../generated/graphql';
import { TestApp } from '../support/test-app';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today in France, as the export counts days. */
function todayInFrance(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

// Windows-1252's 0x80 to 0x9F (Node's TextDecoder reads them as Latin-1 control characters).
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(bytes: Buffer): string {
  return [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('');
}

/**
 * The text a PDF shows, read without any system tool: each content stream inflated (pdfkit
 * compresses them with Flate), each text-showing operator's hex strings decoded from WinAnsi,
 * one line per operator.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    const content = (match[1].includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
    for (const operator of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex = operator[1] !== undefined ? [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('') : operator[2];
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  // Lines wrap at spaces: searched as one run of words.
  return lines.join('\n').replace(/\s+/g, ' ');
}

/** A long case note with the characters French text needs, in paragraphs, to flow over pages. */
const LONG_NOTE = [
  'Entretien à la permanence du SIAO : « Je voudrais un hébergement près de Grenoble, où habite ma sœur. »',
  ...Array.from(
    { length: 18 },
    (_, i) =>
      `Paragraphe ${i + 1}. Démarches évoquées : dossier de demande de logement social, domiciliation au CCAS, ` +
      "recherche d'une place en résidence sociale ; la personne a déjà été reçue à l'accueil de jour et connaît le 115. " +
      "Elle s'est présentée à l'heure, a apporté ses justificatifs (pièce d'identité, attestation de sortie) et a exprimé " +
      'le souhait de rester dans le département. Garçon de café avant son incarcération, il envisage de reprendre ce métier.',
  ),
  'Fin de la note : orientation proposée vers une place en CHRS, à confirmer après la commission du mois prochain.',
].join('\n\n');

/**
 * A person's subject-access export (GET /exports/persons/{id}/record.json and .pdf), through
 * HTTP with the demo accounts: each structure exports exactly what it reads through the API,
 * the structures that accessed the record as the policy shows them, the same 404 for a person
 * it may not see as for none, and every export audited.
 */
describe('subject-access export', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  let pseudonym: string;

  async function exportOf(login: string | null, personId: string, format: 'json' | 'pdf', token?: string): Promise<Response> {
    const bearer = token ?? (login ? await app.tokenFor(login) : null);
    return fetch(`${app.url}/exports/persons/${personId}/record.${format}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  }

  async function jsonExport(login: string, personId = ids.person): Promise<{ response: Response; text: string; body: SubjectAccessExport }> {
    const response = await exportOf(login, personId, 'json');
    const text = await response.text();
    expect(response.status).toBe(200);
    return { response, text, body: JSON.parse(text) as SubjectAccessExport };
  }

  async function ok<T extends { errors?: unknown[] }>(result: Promise<T>): Promise<T> {
    const answer = await result;
    expect(answer.errors).toBeUndefined();
    return answer;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const structure = async (name: string) => (await em.findOneOrFail(Structure, { name })).id;
    ids.csapa = await structure('CSAPA Grenoble Addictions');
    ids.csapa44 = await structure('CSAPA Nantes Addictions');
    ids.siao = await structure("SIAO de l'Isère");
    ids.varces = await structure("Maison d'arrêt de Grenoble-Varces");

    const registered = await ok(
      app.as('cpip.grenoble').query(RegisterPersonDocument, {
        input: {
          firstName: 'Léa',
          lastName: 'Œillet-Bérard',
          birthDate: '1991-04-12',
          sex: 'F',
          establishmentId: ids.varces,
          expectedReleaseDate: inDays(30),
          measure: 'CONDITIONAL_RELEASE',
          careObligation: true,
          offence: 'Vol aggravé en réunion',
          prisonNumber: 'GV-48213',
          sentenceEndDate: inDays(400),
        },
      }),
    );
    ids.person = registered.data!.registerPerson.id;
    pseudonym = registered.data!.registerPerson.pseudonym;

    for (const [to, login, needs] of [
      [ids.csapa, 'soignant.csapa38', ['ADDICTION_CARE']],
      [ids.siao, 'coord.siao38', ['HOUSING']],
    ] as const) {
      const referral = await ok(app.as('cpip.grenoble').query(ReferPersonDocument, { input: { personId: ids.person, toStructureId: to, needs: [...needs] } }));
      await ok(app.as(login).query(AcceptReferralDocument, { id: referral.data!.referPerson.id }));
    }
    await ok(
      app.as('soignant.csapa38').query(RecordHealthDocument, {
        personId: ids.person,
        input: { inCare: true, substances: ['alcool', 'cannabis'], treatment: 'Baclofène', notes: 'Bonne adhésion au traitement' },
      }),
    );
    await ok(app.as('soignant.csapa38').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'HEALTH', text: 'Consultation addictologie : sevrage en cours.' } }));
    // The SPIP shares SOCIAL with the CSAPA, which files the health insurance: the step stays
    // SOCIAL data for the SIAO, without the CSAPA as its actor or its note.
    await ok(app.as('cpip.grenoble').query(RecordConsentDocument, { input: { personId: ids.person, domain: 'SOCIAL', recipientStructureId: ids.csapa } }));
    await ok(app.as('soignant.csapa38').query(UpdateRightStepDocument, { personId: ids.person, kind: 'HEALTH_INSURANCE', status: 'SUBMITTED', note: 'CSS demandée au CSAPA' }));
    await ok(app.as('coord.siao38').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'HOUSING', text: LONG_NOTE } }));
    await ok(app.as('cpip.grenoble').query(WriteCaseNoteDocument, { input: { personId: ids.person, domain: 'JUDICIAL_DETAIL', text: 'Audience JAP : aménagement accordé.' } }));
    await ok(
      app.as('coord.siao38').query(ScheduleAppointmentDocument, {
        input: { personId: ids.person, kind: 'INTERVIEW', domain: 'HOUSING', scheduledAt: `${inDays(7)}T09:30:00.000Z`, place: "Permanence du SIAO, 12 rue de l'Étoile" },
      }),
    );
    await ok(app.as('soignant.csapa38').query(PersonDocument, { id: ids.person }));
    // A referral to another CSAPA, awaiting its decision: a pending mandate.
    ids.pendingReferral = (
      await ok(app.as('cpip.grenoble').query(ReferPersonDocument, { input: { personId: ids.person, toStructureId: ids.csapa44, needs: ['HEALTH'] } }))
    ).data!.referPerson.id;

    // A person of another département's SPIP: outside the SIAO's mandates.
    ids.outside = (
      await ok(
        app.as('cpip.angers').query(RegisterPersonDocument, {
          input: { firstName: 'Hors', lastName: 'Mandat', expectedReleaseDate: inDays(40), measure: 'NONE' },
        }),
      )
    ).data!.registerPerson.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it("the CSAPA's export holds the health record and summary, not JUDICIAL_DETAIL, and names no worker", async () => {
    const { response, text, body } = await jsonExport('soignant.csapa38');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="passerelle-${pseudonym}-${todayInFrance()}.json"`);
    expect(response.headers.get('content-disposition')).not.toMatch(/Œillet|Oeillet|Léa/);
    expect(body).toMatchObject({ format: 'passerelle.subject-access.v1', exportedBy: { name: 'CSAPA Grenoble Addictions', kind: 'CSAPA' } });
    expect(body.person).toMatchObject({
      id: ids.person,
      pseudonym,
      mandate: 'FULL',
      identity: { firstName: 'Léa', lastName: 'Œillet-Bérard', birthDate: '1991-04-12' },
      health: { substances: ['alcool', 'cannabis'], treatment: 'Baclofène', notes: 'Bonne adhésion au traitement' },
      healthSummary: { inCare: true, careStructure: { name: 'CSAPA Grenoble Addictions', kind: 'CSAPA' } },
      judicial: { measure: 'CONDITIONAL_RELEASE', careObligation: true, detail: null },
    });
    expect(body.person.visibleDomains).toEqual(expect.arrayContaining(['HEALTH', 'HEALTH_SUMMARY']));
    // HOUSING needs the person's consent for a CSAPA: none was given.
    expect(body.hiddenDomains).toEqual(['JUDICIAL_DETAIL', 'HOUSING']);
    expect(body.person.caseNotes.map((note) => note.text)).toContain('Consultation addictologie : sevrage en cours.');
    expect(text).not.toContain('Vol aggravé');
    expect(text).not.toContain('Audience JAP');
    // Structures only: no account, login or worker's name anywhere.
    for (const worker of ['Sophie Marchal', 'Claire Vasseur', 'Julien Roux', 'soignant.csapa38', 'cpip.grenoble', 'coord.siao38']) expect(text).not.toContain(worker);
    expect(text).not.toMatch(/"(accountId|account|login|authorName|workerName|displayName|role|operation)"/);
    const accessedBy = body.accesses.map((access) => access.structure.name);
    expect(accessedBy).toEqual(expect.arrayContaining(['CSAPA Grenoble Addictions', "SIAO de l'Isère", "SPIP de l'Isère"]));
    for (const access of body.accesses) {
      expect(Object.keys(access).sort()).toEqual(['count', 'days', 'firstAt', 'lastAt', 'structure']);
      expect(access.days.at(-1)!.date).toBe(todayInFrance());
      expect(access.days.reduce((sum, d) => sum + d.count, 0)).toBe(access.count);
    }
  });

  it("the SIAO's export of the same person has no health data and names the CSAPA nowhere, not even among who accessed", async () => {
    const { text, body } = await jsonExport('coord.siao38');
    expect(body.exportedBy).toEqual({ name: "SIAO de l'Isère", kind: 'SIAO' });
    expect(body.person.visibleDomains).not.toContain('HEALTH');
    expect(body.person.visibleDomains).not.toContain('HEALTH_SUMMARY');
    expect(body.hiddenDomains).toEqual(expect.arrayContaining(['HEALTH', 'HEALTH_SUMMARY', 'JUDICIAL_DETAIL']));
    expect(body.person.health).toBeNull();
    expect(body.person.healthSummary).toBeNull();
    expect(body.person.judicial).toMatchObject({ detail: null });
    expect(text).not.toContain(ids.csapa);
    expect(text).not.toContain('CSAPA');
    expect(text).not.toMatch(/addicto|Baclofène|alcool|cannabis|sevrage/i);
    expect(text).not.toContain('Vol aggravé');
    // The referral to the CSAPA is hidden; the SIAO's own is there.
    expect(body.person.referrals.map((referral) => referral.toStructure.name)).toEqual(["SIAO de l'Isère"]);
    // The right step the CSAPA filed stays, as SOCIAL data, without its actor or note.
    const insurance = body.person.social!.rights.find((right) => right.kind === 'HEALTH_INSURANCE')!;
    expect(insurance).toMatchObject({ status: 'SUBMITTED', note: null });
    expect(insurance.history.map((change) => change.structure)).toEqual([null]);
    expect(body.person.caseNotes.map((note) => note.text)).toEqual([LONG_NOTE]);
    // The accesses are those of the SIAO's own access log (the same record decision).
    const log = await ok(app.as('coord.siao38').query(AccessLogDocument, { personId: ids.person }));
    const logged = new Set(log.data!.accessLog.map((entry) => entry.structure.name));
    expect(new Set(body.accesses.map((access) => access.structure.name))).toEqual(logged);
    expect([...logged].sort()).toEqual(["SIAO de l'Isère", "SPIP de l'Isère"]);
  });

  it("only the SPIP's export holds JUDICIAL_DETAIL; the SPIP is not told of the CSAPA either", async () => {
    const spip = await jsonExport('cpip.grenoble');
    expect(spip.body.person.visibleDomains).toContain('JUDICIAL_DETAIL');
    expect(spip.body.person.judicial!.detail).toEqual({ offence: 'Vol aggravé en réunion', sentenceEndDate: inDays(400), prisonNumber: 'GV-48213' });
    expect(spip.body.person.caseNotes.map((note) => note.text)).toContain('Audience JAP : aménagement accordé.');
    expect(spip.body.person.health).toBeNull();
    expect(spip.text).not.toContain('Baclofène');
    expect(spip.body.accesses.map((access) => access.structure.name)).not.toContain('CSAPA Grenoble Addictions');
    for (const login of ['soignant.csapa38', 'coord.siao38']) {
      const other = await jsonExport(login);
      expect(other.body.person.judicial!.detail).toBeNull();
      expect(other.text).not.toContain('GV-48213');
      expect(other.text).not.toContain('Vol aggravé');
    }
  });

  it('under a pending mandate, then an ended one, exports what the policy leaves the structure', async () => {
    const pending = await jsonExport('soignant.csapa44');
    expect(pending.body.person.mandate).toBe('PENDING');
    expect(pending.body.person.visibleDomains).toEqual(['IDENTITY', 'JUDICIAL']);
    expect(pending.body.person.judicial).toMatchObject({ measure: 'CONDITIONAL_RELEASE', detail: null });
    expect(pending.body.person.referrals.map((referral) => referral.toStructure.name)).toEqual(['CSAPA Nantes Addictions']);
    expect(pending.body.person).toMatchObject({ health: null, healthSummary: null, social: null, housing: null, caseNotes: [], appointments: [] });
    expect(pending.body.accesses).toEqual([]);
    await ok(app.as('soignant.csapa44').query(DeclineReferralDocument, { id: ids.pendingReferral, reason: 'Hors secteur' }));
    const ended = await jsonExport('soignant.csapa44');
    expect(ended.body.person.mandate).toBe('ENDED');
    expect(ended.body.person.health).toBeNull();
    expect(ended.body.accesses.map((access) => access.structure.name)).toEqual(['CSAPA Nantes Addictions']);
    expect(ended.text).not.toMatch(/Baclofène|Grenoble Addictions|Vol aggravé/);
  });

  it('answers the same 404 for a person outside the mandate as for an unknown id, and audits no export', async () => {
    const bodies: string[] = [];
    for (const format of ['json', 'pdf'] as const) {
      for (const personId of [ids.outside, randomUUID()]) {
        const response = await exportOf('coord.siao38', personId, format);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('content-disposition')).toBeNull();
        bodies.push(await response.text());
      }
    }
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toEqual({ errors: [{ message: 'Person not found', extensions: { code: 'NOT_FOUND' } }] });
    expect(await app.em().count(AuditEntry, { personId: ids.outside, kind: AuditKind.READ })).toBe(0);
  });

  it('answers 400 BAD_USER_INPUT for a malformed id, whoever asks', async () => {
    for (const login of ['coord.siao38', 'cpip.grenoble']) {
      const response = await exportOf(login, 'not-a-uuid', 'json');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: 'id must be an ID returned by this API (a UUID)', extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' } }],
      });
    }
  });

  it('is FORBIDDEN to evaluators and administrators, and UNAUTHENTICATED without a valid token', async () => {
    for (const login of ['eval.ofdt', 'admin', 'admin.relais38']) {
      const response = await exportOf(login, ids.person, 'json');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    }
    for (const token of [undefined, 'not.a.token']) {
      const response = await exportOf(null, ids.person, 'pdf', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('audits the export itself (READ, action, format, domains) and the reads of the request, before the answer leaves', async () => {
    const response = await exportOf('soignant.csapa38', ids.person, 'pdf');
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const requestId = response.headers.get('x-request-id')!;
    const em = app.em();
    const entries = await em.find(AuditEntry, { requestId });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: AuditKind.READ,
      personId: ids.person,
      operation: 'exportPersonRecord',
      detail: { action: 'exportPersonRecord', format: 'pdf' },
      domains: ['HEALTH', 'HEALTH_SUMMARY', 'IDENTITY', 'JUDICIAL', 'SOCIAL'],
    });
    expect(entries[0].structure.id).toBe(ids.csapa);
    const [reads] = await em.find(AuditRead, { requestId });
    expect(reads).toMatchObject({ operation: 'exportPersonRecord', structureId: ids.csapa, personIds: [ids.person] });
    expect(reads.personDomains[0].split(',')).toEqual(expect.arrayContaining(['HEALTH', 'HEALTH_SUMMARY', 'IDENTITY', 'JUDICIAL']));
  });

  it('renders a PDF with its sections, French text, page numbers and what the structure may read only', async () => {
    const response = await exportOf('coord.siao38', ids.person, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="passerelle-${pseudonym}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const title of [
      'Vos données dans Passerelle',
      'Identité',
      'Situation judiciaire',
      'Détail de la situation judiciaire',
      'Logement et hébergement',
      'Santé : dossier de soins',
      'Orientations',
      'Notes de suivi',
      'Rendez-vous',
      'Qui a consulté votre dossier',
      'Vos droits',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Non communiqué par cette structure.');
    expect(text).toContain('Œillet-Bérard');
    expect(text).toContain('« Je voudrais un hébergement près de Grenoble, où habite ma sœur. »');
    expect(text).toContain('Garçon de café');
    expect(text).toContain('Fin de la note');
    expect(text).toContain("Permanence du SIAO, 12 rue de l'Étoile");
    const pages = Number(/Page 1 sur (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).not.toMatch(/CSAPA|Baclofène|addicto|Vol aggravé|GV-48213/);
    for (const worker of ['Julien Roux', 'Claire Vasseur', 'coord.siao38']) expect(text).not.toContain(worker);

    const csapa = pdfText(Buffer.from(await (await exportOf('soignant.csapa38', ids.person, 'pdf')).arrayBuffer()));
    expect(csapa).toContain('Baclofène');
    expect(csapa).toContain('CSAPA Grenoble Addictions');
  });
});
