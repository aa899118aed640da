/**
 * The page layout of the subject-access PDF (subject-access.pdf.ts) and how its values are
 * written: text the standard fonts can draw, French dates, headings, labelled fields, tables.
 */

import type { STRUCTURE_KINDS } from './subject-access.labels';

// A4 in points, margins of 2 cm; the footer sits in the bottom margin.
export const MARGIN = 57;
export const BOTTOM_MARGIN = 70;
const PAGE_WIDTH = 595.28;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 150;
const VALUE_X = MARGIN + LABEL_WIDTH + 8;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - 8;

const INK = '#1a1a1a';
export const MUTED = '#5a5a5a';
export const ACCENT = '#1f3a5f';
export const RULE = '#b8c4d2';
const HEADER_FILL = '#e8eef5';

export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

export const NOT_GIVEN = 'Non renseigné';

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
export const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
export const PARIS_LONG = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar date (`YYYY-MM-DD`) as French readers write it. */
export function day(value: string | null | undefined): string {
  if (!value) return NOT_GIVEN;
  const [year, month, date] = value.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}

/** An instant, as a day in France. */
export function dayOf(instant: string | null | undefined): string {
  return instant ? PARIS_DAY.format(new Date(instant)) : NOT_GIVEN;
}

export function dayAndTime(instant: string): string {
  const at = new Date(instant);
  return `${PARIS_DAY.format(at)} à ${PARIS_TIME.format(at)}`;
}

export function yesNo(value: boolean | null | undefined): string {
  return value === null || value === undefined ? NOT_GIVEN : value ? 'Oui' : 'Non';
}

export function structureName(structure: { name: string; kind: keyof typeof STRUCTURE_KINDS } | null | undefined): string {
  return structure ? structure.name : NOT_GIVEN;
}

/** Draws on a pdfkit document: the parts of the export are written with these. */
export class PdfLayout {
  constructor(protected readonly doc: PDFKit.PDFDocument) {}

  protected get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Starts a new page unless `height` points are left: a heading is never the last line of a page. */
  protected keepSpace(height: number): void {
    const { doc } = this;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }

  protected heading(title: string): void {
    const { doc } = this;
    doc.moveDown(0.8);
    this.keepSpace(90);
    doc.font(BOLD).fontSize(14).fillColor(ACCENT).text(pdfText(title), MARGIN, doc.y, { width: CONTENT_WIDTH });
    const y = doc.y + 2;
    doc.rect(MARGIN, y, CONTENT_WIDTH, 0.75).fill(RULE);
    doc.y = y + 8;
  }

  protected subheading(title: string): void {
    const { doc } = this;
    doc.moveDown(0.3);
    this.keepSpace(45);
    doc.font(BOLD).fontSize(10.5).fillColor(INK).text(pdfText(title), MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
  }

  protected paragraph(text: string): void {
    const { doc } = this;
    this.keepSpace(28);
    doc.font(REGULAR).fontSize(10).fillColor(INK).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
    doc.moveDown(0.5);
  }

  protected note(text: string): void {
    const { doc } = this;
    this.keepSpace(20);
    doc.font(ITALIC).fontSize(10).fillColor(MUTED).text(pdfText(text), MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  }

  /** A labelled value: the label on the left, the value wrapped beside it (and onto the next page if long). */
  protected field(label: string, value: string | null | undefined): void {
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
  protected entry(title: string, fields: [string, string | null | undefined][]): void {
    this.subheading(title);
    for (const [label, value] of fields) if (value !== null && value !== undefined && value !== '') this.field(label, value);
    this.doc.moveDown(0.2);
  }

  /** A table of short values, its header row shaded; rows that do not fit go to the next page. */
  protected table(headers: string[], widths: number[], rows: string[][]): void {
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
