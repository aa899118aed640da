import { MyCaseloadDocument, PasserelleClient, PasserelleError, WebhookDeliveriesDocument } from '../../sdk/src';
import { CreateMachineClientDocument } from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

describe('the partner SDK and the persisted-operations allow-list', () => {
  let app: TestApp;
  let client: PasserelleClient;
  let credentials: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    app = await TestApp.start({ env: { PERSISTED_OPERATIONS: 'machines' } });
    const created = await app.as('admin.relais38').query(CreateMachineClientDocument, { input: { name: 'Logiciel SDK', role: 'SOCIAL_WORKER' } });
    credentials = created.data!.createMachineClient;
    client = new PasserelleClient({ url: app.url, ...credentials });
  });

  afterAll(async () => {
    await app.close();
  });

  it('runs a documented operation by its hash, with a token it gets itself', async () => {
    const { myCaseload } = await client.request(MyCaseloadDocument, { first: 5 });
    expect(myCaseload.totalCount).toBeGreaterThan(0);
    expect(myCaseload.edges.length).toBeGreaterThan(0);
  });

  it('carries the API error code', async () => {
    await expect(client.request(WebhookDeliveriesDocument, { subscriptionId: '00000000-0000-4000-8000-000000000000', first: 5 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(PasserelleError).toBeDefined();
  });

  it('refuses an operation outside the allow-list from a machine client, not from a person', async () => {
    const token = ((await (
      await fetch(`${app.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }).toString(),
      })
    ).json()) as { access_token: string }).access_token;
    const adHoc = await app.post({ query: '{ myCaseload(first: 500) { totalCount } }' }, token);
    expect(errorCodes((await adHoc.json()) as never)).toEqual(['FORBIDDEN']);
    const unknownHash = await app.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, token);
    expect(((await unknownHash.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const person = await app.post({ query: '{ myCaseload(first: 2) { totalCount } }' }, await app.tokenFor('ts.relais38'));
    expect(((await person.json()) as { errors?: unknown }).errors).toBeUndefined();
  });
});
