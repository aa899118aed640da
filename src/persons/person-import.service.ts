import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayLiteral } from '../audit/read-audit-writer';
import { auditWrite } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { writePersons } from '../policy/person-write';
import { MandateState } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { mandatedPersonsSql } from '../policy/person-scope';
import { Permission } from '../policy/permissions';
import { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import { PersonIdentity } from './person-identity.entity';
import { PersonJudicial } from './person-judicial.entity';
import { type ImportLine, type LineError, foldName, foldPrisonNumber, parsePersonImport } from './person-import.csv';
import { Person } from './person.entity';
import { persistNewPerson } from './person-registration';

/** Why a line may be a person Passerelle holds already (never merged: reported). */
export enum DuplicateReason {
  /** Same last name, first name and birth date as a person the SPIP sees, which the line does not update. */
  SAME_NAME_AND_BIRTH_DATE = 'SAME_NAME_AND_BIRTH_DATE',
  /** Same prison number as a person whose judicial detail the SPIP reads but whose open file it does not hold. */
  SAME_PRISON_NUMBER = 'SAME_PRISON_NUMBER',
  /** Same prison number as an earlier line of the file (`otherLine`). */
  SAME_PRISON_NUMBER_IN_FILE = 'SAME_PRISON_NUMBER_IN_FILE',
  /** Same names and birth date as an earlier line of the file (`otherLine`). */
  SAME_NAME_AND_BIRTH_DATE_IN_FILE = 'SAME_NAME_AND_BIRTH_DATE_IN_FILE',
}

export interface ImportedPerson {
  line: number;
  personId: string;
  pseudonym: string;
}

export interface PossibleDuplicate {
  line: number;
  reason: DuplicateReason;
  personId?: string;
  pseudonym?: string;
  otherLine?: number;
}

/** The answer to an import: what was written, or why nothing was (README, "Importing persons"). */
export interface PersonImportReport {
  written: boolean;
  /** Lines of persons in the file (header, empty lines and lines of empty cells aside). */
  lines: number;
  created: ImportedPerson[];
  updated: ImportedPerson[];
  /** Lines that matched a person of the SPIP by prison number and changed nothing. */
  unchanged: ImportedPerson[];
  duplicates: PossibleDuplicate[];
  errors: LineError[];
}

export enum PersonImportOutcome {
  WRITTEN = 'WRITTEN',
  /** Not UTF-8, or the header does not name the columns: one error. */
  UNREADABLE = 'UNREADABLE',
  TOO_MANY_LINES = 'TOO_MANY_LINES',
  INVALID_LINES = 'INVALID_LINES',
  /** Only possible duplicates stand in the way (`registerDuplicates` lets them through). */
  DUPLICATES = 'DUPLICATES',
}

/** A person the SPIP sees that a line may be: named in the report by id and pseudonym only. */
interface Candidate {
  id: string;
  pseudonym: string;
}

type Plan = { line: ImportLine; update: Candidate | null };

const report = (lines: number, extra: Partial<PersonImportReport> = {}): PersonImportReport => ({
  written: false,
  lines,
  created: [],
  updated: [],
  unchanged: [],
  duplicates: [],
  errors: [],
  ...extra,
});

const byLine = <T extends { line: number }>(items: T[]): T[] => items.sort((a, b) => a.line - b.line);

/** Sets the fields that differ; whether any did. */
function assign<T extends object>(row: T, values: Partial<T>): boolean {
  let changed = false;
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (row[key] !== values[key]) {
      row[key] = values[key] as T[keyof T];
      changed = true;
    }
  }
  return changed;
}

/** A SPIP's persons from its case software's export. */
export class PersonImportService {
  /** Whether the viewer may import at all: asked before the file is read (FORBIDDEN otherwise). */
  assertMayImport(ctx: RequestContext): void {
    assertAllowed(ctx.viewer, Permission.PERSON_IMPORT);
  }

