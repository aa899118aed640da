import type { DataDomain } from './generated/subject-access';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUSES,
  DOMAIN_TITLES,
  EMPLOYMENT_STATUSES,
  FILE_STATUSES,
  HOUSING_STATUSES,
  MANDATES,
  MEASURES,
  NEEDS,
  REFERRAL_STATUSES,
  RIGHT_KINDS,
  RIGHT_STATUSES,
  STRUCTURE_KINDS,
  TIMELINE_KINDS,
  TRANSFER_STATUSES,
  sexLabel,
} from './subject-access.labels';
import type { SubjectAccessExport, SubjectAccessPerson } from './subject-access.type';

// A4 in points, margins of 2 cm; the footer sits in the bottom margin.
const MARGIN = 57;
const BOTTOM_MARGIN = 70;
const PAGE_WIDTH = 595.28;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 150;
const VALUE_X = MARGIN + LABEL_WIDTH + 8;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - 8;

const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const ACCENT = '#1f3a5f';
const RULE = '#b8c4d2';
const HEADER_FILL = '#e8eef5';

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

export const HIDDEN_TEXT = 'Non communiqué par cette structure.';
const EMPTY_TEXT = 'Aucune information enregistrée.';
const NOT_GIVEN = 'Non renseigné';

/** The order of the domain sections: the person's situation, then health. */
const DOMAIN_ORDER: DataDomain[] = ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH'];

/** The section titles, fixed: tests and readers find them in every export. */
export const SECTION_TITLES = {
  referrals: 'Orientations',
  followUps: 'Accompagnements',
  appointments: 'Rendez-vous',
  placements: 'Hébergements',
  caseNotes: 'Notes de suivi',
  file: 'Dossier au SPIP et transferts',
  timeline: 'Historique du dossier',
  consents: 'Consentements au partage de vos données',
  participations: 'Participations à des actions',
  accesses: 'Qui a consulté votre dossier',
  rights: 'Vos droits',
} as const;

// The standard PDF fonts encode WinAnsi (Windows-1252): Latin-1 and a few more (œ, €, « », ’).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text as the standard fonts can draw it: composed accents, spaces as spaces, a letter outside
 * Windows-1252 without its diacritic (ł, ș, ğ), anything else as "?", never a broken glyph.
 */
export function pdfText(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC').replace(/\r\n?/g, '\n')) {
    if (isWinAnsi(char)) out += char;
    else if (char === '\t' || /\p{Zs}/u.test(char)) out += ' ';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare.length > 0 && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const PARIS_LONG = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar date (`YYYY-MM-DD`) as French readers write it. */
function day(value: string | null | undefined): string {
  if (!value) return NOT_GIVEN;
  const [year, month, date] = value.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}

/** An instant, as a day in France. */
function dayOf(instant: string | null | undefined): string {
  return instant ? PARIS_DAY.format(new Date(instant)) : NOT_GIVEN;
}

function dayAndTime(instant: string): string {
  const at = new Date(instant);
  return `${PARIS_DAY.format(at)} à ${PARIS_TIME.format(at)}`;
}

function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? NOT_GIVEN : value ? 'Oui' : 'Non';
}

function structureName(structure: { name: string; kind: keyof typeof STRUCTURE_KINDS } | null | undefined): string {
  return structure ? structure.name : NOT_GIVEN;
}

/**
 * Renders the export as an A4 PDF for the person: French labels, every page numbered. pdfkit
 * and its fonts take some 20 MB once loaded: they are loaded with the first PDF asked, not with
 * the server.
 */
export async function renderSubjectAccessPdf(record: SubjectAccessExport): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM_MARGIN },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: 'Vos données dans Passerelle',
      Subject: `Demande d'accès à vos données personnelles, dossier ${record.person.pseudonym}`,
      Author: pdfText(record.exportedBy.name),
      Creator: 'Passerelle',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new SubjectAccessDocument(doc, record).write();
  doc.end();
  return done;
}

