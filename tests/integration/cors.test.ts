import { TestApp } from '../support/test-app';

describe('browsers: CORS for the partner frontends of CORS_ORIGINS, CSRF prevention for the rest', () => {
  let app: TestApp;
  const allowed = 'https://app.partenaire.example';
  const other = 'https://evil.example';

  beforeAll(async () => {
    app = await TestApp.start({ env: { CORS_ORIGINS: `${allowed}, https://second.example` } });
  });

  afterAll(async () => {
    await app.close();
  });

  const preflight = (origin: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers a preflight from an allowed origin with 204 and the headers a frontend needs', async () => {
    const response = await preflight(allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/i);
  });

  it('gives no CORS header to another origin', async () => {
    const response = await preflight(other);
    expect(response.status).toBe(204);
    for (const [name] of response.headers) expect(name).not.toMatch(/^access-control-/);
  });

  it('lets an allowed origin read the answer of a query, not another origin', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const fromAllowed = await app.post({ query: '{ me { login } }' }, token, { origin: allowed });
    expect(fromAllowed.status).toBe(200);
    expect(fromAllowed.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(fromAllowed.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const fromOther = await app.post({ query: '{ me { login } }' }, token, { origin: other });
    expect(fromOther.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still refuses a request a page could send without a preflight (CSRF)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { login } }')}`, { headers: { origin: other } });
    expect(response.status).toBe(400);
    const plain = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: other }, body: JSON.stringify({ query: '{ me { login } }' }) });
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(await plain.text()).not.toContain('"login"');
  });
});
