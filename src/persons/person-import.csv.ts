import { parse } from 'csv-parse/sync';
import { JudicialMeasure, Sex } from './person.enums';
import { birthDateWindow, judicialDateWindow } from './person.service';

/** The columns of a case software's export, by these names exactly, in any order. */
export const IMPORT_COLUMNS = ['lastName', 'firstName', 'birthDate', 'sex', 'expectedReleaseDate', 'measure', 'establishment', 'prisonNumber'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Persons a file may hold: a SPIP's export is a few thousand lines; more is split. */
export const MAX_IMPORT_LINES = 10_000;

/** A line of the file, checked: names and dates as given, the prison resolved to its id. */
export interface ImportLine {
  /** The line of the file where the record starts (the header is line 1). */
  line: number;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  sex: Sex | null;
  expectedReleaseDate: string | null;
  measure: JudicialMeasure;
  establishmentId: string | null;
  prisonNumber: string | null;
}

export interface LineError {
  line: number;
  column?: Column;
  reason: string;
}

export type ParsedImport =
  /** The file cannot be read as a whole: not UTF-8, no header, unknown or missing columns (one error). */
  | { kind: 'unreadable'; error: LineError }
  | { kind: 'too-many-lines'; lines: number }
  /** Every line, the good ones and the errors of the others. */
  | { kind: 'lines'; lines: number; valid: ImportLine[]; errors: LineError[] };

/** Names compared the way people write them: case, accents, hyphens, apostrophes and spaces aside. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();
}

/** Prison numbers compared without case or surrounding spaces. */
export function foldPrisonNumber(value: string): string {
  return value.trim().toUpperCase();
}

const NAME_MAX = 100;
const PRISON_NUMBER_MAX = 50;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MEASURES = new Set<string>(Object.values(JudicialMeasure));
const SEXES = new Set<string>(Object.values(Sex));

/** The file's text: UTF-8 (a BOM tolerated), or the line of its first byte that is not. */
function decode(body: Buffer): { text: string } | { badLine: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const at = lenient.indexOf('\uFFFD');
    return { badLine: lenient.slice(0, Math.max(at, 0)).split('\n').length };
  }
}

/** `;` or `,`, whichever the header line uses more (a French spreadsheet writes `;`). */
function delimiterOf(header: string): ';' | ',' {
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Reads a SPIP's export: UTF-8, a header line naming the columns, `;` or `,` separated. Every
 * line is checked (names, dates within the windows registration uses, measure, sex, the prison
 * by its name in `prisons`, the column count); a line's errors name the file's line and the
 * column. Empty lines, and lines of empty cells, are skipped.
 */
export function parsePersonImport(body: Buffer, prisons: ReadonlyMap<string, string>): ParsedImport {
  const decoded = decode(body);
  if ('badLine' in decoded) {
    return { kind: 'unreadable', error: { line: decoded.badLine, reason: 'the file is not UTF-8: export it as UTF-8 (CSV UTF-8)' } };
  }
  // One line ending for csv-parse, which counts a CRLF inside quotes as two lines.
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (headerLine.trim() === '') {
    return { kind: 'unreadable', error: { line: 1, reason: `the first line must name the columns: ${IMPORT_COLUMNS.join(', ')}` } };
  }
  const delimiter = delimiterOf(headerLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { kind: 'lines', lines: 0, valid: [], errors: [{ line, reason: 'this line is not valid CSV: check its quotes' }] };
  }

  const header = records[0]?.record.map((name) => name.trim()) ?? [];
  const position = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  header.forEach((name, index) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) unknown.push(name === '' ? '(empty)' : name);
    else if (position.has(name)) repeated.push(name);
    else position.set(name, index);
  });
  const missing = IMPORT_COLUMNS.filter((name) => !position.has(name));
  if (unknown.length || repeated.length || missing.length) {
    const problems = [
      unknown.length ? `unknown column(s): ${unknown.join(', ')}` : null,
      repeated.length ? `column(s) given twice: ${repeated.join(', ')}` : null,
      missing.length ? `missing column(s): ${missing.join(', ')}` : null,
    ].filter((problem) => problem !== null);
    return {
      kind: 'unreadable',
      error: { line: 1, reason: `${problems.join('; ')} (the header must name exactly ${IMPORT_COLUMNS.join(', ')}, in any order, separated by ; or ,)` },
    };
  }

  const lines = records.length - 1;
  if (lines > MAX_IMPORT_LINES) return { kind: 'too-many-lines', lines };
  const valid: ImportLine[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of records.slice(1)) {
    // csv-parse gives the line a record ends on; one with a quoted line break started earlier.
    const line = info.lines - record.reduce((breaks, cell) => breaks + (cell.split('\n').length - 1), 0);
    if (record.length !== header.length) {
      errors.push({ line, reason: `expected ${header.length} columns, found ${record.length} (separator "${delimiter}")` });
      continue;
    }
    const checked = checkLine(line, (column) => record[position.get(column)!].trim(), prisons);
    if ('errors' in checked) errors.push(...checked.errors);
    else valid.push(checked);
  }
  return { kind: 'lines', lines, valid, errors };
}

