import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { CaseNote } from '../../src/support/case-note.entity';
import { OutboxEvent } from '../../src/outbox/outbox-event.entity';
import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { TestApp, errorCodes, type GraphQLErrorBody } from '../support/test-app';

const WRITE = `mutation Note($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id version } }`;

/**
 * What a small write costs the database: a case note is three round trips (each logged as one
 * entry): the authenticating read; begin, the person's lock and one read of the policy under
 * that lock, in one message but three statements, so that the policy is read with a snapshot
 * taken once the lock is held (the write door, src/policy/person-write.ts, insertForPerson);
 * the note, its outbox event, its audit entry and commit, in one message. The policy's read
 * holds the consents too. It was eight round trips, one per statement.
 */
describe('the statements of a write', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function write(login: string, input: { personId: string; domain: string; text: string }) {
    const token = await app.tokenFor(login);
    const { result, statements, sql } = await app.sql.count(async () => {
      const response = await app.post({ query: WRITE, variables: { input } }, token);
      return (await response.json()) as { data?: { writeCaseNote: { id: string; version: number } } | null; errors?: GraphQLErrorBody[] };
    });
    return { result, statements, sql };
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const person = async (key: string) => (await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey(key) })).id;
    ids.followed = await person('story:relais-and-csapa');
    ids.revoked = await person('story:consent-revoked');
  });

  afterAll(async () => {
    await app.close();
  });

  it('a case note is 3 round trips, and its audit entry and outbox event name it', async () => {
    const text = "Entretien du jour : l'usager dit « c'est \\ bon » ; -- fin";
    const { result, statements, sql } = await write('ts.relais38', { personId: ids.followed, domain: 'SOCIAL', text });
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(3);
    // The lock first, then the policy in a statement of its own (its own snapshot), in the transaction.
    expect(sql[1]).toMatch(
      /^\[query\] begin;\s*select p\.id, .* from person p where p\.id = '[0-9a-f-]{36}'::uuid for no key update;\s*select m\.state, array\(select distinct c\.domain from consent c .*\) m \[took/,
    );
    expect([...sql[2].matchAll(/insert into "(\w+)"/g)].map((match) => match[1])).toEqual(['case_note', 'outbox_event', 'audit_entry']);
    expect(sql[2]).toMatch(/;\s*commit \[took/);
    const id = result.data!.writeCaseNote.id;
    expect(result.data!.writeCaseNote.version).toBe(1);
    const em = app.em();
    const note = await em.findOneOrFail(CaseNote, id);
    expect(note.authorStructure.id).toBeDefined();
    expect(note.text).toBe(text);
    const audit = await em.findOneOrFail(AuditEntry, { kind: AuditKind.WRITE, detail: { ids: { caseNoteId: id } } as never });
    expect(audit).toMatchObject({ personId: ids.followed, domains: ['SOCIAL'], operation: 'Note', detail: { action: 'writeCaseNote' } });
    expect(audit.account.id).toBe(note.authorAccount.id);
    expect(audit.structure.id).toBe(note.authorStructure.id);
    const event = await em.findOneOrFail(OutboxEvent, { type: 'CASE_NOTE_WRITTEN' as never, personId: ids.followed, payload: { caseNoteId: id } as never });
    expect(event).toMatchObject({ domain: 'SOCIAL', publishedAt: null, payload: { caseNoteId: id, correctsId: null } });
    expect(event.structure.id).toBe(note.authorStructure.id);
  });

  it('a note in a domain that needs the consent reads the mandate and the consents in the same statement', async () => {
    // The CSAPA reads and writes the social domain of a person who consents to it.
    const { result, statements } = await write('soignant.csapa38', { personId: ids.followed, domain: 'SOCIAL', text: 'Point social' });
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(3);
  });

  it('without the consent the note is FORBIDDEN after three round trips (authentication; begin, lock, policy; rollback), and nothing is written', async () => {
    const em = app.em();
    const before = await Promise.all([em.count(CaseNote), em.count(AuditEntry, { kind: AuditKind.WRITE }), em.count(OutboxEvent)]);
    const { result, statements, sql } = await write('soignant.csapa38', { personId: ids.revoked, domain: 'SOCIAL', text: 'Point social' });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(statements).toBe(3);
    expect(sql[2]).toMatch(/^\[query\] rollback /);
    expect(await Promise.all([em.count(CaseNote), em.count(AuditEntry, { kind: AuditKind.WRITE }), em.count(OutboxEvent)])).toEqual(before);
  });
});