  /**
   * Registers the persons of a SPIP's export, or updates those whose open file the SPIP holds
   * (matched by prison number), all or nothing: one bad line, or one possible duplicate
   * (unless `registerDuplicates`), and nothing is written. Possible duplicates are looked for
   * only among persons the SPIP sees, a restricted person never by name.
   */
  async importFile(
    ctx: RequestContext,
    body: Buffer,
    options: { registerDuplicates: boolean },
  ): Promise<{ outcome: PersonImportOutcome; report: PersonImportReport }> {
    assertAllowed(ctx.viewer, Permission.PERSON_IMPORT);
    const parsed = parsePersonImport(body, await this.prisons(ctx.em));
    if (parsed.kind === 'unreadable') return { outcome: PersonImportOutcome.UNREADABLE, report: report(0, { errors: [parsed.error] }) };
    if (parsed.kind === 'too-many-lines') return { outcome: PersonImportOutcome.TOO_MANY_LINES, report: report(parsed.lines) };
    const errors = [...parsed.errors];

    return writePersons(ctx, async (door, em) => {
      // Two imports of one SPIP's files, one after the other: the second sees what the first registered.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`person-import:${ctx.viewer.structureId}`]);
      const { plans, duplicates } = await this.match(ctx, parsed.valid, errors);
      if (errors.length) {
        return { outcome: PersonImportOutcome.INVALID_LINES, report: report(parsed.lines, { duplicates: byLine(duplicates), errors: byLine(errors) }) };
      }
      if (duplicates.length && !options.registerDuplicates) {
        return { outcome: PersonImportOutcome.DUPLICATES, report: report(parsed.lines, { duplicates: byLine(duplicates) }) };
      }
      // The persons the file updates, locked and checked under their lock (new ones need none).
      const updated = plans.flatMap((plan) => (plan.update ? [plan.update.id] : []));
      await door.enter(updated, { what: 'Importing persons', domain: [DataDomain.IDENTITY, DataDomain.JUDICIAL] });
      const written = await this.write(ctx, plans);
      return { outcome: PersonImportOutcome.WRITTEN, report: report(parsed.lines, { written: true, ...written, duplicates: byLine(duplicates) }) };
    });
  }

  /** Prisons by their folded name (a few rows: the directory's prisons). */
  private async prisons(em: EntityManager): Promise<Map<string, string>> {
    const rows = await em.execute<{ id: string; name: string }[]>('select id, name from structure where kind = ?', [StructureKind.PRISON]);
    return new Map(rows.map((row) => [foldName(row.name), row.id]));
  }

  /**
   * What each valid line does (update the person of the SPIP's open file with its prison number,
   * or register a new one) and the possible duplicates, from one query by prison number and one
   * by birth date, both within the SPIP's mandates, then the policy's read decisions (batched).
   */
  private async match(
    ctx: RequestContext,
    lines: ImportLine[],
    errors: LineError[],
  ): Promise<{ plans: Plan[]; duplicates: PossibleDuplicate[] }> {
    const numbers = [...new Set(lines.flatMap((line) => (line.prisonNumber ? [foldPrisonNumber(line.prisonNumber)] : [])))];
    const dates = [...new Set(lines.flatMap((line) => (line.birthDate ? [line.birthDate] : [])))];
    const [byNumber, byName] = [await this.byPrisonNumber(ctx, numbers), await this.byNameAndBirthDate(ctx, dates)];

    const duplicates: PossibleDuplicate[] = [];
    const plans: Plan[] = [];
    const firstWithNumber = new Map<string, number>();
    const firstWithName = new Map<string, number>();
    const named = (line: number, reason: DuplicateReason, person: Candidate, domain: DataDomain) => {
      ctx.readAudit.record(person.id, domain);
      duplicates.push({ line, reason, personId: person.id, pseudonym: person.pseudonym });
    };
    for (const line of lines) {
      let update: Candidate | null = null;
      let sameNumberAs: number | undefined;
      if (line.prisonNumber) {
        const number = foldPrisonNumber(line.prisonNumber);
        sameNumberAs = firstWithNumber.get(number);
        const found = byNumber.get(number) ?? { held: [], seen: [] };
        if (sameNumberAs !== undefined) {
          duplicates.push({ line: line.line, reason: DuplicateReason.SAME_PRISON_NUMBER_IN_FILE, otherLine: sameNumberAs });
        } else {
          firstWithNumber.set(number, line.line);
          if (found.held.length > 1) {
            errors.push({
              line: line.line,
              column: 'prisonNumber',
              reason: `several persons of your SPIP have this prison number (${found.held.map((person) => person.pseudonym).join(', ')}): correct them first`,
            });
          } else update = found.held[0] ?? null;
        }
        for (const person of found.seen) named(line.line, DuplicateReason.SAME_PRISON_NUMBER, person, DataDomain.JUDICIAL_DETAIL);
      }
      if (line.birthDate) {
        const key = `${foldName(line.lastName)}\u0000${foldName(line.firstName)}\u0000${line.birthDate}`;
        const sameNameAs = firstWithName.get(key);
        if (sameNameAs === undefined) firstWithName.set(key, line.line);
        else if (sameNameAs !== sameNumberAs) {
          duplicates.push({ line: line.line, reason: DuplicateReason.SAME_NAME_AND_BIRTH_DATE_IN_FILE, otherLine: sameNameAs });
        }
        for (const person of byName.get(key) ?? []) {
          if (person.id !== update?.id) named(line.line, DuplicateReason.SAME_NAME_AND_BIRTH_DATE, person, DataDomain.IDENTITY);
        }
      }
      plans.push({ line, update });
    }
    return { plans, duplicates };
  }

