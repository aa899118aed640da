import { OutboxEvent, OutboxEventType } from '../../src/outbox/outbox-event.entity';
import { DataDomain } from '../../src/policy/data-domain';
import { EVENT_RECORDS, eventMessage } from '../../src/outbox/event-records';
import { checkWebhookUrl, isPublicAddress } from '../../src/exchange/webhook-url';

describe('webhook URLs (SSRF)', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'nonsense'])(
    'counts %s as not public',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['93.184.216.34', '2606:4700::6810:84e5'])('counts %s as public', (address) => expect(isPublicAddress(address)).toBe(true));

  it('answers alike for a name that does not resolve and one that resolves to a private address', async () => {
    const messages = await Promise.all(
      ['https://does-not-exist.invalid/hook', 'https://localhost/hook'].map((url) => checkWebhookUrl(url, true).catch((error: Error) => error.message)),
    );
    expect(messages[0]).toBe(messages[1]);
  });

  it('accepts in production only https to public addresses', async () => {
    await expect(checkWebhookUrl('https://93.184.216.34/hook', true)).resolves.toBeInstanceOf(URL);
    for (const url of ['http://93.184.216.34/hook', 'https://127.0.0.1/hook', 'https://10.0.0.8/hook', 'https://[::1]/hook', 'https://localhost/hook', 'https://169.254.169.254/latest']) {
      await expect(checkWebhookUrl(url, true)).rejects.toMatchObject({ argumentName: 'url' });
    }
  });

  it('accepts http on the local machine in development, and never credentials', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:8080/hook', false)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://localhost:8080/hook', false)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://10.0.0.8/hook', false)).rejects.toMatchObject({ argumentName: 'url' });
    await expect(checkWebhookUrl('https://a:b@partner.example/hook', false)).rejects.toMatchObject({ argumentName: 'url' });
  });
});

describe('event messages', () => {
  it('carry ids, a status and the domain, never the structures involved nor other payload', () => {
    for (const type of Object.values(OutboxEventType)) {
      const event = new OutboxEvent(type, { id: 'structure-id' }, {
        referralId: 'r', followUpId: 'f', appointmentId: 'a', caseNoteId: 'c', placementId: 'p', consentId: 'k', rightStepId: 's',
        fromStructureId: 'from', toStructureId: 'to', structureId: 'x', recipientId: 'y', serviceId: 'z', motive: 'text', kind: 'RSA', status: 'PENDING',
      });
      event.personId = 'person';
      event.domain = DataDomain.SOCIAL;
      const message = eventMessage(event);
      const about = EVENT_RECORDS[type];
      const expectedKeys = ['domain', 'eventId', 'personId', 'status', ...(about === 'PERSON' ? [] : [about.idKey])].sort();
      expect({ type, keys: Object.keys(message.data).sort() }).toEqual({ type, keys: expectedKeys });
      expect(JSON.stringify(message)).not.toMatch(/from|"to"|structure-id|recipient|text|RSA/);
    }
  });
});
