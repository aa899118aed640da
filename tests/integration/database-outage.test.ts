import { MeDocument } from '../generated/graphql';
import { TcpProxy } from '../support/tcp-proxy';
import { TestApp, errorCodes } from '../support/test-app';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

describe('when the database is lost while serving', () => {
  let app: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    app = await TestApp.start({
      connectThrough: async (url) => {
        proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
        const through = new URL(url.toString());
        through.hostname = '127.0.0.1';
        through.port = String(await proxy.listen());
        return through;
      },
    });
  });

  afterAll(async () => {
    proxy.restore();
    await app.close();
    await proxy.close();
  });

  it('answers normally, then 503 on /readyz and SERVICE_UNAVAILABLE on GraphQL, then recovers by itself', async () => {
    const token = await app.tokenFor('soignant.csapa38');
    expect((await app.request(MeDocument, {}, token)).data?.me.login).toBe('soignant.csapa38');
    expect((await app.get('/readyz')).status).toBe(200);

    proxy.cut();

    expect((await app.get('/healthz')).status).toBe(200);
    const ready = await app.get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });

    const failed = await app.post({ query: '{ me { login } }' }, token);
    expect(failed.status).toBe(503);
    const body = (await failed.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(errorCodes(body)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(body)).not.toMatch(/select|ECONN|stack|terminated/i);

    proxy.restore();

    const readyAgain = await eventually(() => app.get('/readyz'), (response) => response.status === 200);
    expect(readyAgain.status).toBe(200);
    const recovered = await eventually(
      () => app.request(MeDocument, {}, token),
      (result) => result.data?.me?.login === 'soignant.csapa38',
    );
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.me.login).toBe('soignant.csapa38');
  });

  it('loses no acknowledged write when the database is cut during a burst of writes, and recovers by itself', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const registered = await app.post(
      {
        query: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
        variables: { input: { firstName: 'Rafale', lastName: 'Coupure', expectedReleaseDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) } },
      },
      token,
    );
    const personId = ((await registered.json()) as { data: { registerPerson: { id: string } } }).data.registerPerson.id;
    const acknowledged: { id: string; text: string }[] = [];
    const outcomes = new Map<number, number>();
    const write = async (n: number) => {
      const text = `Écriture ${n} pendant la coupure`;
      const response = await app.post(
        { query: 'mutation($input: WriteCaseNoteInput!) { writeCaseNote(input: $input) { id } }', variables: { input: { personId, domain: 'JUDICIAL', text } } },
        token,
      );
      outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1);
      const body = (await response.json()) as { data?: { writeCaseNote?: { id: string } } | null; errors?: { message: string; extensions: { code: string } }[] };
      if (response.status === 200 && body.data?.writeCaseNote) acknowledged.push({ id: body.data.writeCaseNote.id, text });
      else expect({ status: response.status, error: body.errors?.[0] }).toMatchObject({ status: 503, error: { extensions: { code: 'SERVICE_UNAVAILABLE' } } });
    };
    // Eight clients write in turn; the database goes away after 150 ms and comes back 1 s later.
    let n = 0;
    const clients = Array.from({ length: 8 }, async () => {
      const until = Date.now() + 2500;
      while (Date.now() < until) await write(n++);
    });
    setTimeout(() => proxy.cut(), 150);
    setTimeout(() => proxy.restore(), 1150);
    await Promise.all(clients);
    proxy.restore();
    expect(outcomes.get(200) ?? 0).toBeGreaterThan(0);
    expect(outcomes.get(503) ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].every((status) => status === 200 || status === 503)).toBe(true);

    // Recovered by itself; every acknowledged note is there, once, with its audit entry.
    const ready = await eventually(() => app.get('/readyz'), (response) => response.status === 200);
    expect(ready.status).toBe(200);
    const ids = acknowledged.map((note) => note.id);
    const stored = await app.em().getConnection().execute<{ id: string; text: string }[]>(`select id, text from case_note where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    expect(stored.map((row) => `${row.id} ${row.text}`).sort()).toEqual(acknowledged.map((note) => `${note.id} ${note.text}`).sort());
    const audited = await app.em().getConnection().execute<{ id: string }[]>(
      `select detail->'ids'->>'caseNoteId' as id from audit_entry where person_id = ? and detail->>'action' = 'writeCaseNote'`,
      [personId],
    );
    for (const id of ids) expect(audited.filter((row) => row.id === id)).toHaveLength(1);
    const texts = await app.em().getConnection().execute<{ text: string; copies: number }[]>(
      `select text, count(*)::int as copies from case_note where person_id = ? group by text having count(*) > 1`,
      [personId],
    );
    expect(texts).toEqual([]);
  });
});