  /**
   * The persons the SPIP sees with one of these prison numbers: those whose open file it holds
   * (a line with their number updates them), and the others whose judicial detail it reads.
   */
  private async byPrisonNumber(
    ctx: RequestContext,
    numbers: string[],
  ): Promise<Map<string, { held: Candidate[]; seen: Candidate[] }>> {
    const { em } = ctx;
    const found = new Map<string, { held: Candidate[]; seen: Candidate[] }>();
    if (numbers.length === 0) return found;
    const mandates = mandatedPersonsSql(ctx.viewer);
    // The persons a line updates are locked afterwards by the write door, and their mandate checked
    // again under that lock: a transfer or a closing decided meanwhile refuses the import.
    const rows = await em.execute<(Candidate & { state: MandateState; number: string; held: boolean })[]>(
      `select p.id, p.pseudonym, m.state, upper(btrim(d.prison_number)) as number,
              (p.spip_id = ? and p.file_status = 'OPEN' and m.state = 'FULL') as held
       from (${mandates.sql}) m
       join person p on p.id = m.person_id
       join person_judicial_detail d on d.person_id = p.id
       where upper(btrim(d.prison_number)) = any(?::text[])
       order by p.created_at, p.id`,
      [ctx.viewer.structureId, ...mandates.params, arrayLiteral(numbers)],
    );
    // The holding SPIP is never denied the identity of its persons (restricted or not).
    for (const row of rows) ctx.access.prime(row.id, row.state, row.held ? false : undefined);
    const reads = await Promise.all(rows.map((row) => (row.held ? true : ctx.access.canRead(row.id, DataDomain.JUDICIAL_DETAIL))));
    rows.forEach((row, index) => {
      if (!reads[index]) return;
      const entry = found.get(row.number) ?? { held: [], seen: [] };
      (row.held ? entry.held : entry.seen).push({ id: row.id, pseudonym: row.pseudonym });
      found.set(row.number, entry);
    });
    return found;
  }

  /**
   * The persons the SPIP sees, and whose identity it reads, born on one of these dates, by folded
   * names and birth date. A restricted person is never found by name (access-policy.md).
   */
  private async byNameAndBirthDate(ctx: RequestContext, dates: string[]): Promise<Map<string, Candidate[]>> {
    const { em } = ctx;
    const found = new Map<string, Candidate[]>();
    if (dates.length === 0) return found;
    const mandates = mandatedPersonsSql(ctx.viewer);
    const rows = await em.execute<(Candidate & { state: MandateState; last_name: string; first_name: string; birth_date: string })[]>(
      `select p.id, p.pseudonym, m.state, i.last_name, i.first_name, i.birth_date::text as birth_date
       from (${mandates.sql}) m
       join person p on p.id = m.person_id
       join person_identity i on i.person_id = p.id
       where p.restricted_at is null and i.birth_date = any(?::date[])
       order by p.created_at, p.id`,
      [...mandates.params, arrayLiteral(dates)],
    );
    for (const row of rows) ctx.access.prime(row.id, row.state, false);
    const reads = await Promise.all(rows.map((row) => ctx.access.canRead(row.id, DataDomain.IDENTITY)));
    rows.forEach((row, index) => {
      if (!reads[index]) return;
      const key = `${foldName(row.last_name)}\u0000${foldName(row.first_name)}\u0000${row.birth_date}`;
      found.set(key, [...(found.get(key) ?? []), { id: row.id, pseudonym: row.pseudonym }]);
    });
    return found;
  }

