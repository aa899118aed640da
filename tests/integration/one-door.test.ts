import fs from 'node:fs';
import path from 'node:path';
import { Account } from '../../src/accounts/account.entity';
import { DataDomain } from '../../src/policy/data-domain';
import { PersonWriteGuard } from '../../src/policy/person-write-guard';
import { CaseNote } from '../../src/support/case-note.entity';
import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { Structure } from '../../src/structures/structure.entity';
import { TestApp } from '../support/test-app';

/** The modules whose transactions write no record about a person (directory, accounts, clients, webhooks, programs). */
const TRANSACTIONS_WITHOUT_PERSONS = ['administration.service.ts', 'action.service.ts', 'machine-client.service.ts', 'webhook.service.ts', 'evaluation.service.ts'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Records about a person are read and written through the policy's door only: lookups through
 * the record reader (src/policy/record-reader.ts), writes through the unit of work
 * (src/policy/person-write.ts). A request's EntityManager refuses to flush a person's row outside
 * it, and no service opens a transaction of its own unless it writes nothing about a person.
 */
describe('the door', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it("a request's EntityManager refuses a case note written outside the door, before any SQL", async () => {
    const em = app.em();
    PersonWriteGuard.guard(em);
    const person = await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey('story:relais-and-csapa') });
    const account = await em.findOneOrFail(Account, { login: 'ts.relais38' });
    const before = await app.em().count(CaseNote, { person });
    await em.begin();
    const note = new CaseNote(person, DataDomain.SOCIAL, account, 'Hors de la porte', em.getReference(Structure, account.structure.id));
    em.persist(note);
    const statements = await app.sql.count(async () => expect(em.flush()).rejects.toThrow(/outside the policy's write door/));
    await em.rollback();
    expect(statements.sql.filter((sql) => /insert into "case_note"/.test(sql))).toEqual([]);
    expect(await app.em().count(CaseNote, { person })).toBe(before);
  });

  it('an EntityManager of seeds, scripts and tests is not guarded', async () => {
    const em = app.em();
    const person = await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey('story:relais-and-csapa') });
    const account = await em.findOneOrFail(Account, { login: 'ts.relais38' });
    em.persist(new CaseNote(person, DataDomain.SOCIAL, account, 'Arrangé par le test', em.getReference(Structure, account.structure.id)));
    await expect(em.flush()).resolves.toBeUndefined();
  });

  it('no module outside the policy decides a record it loaded itself', () => {
    // Lookups and figures go through ctx.records (src/policy/record-reader.ts), lists through
    // visibleRecords: the decision is made in the statement that reads.
    const src = path.join(__dirname, '../../src');
    const deciding = sourceFiles(src)
      .filter((file) => !file.startsWith(path.join(src, 'policy') + path.sep))
      .filter((file) => /\baccess\.(sees|record|keep)\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file))
      .sort();
    expect(deciding).toEqual([]);
  });

  it('no module outside the policy writes visibility SQL', () => {
    // The mandate subqueries and the record rule's SQL are the policy's: modules ask the reader
    // (ctx.records) for records, and the person scope (src/policy/person-scope.ts) for the persons
    // list's statements, the persons under the viewer's mandates and whether a visible record exists.
    const src = path.join(__dirname, '../../src');
    const stitching = sourceFiles(src)
      .filter((file) => !file.startsWith(path.join(src, 'policy') + path.sep))
      .filter((file) => /from '\.\.\/policy\/(mandate\.repository|record-sql)'/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file))
      .sort();
    expect(stitching).toEqual([]);
  });

  it('no service opens a transaction of its own but those that write nothing about a person', () => {
    const src = path.join(__dirname, '../../src');
    const opening = sourceFiles(src).filter((file) => /\binTransaction\(/.test(fs.readFileSync(file, 'utf8')));
    const relative = opening.map((file) => path.relative(src, file)).sort();
    const allowed = relative.filter(
      (file) => file === path.join('context', 'transaction.ts') || file === path.join('policy', 'person-write.ts') || TRANSACTIONS_WITHOUT_PERSONS.includes(path.basename(file)),
    );
    expect(relative).toEqual(allowed);
    expect(relative).toContain(path.join('policy', 'person-write.ts'));
  });
});
