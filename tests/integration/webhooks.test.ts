import type { Runner } from 'graphile-worker';
import { startWorker } from '../../src/jobs/worker';
import { deliverWebhook } from '../../src/exchange/webhook-relay';
import { createLogger } from '../../src/server/logger';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import { WebhookDelivery } from '../../src/exchange/webhook-delivery.entity';
import {
  AcceptReferralDocument,
  CreateMachineClientDocument,
  MachineClientsDocument,
  RevokeMachineClientDocument,
  CreateWebhookSubscriptionDocument,
  MyCaseloadDocument,
  RedeliverWebhookDocument,
  ReferPersonDocument,
  RegisterPersonDocument,
  WebhookDeliveriesDocument,
  WebhookSubscriptionsDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';
import { WebhookReceiver, waitFor } from '../support/webhook-receiver';

describe('webhooks: the outbox delivered to partner systems, signed, under the policy', () => {
  let app: TestApp;
  const receiver = new WebhookReceiver();
  const workers: Runner[] = [];
  let url: string;
  let relaisId: string;
  let csapaId: string;
  let machineToken: string;
  let subscriptionId: string;

  const newPerson = async (lastName: string): Promise<string> => {
    const registered = await app.as('cpip.grenoble').query(RegisterPersonDocument, { input: { firstName: 'Test', lastName, expectedReleaseDate: '2027-03-01' } });
    expect(registered.errors).toBeUndefined();
    return registered.data!.registerPerson.id;
  };
  const refer = async (personId: string, toStructureId: string, needs: ('HOUSING' | 'SOCIAL_SUPPORT' | 'ADDICTION_CARE')[]): Promise<string> => {
    const referred = await app.as('cpip.grenoble').query(ReferPersonDocument, { input: { personId, toStructureId, needs } });
    expect(referred.errors).toBeUndefined();
    return referred.data!.referPerson.id;
  };

  beforeAll(async () => {
    app = await TestApp.start({ env: { WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_TIMEOUT_MS: '3000' } });
    url = await receiver.start();
    const logger = createLogger('silent');
    // Two workers on the same queue, as two nodes would run them.
    for (let index = 0; index < 2; index++) {
      workers.push(
        await startWorker({ databaseUrl: app.databaseUrl, orm: app.orm, logger, outcomePublicationDay: '03-01', webhooks: app.config.webhooks, concurrency: 3 }),
      );
    }
    const em = app.em();
    relaisId = (await em.findOneOrFail(Structure, { name: 'Relais Isère Sortants' })).id;
    csapaId = (await em.findOneOrFail(Structure, { kind: StructureKind.CSAPA, name: 'CSAPA Grenoble Addictions' })).id;
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await receiver.stop();
    await app.close();
  });

  it('a structure admin creates a machine client, which gets a token, reads its caseload and subscribes', async () => {
    const created = await app.as('admin.relais38').query(CreateMachineClientDocument, { input: { name: 'Logiciel du Relais', role: 'SOCIAL_WORKER' } });
    const { clientId, clientSecret } = created.data!.createMachineClient;
    const token = await fetch(`${app.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    machineToken = ((await token.json()) as { access_token: string }).access_token;
    const caseload = await app.request(MyCaseloadDocument, { first: 5 }, machineToken);
    expect(caseload.errors).toBeUndefined();
    expect(caseload.data!.myCaseload.totalCount).toBeGreaterThan(0);

    const subscribed = await app.request(
      CreateWebhookSubscriptionDocument,
      { input: { url, eventTypes: ['REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'PERSON_REGISTERED'] } },
      machineToken,
    );
    expect(subscribed.errors).toBeUndefined();
    const { subscription, secret } = subscribed.data!.createWebhookSubscription;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription).toMatchObject({ url, eventTypes: ['REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'PERSON_REGISTERED'], active: true });
    receiver.secret = secret;
    subscriptionId = subscription.id;
    const listed = await app.as('admin.relais38').query(WebhookSubscriptionsDocument);
    expect(listed.data!.webhookSubscriptions.map((listedOne) => listedOne.id)).toEqual([subscriptionId]);
  });

  it('refuses a URL it may not call, naming url', async () => {
    for (const bad of ['ftp://127.0.0.1/x', 'http://partner.example/hook', 'https://user:pw@partner.example/hook', 'not a url']) {
      const result = await app.request(CreateWebhookSubscriptionDocument, { input: { url: bad, eventTypes: ['REFERRAL_CREATED'] } }, machineToken);
      expect({ bad, codes: errorCodes(result), argument: result.errors?.[0].extensions?.argumentName }).toEqual({ bad, codes: ['BAD_USER_INPUT'], argument: 'url' });
    }
    expect(errorCodes(await app.as('ts.relais38').query(WebhookSubscriptionsDocument))).toEqual(['FORBIDDEN']);
  });

  it('delivers a signed REFERRAL_CREATED within seconds when a SPIP refers a person to the structure, with ids and statuses only', async () => {
    const personId = await newPerson('Webhook-Un');
    const referralId = await refer(personId, relaisId, ['HOUSING', 'SOCIAL_SUPPORT']);
    const started = Date.now();
    const [message] = await waitFor('the referral event', () => {
      const found = receiver.delivered((received) => received.type === 'REFERRAL_CREATED' && received.data.referralId === referralId);
      return found.length > 0 ? found : undefined;
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(message.data).toEqual({ eventId: expect.any(String), personId, referralId, status: 'PENDING', domain: expect.any(String) });
    expect(JSON.stringify(message)).not.toMatch(/Webhook-Un|Test|fromStructure|toStructure|motive/);
    expect(receiver.badSignatures).toEqual([]);
  });

  it('tells nothing of a person outside its mandate, nor of a CSAPA referral it is not part of', async () => {
    // A person the association follows (it accepted the referral: a full mandate), then referred to the CSAPA.
    const followed = await newPerson('Webhook-Deux');
    const own = await refer(followed, relaisId, ['HOUSING']);
    const accepted = await app.as('ts.relais38').query(AcceptReferralDocument, { id: own });
    expect(accepted.errors).toBeUndefined();
    const csapaReferral = await refer(followed, csapaId, ['ADDICTION_CARE']);
    // A person the association holds no mandate on, referred to the CSAPA.
    const stranger = await newPerson('Webhook-Trois');
    const strangerReferral = await refer(stranger, csapaId, ['ADDICTION_CARE']);
    // A marker event after them: once it is delivered, the earlier events were fanned out too (in order).
    const marker = await refer(await newPerson('Webhook-Marque'), relaisId, ['HOUSING']);
    await waitFor('the marker event', () => (receiver.delivered((received) => received.data.referralId === marker).length > 0 ? true : undefined));
    // Its own acceptance is told; the CSAPA referrals are not, nor anything of the stranger.
    expect(receiver.delivered((received) => received.type === 'REFERRAL_ACCEPTED' && received.data.referralId === own)).toHaveLength(1);
    expect(receiver.received.filter((received) => received.data.referralId === csapaReferral || received.data.referralId === strangerReferral)).toEqual([]);
    expect(receiver.received.filter((received) => received.data.personId === stranger)).toEqual([]);
    // The registrations (the association has no mandate on new persons) are not delivered either.
    expect(receiver.received.filter((received) => received.type === 'PERSON_REGISTERED')).toEqual([]);
    // Nor listed to it, nor even written as deliveries.
    const deliveries = await app.request(WebhookDeliveriesDocument, { subscriptionId, first: 100 }, machineToken);
    expect(deliveries.data!.webhookDeliveries.edges.map((edge) => edge.node.eventType)).not.toContain('PERSON_REGISTERED');
    expect(await app.em().count(WebhookDelivery, { event: { personId: stranger } })).toBe(0);
    expect(await app.em().count(WebhookDelivery, { event: { payload: { referralId: csapaReferral } } as never })).toBe(0);
  });

  it('delivers every event once the receiver is back, one delivery per event, never two attempts at once', async () => {
    receiver.down = true;
    const referrals: string[] = [];
    for (const name of ['Webhook-Quatre', 'Webhook-Cinq', 'Webhook-Six']) referrals.push(await refer(await newPerson(name), relaisId, ['HOUSING']));
    await waitFor('failed attempts while down', () =>
      referrals.every((id) => receiver.received.filter((received) => received.data.referralId === id && received.status === 503).length >= 2) ? true : undefined,
    );
    receiver.down = false;
    await waitFor('every event delivered', () =>
      referrals.every((id) => receiver.delivered((received) => received.data.referralId === id).length > 0) ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const id of referrals) expect(receiver.delivered((received) => received.data.referralId === id)).toHaveLength(1);
    expect(receiver.overlapping).toEqual([]);
    // One successful delivery for every webhook-id, whatever the number of attempts.
    const successes = receiver.delivered(() => true).map((received) => received.id);
    expect(new Set(successes).size).toBe(successes.length);
    const deliveries = await app.request(WebhookDeliveriesDocument, { subscriptionId, first: 100 }, machineToken);
    const retried = deliveries.data!.webhookDeliveries.edges.map((edge) => edge.node).filter((node) => node.attempts > 1);
    expect(retried.length).toBeGreaterThanOrEqual(3);
    for (const node of retried) expect(node).toMatchObject({ status: 'DELIVERED', lastStatusCode: 204 });
  });

  it('redelivers on request, with the same webhook-id', async () => {
    const deliveries = await app.request(WebhookDeliveriesDocument, { subscriptionId, first: 1 }, machineToken);
    const latest = deliveries.data!.webhookDeliveries.edges[0].node;
    const before = receiver.delivered((received) => received.id === latest.id).length;
    const redelivered = await app.request(RedeliverWebhookDocument, { deliveryId: latest.id }, machineToken);
    expect(redelivered.errors).toBeUndefined();
    await waitFor('the redelivery', () => (receiver.delivered((received) => received.id === latest.id).length > before ? true : undefined));
  });

  it('marks a delivery FAILED and its subscription failing once the retry window has passed', async () => {
    const em = app.em();
    const [delivery] = await em.find(WebhookDelivery, { subscription: subscriptionId, status: 'DELIVERED' as never }, { limit: 1 });
    // A receiver that never answers (nothing listens there), and a window already closed.
    await em.getConnection().execute(`update webhook_subscription set url = 'http://127.0.0.1:9/unreachable' where id = ?`, [subscriptionId]);
    await em.getConnection().execute(`update webhook_delivery set status = 'PENDING', retry_from = now() - interval '25 hours' where id = ?`, [delivery.id]);
    const status = await deliverWebhook(app.orm.em.fork(), delivery.id, app.config.webhooks, createLogger('silent'));
    expect(status).toBe('FAILED');
    const listed = await app.request(WebhookSubscriptionsDocument, undefined, machineToken);
    expect(listed.data!.webhookSubscriptions[0].failingSince).not.toBeNull();
    await em.getConnection().execute(`update webhook_subscription set url = ? where id = ?`, [url, subscriptionId]);
  });

  it('withholds, unsent and unlisted, a delivery whose record the structure may no longer see', async () => {
    // A delivery written for an event about a CSAPA referral the association is no party to
    // (as if the structure had seen it when it was fanned out).
    const person = await newPerson('Webhook-Retenu');
    const csapaReferral = await refer(person, csapaId, ['ADDICTION_CARE']);
    const em = app.em();
    const [event] = await em.getConnection().execute<{ id: string }[]>(`select id from outbox_event where payload->>'referralId' = ?`, [csapaReferral]);
    const [row] = await em.getConnection().execute<{ id: string }[]>(
      `insert into webhook_delivery (subscription_id, event_id, event_type) values (?, ?, 'REFERRAL_CREATED') returning id`,
      [subscriptionId, event.id],
    );
    const before = receiver.received.length;
    expect(await deliverWebhook(app.orm.em.fork(), row.id, app.config.webhooks, createLogger('silent'))).toBe('WITHHELD');
    expect(receiver.received.length).toBe(before);
    const deliveries = await app.request(WebhookDeliveriesDocument, { subscriptionId, first: 100 }, machineToken);
    expect(deliveries.data!.webhookDeliveries.edges.map((edge) => edge.node.id)).not.toContain(row.id);
    expect(errorCodes(await app.request(RedeliverWebhookDocument, { deliveryId: row.id }, machineToken))).toEqual(['NOT_FOUND']);
  });

  it("ends with its client: a revoked client's subscription is deleted and gets nothing more", async () => {
    const { id: clientId } = (await app.as('admin.relais38').query(MachineClientsDocument)).data!.machineClients[0];
    const before = receiver.received.length;
    const revoked = await app.as('admin.relais38').query(RevokeMachineClientDocument, { id: clientId });
    expect(revoked.errors).toBeUndefined();
    const listed = await app.as('admin.relais38').query(WebhookSubscriptionsDocument);
    expect(listed.data!.webhookSubscriptions).toEqual([]);
    const referral = await refer(await newPerson('Webhook-Apres'), relaisId, ['HOUSING']);
    // Fanned out (published) without a delivery for the deleted subscription.
    await waitFor('the event published', async () =>
      (await app.em().getConnection().execute<{ published: boolean }[]>(`select published_at is not null as published from outbox_event where payload->>'referralId' = ?`, [referral]))[0]?.published ? true : undefined,
    );
    expect(receiver.received.length).toBe(before);
    expect(await app.em().count(WebhookDelivery, { event: { payload: { referralId: referral } } as never })).toBe(0);
  });
});