class SubjectAccessDocument {
  private readonly person: SubjectAccessPerson;
  private readonly visible: Set<string>;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly record: SubjectAccessExport,
  ) {
    this.person = record.person;
    this.visible = new Set(record.person.visibleDomains);
  }

  write(): void {
    this.header();
    for (const domain of DOMAIN_ORDER) this.domainSection(domain);
    this.file();
    this.referrals();
    this.followUps();
    this.appointments();
    this.placements();
    this.caseNotes();
    this.consents();
    this.participations();
    this.timeline();
    this.accesses();
    this.rights();
    this.footers();
  }

  // --- the parts of the document

  private header(): void {
    const { doc, record, person } = this;
    doc.font(BOLD).fontSize(22).fillColor(ACCENT).text('Vos données dans Passerelle', MARGIN, MARGIN, { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
    doc.font(REGULAR).fontSize(11).fillColor(MUTED).text("Réponse à votre demande d'accès à vos données personnelles (article 15 du RGPD)", { width: CONTENT_WIDTH });
    doc.moveDown(0.8);
    const top = doc.y;
    doc.rect(MARGIN, top, CONTENT_WIDTH, 1).fill(ACCENT);
    doc.y = top + 10;
    this.field('Dossier', person.pseudonym);
    this.field('Document établi le', `${PARIS_LONG.format(new Date(record.exportedAt))}, ${PARIS_TIME.format(new Date(record.exportedAt))}`);
    this.field('Par', `${record.exportedBy.name} (${STRUCTURE_KINDS[record.exportedBy.kind]})`);
    this.field('Lien avec vous', `Cette structure ${MANDATES[person.mandate]}.`);
    const hidden = record.hiddenDomains.map((domain) => DOMAIN_TITLES[domain]);
    this.field('Rubriques non communiquées', hidden.length > 0 ? hidden.join(', ') : 'Aucune');
    doc.moveDown(0.6);
    this.paragraph(
      'Passerelle est le dossier partagé entre les professionnels qui vous accompagnent à votre sortie de détention : ' +
        "service pénitentiaire d'insertion et de probation (SPIP), centres de soins, services d'hébergement, associations. " +
        "Chaque structure n'y voit que ce que sa mission auprès de vous lui permet de voir.",
    );
    this.paragraph(
      `Ce document contient toutes les informations vous concernant que la structure qui l'a établi (${record.exportedBy.name}) peut ` +
        'consulter dans Passerelle à la date ci-dessus, et la liste des structures qui ont consulté votre dossier. Une rubrique marquée « non communiqué par ' +
        "cette structure » n'est pas forcément vide : cette structure n'a pas le droit de la consulter. D'autres structures qui vous " +
        'accompagnent peuvent détenir ces informations ; vous pouvez leur demander de vous les communiquer.',
    );
  }

  private domainSection(domain: DataDomain): void {
    this.heading(DOMAIN_TITLES[domain]);
    if (!this.visible.has(domain)) {
      this.note(HIDDEN_TEXT);
      return;
    }
    const p = this.person;
    switch (domain) {
      case 'IDENTITY':
        if (!p.identity) return this.note(EMPTY_TEXT);
        this.field('Nom', p.identity.lastName);
        this.field('Prénom', p.identity.firstName);
        this.field('Date de naissance', p.identity.birthDate ? day(p.identity.birthDate) : null);
        this.field('Sexe', p.identity.sex ? sexLabel(p.identity.sex) : null);
        this.field('Téléphone', p.identity.phone);
        this.field('Courriel', p.identity.email);
        return;
      case 'JUDICIAL':
        if (!p.judicial) return this.note(EMPTY_TEXT);
        this.field('Établissement', p.judicial.establishment?.name);
        this.field('Date de sortie prévue', p.judicial.expectedReleaseDate ? day(p.judicial.expectedReleaseDate) : null);
        this.field('Date de sortie', p.judicial.releasedOn ? day(p.judicial.releasedOn) : null);
        this.field('Mesure', p.judicial.measure ? MEASURES[p.judicial.measure] : null);
        this.field('Obligation de soins', yesNo(p.judicial.careObligation));
        return;
      case 'JUDICIAL_DETAIL': {
        const detail = p.judicial?.detail;
        if (!detail) return this.note(EMPTY_TEXT);
        this.field('Infraction', detail.offence);
        this.field('Fin de peine', detail.sentenceEndDate ? day(detail.sentenceEndDate) : null);
        this.field("Numéro d'écrou", detail.prisonNumber);
        return;
      }
      case 'SOCIAL':
        if (!p.social) return this.note(EMPTY_TEXT);
        this.field('Ressources', p.social.resources);
        this.field('Emploi', p.social.employment);
        this.field("Situation d'emploi", p.social.employmentStatus ? EMPLOYMENT_STATUSES[p.social.employmentStatus] : null);
        this.subheading("Démarches d'accès aux droits");
        if (p.social.rights.length === 0) return this.note('Aucune démarche enregistrée.');
        for (const right of p.social.rights) {
          this.entry(`${RIGHT_KINDS[right.kind]} : ${RIGHT_STATUSES[right.status]}`, [
            ['Mise à jour le', dayOf(right.updatedAt)],
            ['Note', right.note],
            [
              'Historique',
              right.history
                .map(
                  (change) =>
                    `${dayOf(change.at)} : ${change.fromStatus ? `${RIGHT_STATUSES[change.fromStatus]} → ` : ''}${RIGHT_STATUSES[change.toStatus]}` +
                    `${change.structure ? ` (${change.structure.name})` : ''}${change.note ? ` : ${change.note}` : ''}`,
                )
                .join('\n'),
            ],
          ]);
        }
        return;
      case 'HOUSING':
        if (!p.housing) return this.note(EMPTY_TEXT);
        this.field('Situation', HOUSING_STATUSES[p.housing.status]);
        this.field("Demande d'hébergement le", p.housing.shelterRequestedAt ? day(p.housing.shelterRequestedAt) : null);
        this.field('Hébergé(e) par', p.housing.placement ? `${p.housing.placement.name} (${p.housing.placement.structure.name})` : null);
        return;
      case 'HEALTH_SUMMARY':
        if (!p.healthSummary) return this.note(EMPTY_TEXT);
        this.field('Suivi de soins en cours', yesNo(p.healthSummary.inCare));
        this.field('Structure de soins', structureName(p.healthSummary.careStructure));
        this.field('Depuis le', p.healthSummary.since ? day(p.healthSummary.since) : null);
        return;
      case 'HEALTH':
        if (!p.health) return this.note(EMPTY_TEXT);
        this.field('Produits consommés', p.health.substances.length > 0 ? p.health.substances.join(', ') : null);
        this.field('Traitement', p.health.treatment);
        this.field('Notes de soins', p.health.notes);
        return;
    }
  }

  private file(): void {
    const { file, transfers } = this.person;
    this.heading(SECTION_TITLES.file);
    if (!file && transfers.length === 0) return this.note(this.visible.has('JUDICIAL') ? EMPTY_TEXT : HIDDEN_TEXT);
    if (file) {
      this.field('Suivi par', file.holder.name);
      this.field('Dossier', FILE_STATUSES[file.status] + (file.closedAt ? ` le ${dayOf(file.closedAt)}` : ''));
      if (file.status === 'CLOSED') this.field('Motif de clôture', file.closedReason);
    }
    for (const transfer of transfers) {
      this.entry(`${dayOf(transfer.requestedAt)} : de ${transfer.fromSpip.name} vers ${transfer.toSpip.name}`, [
        ['Statut', TRANSFER_STATUSES[transfer.status] + (transfer.decidedAt ? ` (décision le ${dayOf(transfer.decidedAt)})` : '')],
        ['Motif', transfer.reason],
        ['Motif du refus', transfer.refusalReason],
      ]);
    }
  }

  private timeline(): void {
    const entries = this.person.timeline.edges.map((edge) => edge.node);
    this.heading(SECTION_TITLES.timeline);
    this.note('Les événements les plus récents de votre dossier que cette structure peut connaître (au plus cent), du plus récent au plus ancien.');
    if (entries.length === 0) return this.note('Aucun événement que cette structure peut connaître.');
    this.table(
      ['Date', 'Événement', 'Structure'],
      [95, 220, CONTENT_WIDTH - 315],
      entries.map((entry) => [dayAndTime(entry.at), TIMELINE_KINDS[entry.kind], entry.structure?.name ?? '']),
    );
  }

  private referrals(): void {
    this.heading(SECTION_TITLES.referrals);
    if (this.person.referrals.length === 0) return this.note('Aucune orientation que cette structure peut consulter.');
    for (const referral of this.person.referrals) {
      this.entry(`${dayOf(referral.createdAt)} : de ${referral.fromStructure.name} vers ${referral.toStructure.name}`, [
        ['Service', referral.service?.name],
        ['Besoins', referral.needs.map((need) => NEEDS[need]).join(', ')],
        ['Statut', `${REFERRAL_STATUSES[referral.status]}${referral.decidedAt ? ` (décision le ${dayOf(referral.decidedAt)})` : ''}`],
        ['Motif', referral.motive],
        ['Motif du refus', referral.declineReason],
        ["Motif de l'annulation", referral.cancelReason],
        ['Close le', referral.closedAt ? dayOf(referral.closedAt) : undefined],
      ]);
    }
  }

  private followUps(): void {
    this.heading(SECTION_TITLES.followUps);
    if (this.person.followUps.length === 0) return this.note('Aucun accompagnement que cette structure peut consulter.');
    for (const followUp of this.person.followUps) {
      const period = followUp.endDate ? `du ${day(followUp.startDate)} au ${day(followUp.endDate)}` : `depuis le ${day(followUp.startDate)} (en cours)`;
      this.entry(`${followUp.structure.name}, ${period}`, [
        ['Service', followUp.service?.name],
        ['Motif de fin', followUp.closingReason],
      ]);
    }
  }

  private appointments(): void {
    this.heading(SECTION_TITLES.appointments);
    if (this.person.appointments.length === 0) return this.note('Aucun rendez-vous que cette structure peut consulter.');
    this.table(
      ['Date', 'Nature', 'Structure', 'Lieu', 'Suite'],
      [70, 90, 120, 105, CONTENT_WIDTH - 385],
      this.person.appointments.map((appointment) => [
        dayAndTime(appointment.scheduledAt),
        APPOINTMENT_KINDS[appointment.kind],
        appointment.structure.name,
        appointment.place ?? '',
        APPOINTMENT_STATUSES[appointment.status] + (appointment.heldAt && appointment.status === 'HELD' ? ` le ${dayOf(appointment.heldAt)}` : ''),
      ]),
    );
  }

  private placements(): void {
    this.heading(SECTION_TITLES.placements);
    if (this.person.placements.length === 0) return this.note('Aucun hébergement que cette structure peut consulter.');
    for (const placement of this.person.placements) {
      const period = placement.endDate ? `du ${day(placement.startDate)} au ${day(placement.endDate)}` : `depuis le ${day(placement.startDate)}`;
      this.entry(`${placement.service.name} (${placement.structure.name}), ${period}`, [['Motif de fin', placement.endReason]]);
    }
  }

  private caseNotes(): void {
    this.heading(SECTION_TITLES.caseNotes);
    if (this.person.caseNotes.length === 0) return this.note('Aucune note que cette structure peut consulter.');
    for (const note of this.person.caseNotes) {
      const edited = note.updatedAt !== note.createdAt && dayOf(note.updatedAt) !== dayOf(note.createdAt) ? `, modifiée le ${dayOf(note.updatedAt)}` : '';
      const corrects = note.corrects ? `, corrige la note du ${dayOf(note.corrects.createdAt)}` : '';
      this.subheading(`Note du ${dayAndTime(note.createdAt)} : ${note.authorStructure.name}`);
      this.note(`Rubrique : ${DOMAIN_TITLES[note.domain]}${edited}${corrects}`);
      this.paragraph(note.text);
    }
  }

  private consents(): void {
    this.heading(SECTION_TITLES.consents);
    if (this.person.consents.length === 0) return this.note('Aucun consentement que cette structure peut consulter.');
    this.table(
      ['Rubrique', 'Partagée avec', 'Recueilli par', 'Donné le', 'État'],
      [105, 110, 110, 60, CONTENT_WIDTH - 385],
      this.person.consents.map((consent) => [
        DOMAIN_TITLES[consent.domain],
        consent.recipient ? consent.recipient.name : 'Toute structure qui vous accompagne',
        consent.recordedBy.name,
        dayOf(consent.givenAt),
        consent.revokedAt
          ? `Retiré le ${dayOf(consent.revokedAt)}`
          : consent.inForce
            ? consent.expiresAt
              ? `En vigueur jusqu'au ${dayOf(consent.expiresAt)}`
              : 'En vigueur'
            : `Expiré le ${dayOf(consent.expiresAt)}`,
      ]),
    );
  }

  private participations(): void {
    this.heading(SECTION_TITLES.participations);
    if (this.person.participations.length === 0) return this.note('Aucune participation que cette structure peut consulter.');
    for (const participation of this.person.participations) {
      const period = participation.endedOn ? `du ${day(participation.enrolledOn)} au ${day(participation.endedOn)}` : `depuis le ${day(participation.enrolledOn)}`;
      this.entry(`${participation.action.title}, ${period}`, [
        ['Structure', participation.structure.name],
        ['Séances suivies', String(participation.sessionsAttended)],
        ['Séances collectives', String(participation.groupSessions)],
        ['Co-interventions', String(participation.coInterventions)],
      ]);
    }
  }

  private accesses(): void {
    const { record } = this;
    this.heading(SECTION_TITLES.accesses);
    this.paragraph(
      "Chaque consultation ou modification de votre dossier est enregistrée. Voici les structures qui y ont accédé et les jours où elles l'ont fait. " +
        'Les professionnels ne sont pas nommés individuellement : seules leurs structures le sont. ' +
        'Cette liste comprend les accès que cette structure peut connaître ; chaque structure qui vous accompagne peut vous indiquer les siens.',
    );
    if (record.accesses.length === 0) return this.note('Aucun accès que cette structure peut connaître.');
    this.table(
      ['Structure', 'Type de structure', 'Accès', 'Premier accès', 'Dernier accès'],
      [140, 150, 45, 73, CONTENT_WIDTH - 408],
      record.accesses.map((access) => [
        access.structure.name,
        STRUCTURE_KINDS[access.structure.kind],
        String(access.count),
        dayOf(access.firstAt),
        dayOf(access.lastAt),
      ]),
    );
    this.subheading("Jours d'accès, par structure");
    this.note("Entre parenthèses, le nombre d'accès ce jour-là quand il y en a eu plusieurs.");
    for (const access of record.accesses) {
      this.entry(access.structure.name, [['Jours', access.days.map((d) => (d.count > 1 ? `${day(d.date)} (${d.count})` : day(d.date))).join(', ')]]);
    }
  }

  private rights(): void {
    const { name } = this.record.exportedBy;
    this.heading(SECTION_TITLES.rights);
    this.paragraph(
      `Vous pouvez demander à la structure qui a établi ce document (${name}) de corriger ou de compléter les informations ` +
        'inexactes ou incomplètes (droit de rectification, ' +
        "article 16 du RGPD) et, dans les cas prévus par la loi, de les effacer, d'en limiter l'utilisation ou de vous y opposer " +
        '(articles 17, 18 et 21).',
    );
    this.paragraph(
      'Pour exercer ces droits ou pour toute question, adressez-vous à cette structure ou à son délégué à la protection des données. ' +
        'Vous pouvez aussi demander vos données à chacune des autres structures qui vous accompagnent : chacune répond pour ce ' +
        "qu'elle peut consulter.",
    );
    this.paragraph(
      "Votre dossier est conservé tant qu'un accompagnement est en cours, puis deux ans après le dernier contact ; il est ensuite " +
        "rendu anonyme. L'historique des accès est conservé plus longtemps, pour que chacun puisse rendre compte de ce qu'il a consulté.",
    );
    this.paragraph(
      "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l'informatique " +
        'et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr.',
    );
    this.note('Ce document contient des informations personnelles : conservez-le en lieu sûr.');
  }

  /** "Page n sur N" and the file's pseudonym at the foot of every page, once the pages are known. */
  private footers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Written in the bottom margin: without a margin there, pdfkit does not break the page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - BOTTOM_MARGIN + 28;
      doc.rect(MARGIN, y - 8, CONTENT_WIDTH, 0.5).fill(RULE);
      doc.font(REGULAR).fontSize(8).fillColor(MUTED);
      doc.text(pdfText(`Vos données dans Passerelle, dossier ${this.person.pseudonym}, établi le ${dayOf(this.record.exportedAt)}`), MARGIN, y, {
        width: CONTENT_WIDTH - 80,
        lineBreak: false,
      });
      doc.text(`Page ${index - range.start + 1} sur ${range.count}`, MARGIN + CONTENT_WIDTH - 80, y, { width: 80, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }

  // --- layout

  private get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Starts a new page unless `height` points are left: a heading is never the last line of a page. */
  private keepSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }

  private heading(title: string): void {
    const { doc } = this;
    doc.moveDown(0.8);
    this.keepSpace(90);
    doc.font(BOLD).fontSize(14).fillColor(ACCENT).text(pdfText(title), MARGIN, doc.y, { width: CONTENT_WIDTH });
    const y = doc.y + 2;
    doc.rect(MARGIN, y, CONTENT_WIDTH, 0.75).fill(RULE);
    doc.y = y + 8;
  }

  private subheading(title: string): void {
    const { doc } = this;
    doc.moveDown(0.3);
    this.keepSpace(45);
    doc.font(BOLD).fontSize(10.5).fillColor(INK).text(pdfText(title), MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
  }

  private paragraph(text: string): void {
    const { doc } = this;
    this.keepSpace(28);
    doc.font(REGULAR).fontSize(10).fillColor(INK).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
    doc.moveDown(0.5);
  }

  private note(text: string): void {
    const { doc } = this;
    this.keepSpace(20);
    doc.font(ITALIC).fontSize(10).fillColor(MUTED).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  }

  /** A labelled value: the label on the left, the value wrapped beside it (and onto the next page if long). */
  private field(label: string, value: string | null | undefined): void {
    const { doc } = this;
    this.keepSpace(30);
    const y = doc.y;
    doc.font(BOLD).fontSize(9.5).fillColor(MUTED).text(pdfText(label), MARGIN, y, { width: LABEL_WIDTH });
    const labelEnd = doc.y;
    const pages = this.pageCount;
    const shown = value === null || value === undefined || value === '' ? NOT_GIVEN : value;
    doc.font(REGULAR).fontSize(10).fillColor(INK).text(pdfText(shown), VALUE_X, y, { width: VALUE_WIDTH, lineGap: 1.5 });
    if (this.pageCount === pages) doc.y = Math.max(doc.y, labelEnd);
    doc.x = MARGIN;
    doc.moveDown(0.3);
  }

  /** One record: a title line, then its labelled values (empty ones left out). */
  private entry(title: string, fields: [string, string | null | undefined][]): void {
    this.subheading(title);
    for (const [label, value] of fields) if (value !== null && value !== undefined && value !== '') this.field(label, value);
    this.doc.moveDown(0.2);
  }

  /** A table of short values, its header row shaded; rows that do not fit go to the next page. */
  private table(headers: string[], widths: number[], rows: string[][]): void {
    const { doc } = this;
    this.keepSpace(50);
    doc.font(REGULAR).fontSize(9).fillColor(INK);
    doc.table({
      position: { x: MARGIN, y: doc.y },
      columnStyles: widths,
      defaultStyle: { border: 0.5, borderColor: RULE, padding: [3, 4, 3, 4] },
      data: [
        headers.map((header) => ({ text: pdfText(header), font: { src: BOLD }, backgroundColor: HEADER_FILL, type: 'TH' as const })),
        ...rows.map((row) => row.map((cell) => pdfText(cell))),
      ],
    });
    doc.x = MARGIN;
    doc.moveDown(0.6);
  }
}