  /**
   * The file's persons, in the import's transaction: new ones registered as registerPerson does;
   * matched ones get the file's names, birth date, sex, expected release, measure and prison (an
   * empty cell keeps what is there), audited when something changed.
   */
  private async write(
    ctx: RequestContext,
    plans: Plan[],
  ): Promise<Pick<PersonImportReport, 'created' | 'updated' | 'unchanged'>> {
    const { em } = ctx;
    const created: ImportedPerson[] = [];
    const updated: ImportedPerson[] = [];
    const unchanged: ImportedPerson[] = [];
    const prison = (id: string | null) => (id ? em.getReference(Structure, id) : null);
    const updates = plans.filter((plan): plan is Plan & { update: Candidate } => plan.update !== null);
    const ids = updates.map((plan) => plan.update.id);
    const identities = new Map((ids.length ? await em.find(PersonIdentity, { person: { $in: ids } }) : []).map((row) => [row.person.id, row]));
    const judicials = new Map((ids.length ? await em.find(PersonJudicial, { person: { $in: ids } }) : []).map((row) => [row.person.id, row]));
    const spip = em.getReference(Structure, ctx.viewer.structureId);

    for (const { line, update } of plans) {
      if (!update) {
        const person = persistNewPerson(
          ctx,
          {
            firstName: line.firstName,
            lastName: line.lastName,
            birthDate: line.birthDate,
            sex: line.sex,
            establishment: prison(line.establishmentId),
            expectedReleaseDate: line.expectedReleaseDate,
            measure: line.measure,
            prisonNumber: line.prisonNumber,
          },
          'importPersons',
        );
        created.push({ line: line.line, personId: person.id, pseudonym: person.pseudonym });
        continue;
      }
      const names = identities.get(update.id) ?? this.emptyRow(em, PersonIdentity, update.id);
      const judicial = judicials.get(update.id) ?? this.emptyRow(em, PersonJudicial, update.id);
      const domains: DataDomain[] = [];
      const identityChanged = assign(names, {
        lastName: line.lastName,
        firstName: line.firstName,
        ...(line.birthDate ? { birthDate: line.birthDate } : {}),
        ...(line.sex ? { sex: line.sex } : {}),
      });
      if (identityChanged) {
        names.writtenBy = spip;
        domains.push(DataDomain.IDENTITY);
      }
      const establishmentChanged = line.establishmentId !== null && judicial.establishment?.id !== line.establishmentId;
      if (establishmentChanged) judicial.establishment = prison(line.establishmentId);
      const judicialChanged =
        assign(judicial, { measure: line.measure, ...(line.expectedReleaseDate ? { expectedReleaseDate: line.expectedReleaseDate } : {}) }) || establishmentChanged;
      if (judicialChanged) {
        judicial.writtenBy = spip;
        domains.push(DataDomain.JUDICIAL);
      }
      const entry = { line: line.line, personId: update.id, pseudonym: update.pseudonym };
      if (domains.length === 0) {
        unchanged.push(entry);
        continue;
      }
      auditWrite(ctx, { personId: update.id, domains, action: 'importPersons' });
      updated.push(entry);
    }
    return { created, updated, unchanged };
  }

  /** A domain row the person lacks (rows written before registration made them all), filled by the write. */
  private emptyRow<T extends object>(em: EntityManager, entity: { create(person: Person): T }, personId: string): T {
    const row = entity.create(em.getReference(Person, personId));
    em.persist(row);
    return row;
  }
}

export const personImportService = new PersonImportService();
