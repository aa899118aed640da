import { TestApp } from '../support/test-app';

/** Rate limits counted in PostgreSQL: per account on /graphql and the endpoints, per address on /oauth/token. */
describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_TOKEN_PER_MINUTE: '3' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 429 RATE_LIMITED with Retry-After once an account has spent its minute, and only that account', async () => {
    const token = await app.tokenFor('coord.siao38');
    for (let i = 0; i < 5; i++) expect((await app.post({ query: '{ me { login } }' }, token)).status).toBe(200);
    const refused = await app.post({ query: '{ me { login } }' }, token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    // The endpoints count against the same minute.
    const exported = await fetch(`${app.url}/directory/data-inclusion/structures`, { headers: { authorization: `Bearer ${token}` } });
    expect(exported.status).toBe(429);
    expect(exported.headers.get('retry-after')).toBeTruthy();
    // Another account is not slowed.
    expect((await app.post({ query: '{ me { login } }' }, await app.tokenFor('ts.relais38'))).status).toBe(200);
    // Shared through the database: the counter is a row every node reads.
    const rows = await app.em().getConnection().execute<{ key: string; points: number }[]>(`select key, points from rate_limit_counter where key like 'account:%'`);
    expect(rows.some((row) => row.points >= 6)).toBe(true);
  });

  it('weighs the endpoints that cost more: an export spends five requests, an import fifty', async () => {
    const evaluator = await app.tokenFor('eval.ofdt');
    const exported = await fetch(`${app.url}/exports/outcomes.csv?from=2019-01-01&to=2020-12-31`, { headers: { authorization: `Bearer ${evaluator}` } });
    expect(exported.status).toBe(200);
    // Five of five spent by the export: the next request waits for the next minute.
    expect((await app.post({ query: '{ me { login } }' }, evaluator)).status).toBe(429);
    // An import weighs more than the whole minute: refused before a byte of the file is read.
    const officer = await app.tokenFor('cpip.grenoble');
    const imported = await fetch(`${app.url}/imports/persons`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${officer}` }, body: 'a;b\n' });
    expect(imported.status).toBe(429);
  });

  it('limits token requests per address before the secret is checked', async () => {
    const form = 'grant_type=client_credentials&client_id=nobody&client_secret=wrong';
    const send = () => fetch(`${app.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(401);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(await refused.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });
});
