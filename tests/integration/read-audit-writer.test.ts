import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AccessLogEntry } from '../../src/audit/access-log-entry.entity';
import { AuditKind } from '../../src/audit/audit-entry.entity';
import { AuditRead } from '../../src/audit/audit-read.entity';
import { PERSONS_PER_STATEMENT, ReadAuditWriter, arrayLiteral, type RequestReads } from '../../src/audit/read-audit-writer';
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

  const inserts = (statements: string[]) => statements.filter((statement) => statement.includes('insert into audit_read'));

  it('writes a lone request at once, and the requests that came meanwhile in one statement', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const requests = [reads('group-0', 3), reads('group-1', 2, null), reads('group-2', 4), reads('group-3', 1, 'Other')];
    const { sql: statements } = await sql.count(() => Promise.all(requests.map((request) => writer.write(request))));
    // The first goes alone; the three that waited for it go together.
    expect(inserts(statements)).toHaveLength(2);
    const em = orm.em.fork();
    for (const request of requests) {
      // One row a request; one access-log entry a person.
      expect(await em.count(AuditRead, { requestId: request.requestId })).toBe(1);
      const entries = await em.find(AccessLogEntry, { requestId: request.requestId }, { orderBy: { personId: 'asc' } });
      const expected = [...request.reads].sort((a, b) => a.personId.localeCompare(b.personId));
      expect(entries.map((entry) => [entry.personId, entry.domains, entry.operation, entry.accountId, entry.structureId, entry.kind, entry.role])).toEqual(
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
    expect(await em.count(AccessLogEntry, { requestId: { $in: ['alone-0', 'with-broken-0', 'broken-1'] } })).toBe(2);
    await writer.write(reads('after-failure', 1));
    expect(await em.count(AccessLogEntry, { requestId: 'after-failure' })).toBe(1);
  });

  it('never splits a request, and bounds the rows of a statement', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const big = reads('big', PERSONS_PER_STATEMENT + 5);
    const requests = [reads('first', 1), reads('small', 10), big, reads('last', 10)];
    const { sql: statements } = await sql.count(() => Promise.all(requests.map((request) => writer.write(request))));
    // first alone; small (the big one would pass the bound); big alone, over the bound; last.
    expect(inserts(statements)).toHaveLength(4);
    expect(await orm.em.fork().count(AccessLogEntry, { requestId: 'big' })).toBe(PERSONS_PER_STATEMENT + 5);
  });

  it('writes nothing for a request that read nothing', async () => {
    const writer = new ReadAuditWriter(orm.em.fork());
    const { statements } = await sql.count(() => writer.write(reads('nothing', 0)));
    expect(statements).toBe(0);
  });

  it("finds a person's entries through the GIN index of audit_read", async () => {
    const request = reads('indexed', 3);
    await new ReadAuditWriter(orm.em.fork()).write(request);
    const personId = request.reads[1].personId;
    // The filter and order of accessLog's statement (PersonAccess.visibleRecordPage over the
    // ACCESS_LOG_ENTRY record, whose RecordSql.personIds adds the array condition).
    const statement = `select r.* from access_log_entry r
      where r.person_id = '${personId}'::uuid and r.person_ids @> array['${personId}'::uuid]
      order by r.at desc, r.id desc limit 1001`;
    const plan = await orm.em.fork().transactional(async (em) => {
      await em.execute('set local enable_seqscan = off');
      return em.execute<{ 'QUERY PLAN': string }[]>(`explain ${statement}`);
    });
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('audit_read_person_ids_gin');
    const entries = await orm.em.fork().find(AccessLogEntry, { personId, personIds: { $contains: [personId] } });
    expect(entries.map((entry) => [entry.requestId, entry.domains])).toEqual([['indexed', ['IDENTITY', 'SOCIAL']]]);
  });

  it('quotes array elements', () => {
    expect(arrayLiteral(['a', null, 'b"c', 'd\\e', ''])).toBe('{"a",NULL,"b\\"c","d\\\\e",""}');
    // An array literal inside another: quoted again.
    expect(arrayLiteral([arrayLiteral(['IDENTITY,SOCIAL', ''])])).toBe('{"{\\"IDENTITY,SOCIAL\\",\\"\\"}"}');
  });
});