function checkLine(line: number, cell: (column: Column) => string, prisons: ReadonlyMap<string, string>): ImportLine | { errors: LineError[] } {
  const errors: LineError[] = [];
  const fail = (column: Column, reason: string) => errors.push({ line, column, reason });
  // Control characters (a NUL that PostgreSQL refuses, tabs, line breaks in quotes) in no cell.
  for (const column of IMPORT_COLUMNS) {
    if (CONTROL.test(cell(column))) fail(column, `${column} must be one line of printable characters`);
  }

  const name = (column: 'lastName' | 'firstName') => {
    const value = cell(column);
    if (value === '') fail(column, `${column} is required`);
    else if (value.length > NAME_MAX) fail(column, `${column} must be at most ${NAME_MAX} characters`);
    return value;
  };
  const date = (column: 'birthDate' | 'expectedReleaseDate', [min, max, what]: [string, string, string]) => {
    const value = cell(column);
    if (value === '') return null;
    if (!isCalendarDate(value)) fail(column, `${column} must be a date YYYY-MM-DD, not "${value}"`);
    else if (value < min || value > max) fail(column, `${column} must be ${what} (between ${min} and ${max})`);
    return value;
  };

  const lastName = name('lastName');
  const firstName = name('firstName');
  const birthDate = date('birthDate', birthDateWindow());
  const sex = cell('sex').toUpperCase();
  if (sex !== '' && !SEXES.has(sex)) fail('sex', 'sex must be F, M, X or empty');
  const expectedReleaseDate = date('expectedReleaseDate', judicialDateWindow());

  const measure = cell('measure').toUpperCase();
  if (measure === '') fail('measure', `measure is required: one of ${[...MEASURES].join(', ')}`);
  else if (!MEASURES.has(measure)) fail('measure', `measure must be one of ${[...MEASURES].join(', ')}`);

  const establishment = cell('establishment');
  const establishmentId = establishment === '' ? null : (prisons.get(foldName(establishment)) ?? null);
  if (establishment !== '' && !establishmentId) fail('establishment', `no prison is named "${establishment}"`);

  const prisonNumber = cell('prisonNumber');
  if (prisonNumber.length > PRISON_NUMBER_MAX) fail('prisonNumber', `prisonNumber must be at most ${PRISON_NUMBER_MAX} characters`);

  if (errors.length) return { errors };
  return {
    line,
    lastName,
    firstName,
    birthDate,
    sex: sex === '' ? null : (sex as Sex),
    expectedReleaseDate,
    measure: measure as JudicialMeasure,
    establishmentId,
    prisonNumber: prisonNumber === '' ? null : prisonNumber,
  };
}
