import { TestApp } from '../support/test-app';

/** GET /metrics: Prometheus text, labels from the schema and routes, and a token when configured. */
describe('metrics', () => {
  describe('open (no METRICS_TOKEN)', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await TestApp.start();
    });

    afterAll(async () => {
      await app.close();
    });

    it('counts GraphQL requests by type, root field and code, with their latency, and the pool, the outbox and Node', async () => {
      const token = await app.tokenFor('cpip.grenoble');
      await app.post({ query: 'query AnyNameAClientChooses { persons(first: 1) { totalCount } }' }, token);
      await app.post({ query: '{ person(id: "not-a-uuid") { id } }' }, token);
      const response = await app.get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/passerelle_graphql_requests_total\{type="query",field="persons",code="OK"\} 1/);
      expect(text).toMatch(/passerelle_graphql_requests_total\{type="query",field="person",code="BAD_USER_INPUT"\} 1/);
      expect(text).toMatch(/passerelle_graphql_request_duration_seconds_bucket\{le="[0-9.]+",type="query",field="persons"\}/);
      expect(text).toMatch(/passerelle_http_requests_total\{route="\/graphql",method="POST",status="200"\}/);
      expect(text).toMatch(/passerelle_db_pool_connections\{state="used"\}/);
      expect(text).toMatch(/passerelle_outbox_lag_seconds [0-9.e+-]+/);
      expect(text).toMatch(/passerelle_process_resident_memory_bytes/);
      // The client's operation name is no label.
      expect(text).not.toContain('AnyNameAClientChooses');
    });
  });

  describe('with METRICS_TOKEN', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await TestApp.start({ env: { METRICS_TOKEN: 'scrape-me-0123456789' } });
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers only its bearer', async () => {
      const refused = await app.get('/metrics');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="passerelle"');
      const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-0123456780' } });
      expect(wrong.status).toBe(401);
      const allowed = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-0123456789' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('passerelle_graphql_requests_total');
    });
  });
});
