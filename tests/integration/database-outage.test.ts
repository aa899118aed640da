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
});
