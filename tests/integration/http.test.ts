import { TestApp, errorCodes } from '../support/test-app';

describe('the HTTP surface', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await TestApp.start();
    token = await app.tokenFor('cpip.grenoble');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers /healthz and /readyz while the database is up', async () => {
    const health = await app.get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await app.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('answers a malformed JSON body with a JSON error, no stack trace', async () => {
    const response = await app.post('{"query": ', token);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Malformed request: the body must be a JSON GraphQL request', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(text).not.toMatch(/at |node_modules|SyntaxError/);
  });

  it('tells caches not to store any GraphQL answer, data or error', async () => {
    const answered = await app.post({ query: '{ persons(first: 1) { edges { node { pseudonym } } } }' }, token);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('cache-control')).toBe('no-store');
    const refused = await app.post({ query: '{ nothingHere { id } }' }, token);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown path with 404 in JSON', async () => {
    const response = await app.get('/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('rejects a query for a field the schema lacks', async () => {
    const response = await app.post({ query: '{ nothingHere { id } }' }, token);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(errorCodes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('rejects queries deeper than the configured limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `services { structure { ${selection} } }`;
    const response = await app.post({ query: `{ structures { ${selection} } }` }, token);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[]; data?: unknown };
    expect(body.data).toBeUndefined();
    expect(errorCodes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/depth/i);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { login }`).join(' ');
    const response = await app.post({ query: `{ ${aliases} }` }, token);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errorCodes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/alias/i);
  });

  it('refuses a document over the token limit as a parse error: 400 GRAPHQL_PARSE_FAILED, before it is validated', async () => {
    const fields = Array.from({ length: app.config.limits.maxTokens }, () => 'login').join(' ');
    const response = await app.post({ query: `{ me { ${fields} } }` }, token);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errorCodes(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(body.errors[0].message).toMatch(/tokens/i);
    const broken = await app.post({ query: '{ me { login ' }, token);
    expect(broken.status).toBe(400);
    expect(errorCodes((await broken.json()) as { errors: { message: string; extensions: { code: string } }[] })).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers introspection by default outside production', async () => {
    const response = await app.post({ query: '{ __schema { queryType { name } } }' }, token);
    expect(((await response.json()) as { data: unknown }).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses batched requests', async () => {
    const response = await app.post([{ query: '{ me { login } }' }, { query: '{ me { login } }' }], token);
    expect(response.status).toBe(400);
  });
});

describe('introspection switched off (INTROSPECTION=false, the production default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { INTROSPECTION: 'false' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses __schema and __type to any account, and still answers __typename', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Person") { name } }']) {
      const response = await app.post({ query }, token);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(errorCodes(body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    const typename = await app.post({ query: '{ __typename }' }, token);
    expect(await typename.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('tells no name of the schema in its errors: no "Did you mean" for a mistyped field, argument or enum value', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    for (const query of [
      '{ referrals(status: ACCEPTE) { id } }',
      '{ persns(first: 1) { totalCount } }',
      '{ persons(frist: 1) { totalCount } }',
      '{ persons(first: 1) { edges { node { pseudonim } } } }',
    ]) {
      const body = (await (await app.post({ query }, token)).json()) as { errors: { message: string }[] };
      expect(body.errors.length).toBeGreaterThan(0);
      for (const error of body.errors) expect({ query, message: error.message }).toEqual({ query, message: expect.not.stringMatching(/Did you mean|ACCEPTED|persons\b.*\?|pseudonym/) });
    }
  });
});
