import { TestApp } from '../support/test-app';

/**
 * Review probe: POST /imports/persons now reads its body inside the handler (readBody); any
 * body-parser error other than "too large" is rethrown and answered as a 500 with an error-level
 * log, although it is the client's fault (an unknown Content-Encoding is a 415, a corrupt gzip
 * body a 400 in body-parser's own terms).
 */
describe('review: client errors while reading the import body', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['an unknown content-encoding', { 'content-encoding': 'x-unknown' }, Buffer.from('lastName;firstName\n')],
    ['a corrupt gzip body', { 'content-encoding': 'gzip' }, Buffer.from('not gzip at all')],
  ])('answers %s as the client error it is, not 500', async (_what, headers, body) => {
    const token = await app.tokenFor('cpip.grenoble');
    const response = await fetch(`${app.url}/imports/persons`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect({ status: response.status, code: answer.errors?.[0]?.extensions?.code }).not.toEqual({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(response.status).toBeLessThan(500);
  });
});
