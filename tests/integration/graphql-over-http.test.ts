import { serverAudits } from 'graphql-http';
import { TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP audits of graphql-http (the reference implementation of the spec):
 * every audit, MUST and SHOULD alike, run against the real server with a demo account's token.
 */
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await TestApp.start();
    token = await app.tokenFor('cpip.grenoble');
  });

  afterAll(async () => {
    await app.close();
  });

  it('passes every audit', async () => {
    const audits = serverAudits({
      url: `${app.url}/graphql`,
      fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect({ audits: audits.length, failures }).toEqual({ audits: 61, failures: [] });
  });
});
