import type { DataDomain } from './generated/subject-access';
import { DOMAIN_TITLES, MANDATES, STRUCTURE_KINDS } from './subject-access.labels';
import { ACCENT, BOLD, BOTTOM_MARGIN, CONTENT_WIDTH, MARGIN, MUTED, PARIS_LONG, PARIS_TIME, REGULAR, RULE, day, dayOf, pdfText } from './subject-access.pdf-layout';
import { PersonSections, SECTION_TITLES } from './subject-access.pdf-sections';
import type { SubjectAccessExport } from './subject-access.type';

/** The order of the domain sections: the person's situation, then health. */
const DOMAIN_ORDER: DataDomain[] = ['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH'];

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

class SubjectAccessDocument extends PersonSections {
  constructor(
    doc: PDFKit.PDFDocument,
    private readonly record: SubjectAccessExport,
  ) {
    super(doc, record.person);
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
}
