import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuditEntry, AuditKind } from '../../src/audit/audit-entry.entity';
import { ROWS_PER_STATEMENT, ReadAuditWriter, arrayLiteral, type RequestReads } from '../../src/audit/read-audit-writer';
import { ClientKind, Role } from '../../src/auth/role';
import { initOrm } from '../../src/config/orm';
import { SqlLog, createTestDatabase } from '../support/test-app';

function reads(requestId: string, persons: number, operation: string | null = 'PersonsPage'): RequestReads {
  return {
    accountId: randomUUID(),
    structureId: randomUUID(),
    role: Role.PROBATION_OFFICER,
    client: ClientKind.USER,
    operation,
    requestId,
    reads: Array.from({ length: persons }, (_, index) => ({ personId: randomUUID(), domains: index % 2 ? ['IDENTITY', 'SOCIAL'] : [] })),
  };
}

describe('ReadAuditWriter (group commit of the read audit)', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  const sql = new SqlLog();

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initOrm(database.url, { onQuery: sql.record, onDriverWarning: () => undefined });
  });

  afterAll(async () => {
    await orm.close();
    await drop();
  });

  const inserts = (statements: string[]) => statements.filter((statement) => statement.includes('insert into audit_entry'));

  it('writes a lone request at once, and the requests that came meanwhile in one statement', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const requests = [reads('group-0', 3), reads('group-1', 2, null), reads('group-2', 4), reads('group-3', 1, 'Other')];
    const { sql: statements } = await sql.count(() => Promise.all(requests.map((request) => writer.write(request))));
    // The first goes alone; the three that waited for it go together.
    expect(inserts(statements)).toHaveLength(2);
    const em = orm.em.fork();
    for (const request of requests) {
      const entries = await em.find(AuditEntry, { requestId: request.requestId }, { orderBy: { personId: 'asc' } });
      const expected = [...request.reads].sort((a, b) => a.personId.localeCompare(b.personId));
      expect(entries.map((entry) => [entry.personId, entry.domains, entry.operation, entry.account.id, entry.structure.id, entry.kind, entry.role])).toEqual(
        expected.map((read) => [read.personId, read.domains, request.operation, request.accountId, request.structureId, AuditKind.READ, request.role]),
      );
    }
  });

  it('settles each request with the statement that carried it, and goes on after a failure', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const broken: RequestReads = { ...reads('broken-1', 1), reads: [{ personId: 'not-a-uuid', domains: [] }] };
    const outcomes = await Promise.allSettled([writer.write(reads('alone-0', 2)), writer.write(reads('with-broken-0', 2)), writer.write(broken)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    const em = orm.em.fork();
    expect(await em.count(AuditEntry, { requestId: { $in: ['alone-0', 'with-broken-0', 'broken-1'] } })).toBe(2);
    await writer.write(reads('after-failure', 1));
    expect(await em.count(AuditEntry, { requestId: 'after-failure' })).toBe(1);
  });

  it('never splits a request, and bounds the rows of a statement', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const big = reads('big', ROWS_PER_STATEMENT + 5);
    const requests = [reads('first', 1), reads('small', 10), big, reads('last', 10)];
    const { sql: statements } = await sql.count(() => Promise.all(requests.map((request) => writer.write(request))));
    // first alone; small (the big one would pass the bound); big alone, over the bound; last.
    expect(inserts(statements)).toHaveLength(4);
    expect(await orm.em.fork().count(AuditEntry, { requestId: 'big' })).toBe(ROWS_PER_STATEMENT + 5);
  });

  it('writes nothing for a request that read nothing', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const { statements } = await sql.count(() => writer.write(reads('nothing', 0)));
    expect(statements).toBe(0);
  });

  it('quotes array elements', () => {
    expect(arrayLiteral(['a', null, 'b"c', 'd\\e', ''])).toBe('{"a",NULL,"b\\"c","d\\\\e",""}');
  });
});
