import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { privateSpan } from '../../src/observability/sdk';

const PERSON_ID = '8d1c0b7e-3a7e-4c2b-9d0e-1a2b3c4d5e6f';

function span(attributes: ReadableSpan['attributes'], extra: Partial<ReadableSpan> = {}): ReadableSpan {
  return {
    name: 'GET /exports/persons/:id/record.json',
    kind: SpanKind.SERVER,
    spanContext: () => ({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }),
    startTime: [0, 0],
    endTime: [0, 1],
    status: { code: SpanStatusCode.UNSET },
    attributes,
    links: [],
    events: [],
    duration: [0, 1],
    ended: true,
    resource: resourceFromAttributes({ 'service.name': 'passerelle' }),
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...extra,
  };
}

describe('privateSpan: what a span may carry out of the process', () => {
  it('keeps the allowed attributes, without ids, query strings, headers, addresses or values', () => {
    const exported = privateSpan(
      span({
        'http.request.method': 'GET',
        'http.route': '/exports/persons/:id/record.json',
        'url.path': `/exports/persons/${PERSON_ID}/record.json`,
        'http.target': `/graphql?query=%7Bme%7D&variables=%7B%22search%22%3A%22Dupont%22%7D`,
        'http.url': `https://user:secret@partner.example.fr/hook/${PERSON_ID}?token=abc`,
        'url.query': 'token=abc',
        'http.request.header.authorization': ['Bearer abc'],
        'client.address': '203.0.113.9',
        'user_agent.original': 'Mozilla/5.0',
        'graphql.source': 'query { persons(search: "Dupont") { id } } # Jean Dupont',
        'db.statement': `select * from person_identity where last_name = 'Dupont' and person_id = '${PERSON_ID}'`,
        'db.query.text': `select 'unterminated`,
        'passerelle.request_id': 'c0ffee00-0000-4000-8000-000000000000',
      }),
    );
    expect(exported.attributes).toEqual({
      'http.request.method': 'GET',
      'http.route': '/exports/persons/:id/record.json',
      'url.path': '/exports/persons/:id/record.json',
      'http.target': '/graphql',
      'http.url': 'https://partner.example.fr/hook/:id',
      'db.statement': 'select * from person_identity where last_name = ? and person_id = ?',
      'passerelle.request_id': 'c0ffee00-0000-4000-8000-000000000000',
    });
  });

  it('keeps an exception by its type, and no status message', () => {
    const exported = privateSpan(
      span(
        {},
        {
          status: { code: SpanStatusCode.ERROR, message: 'invalid input syntax for type uuid: "Jean Dupont"' },
          events: [
            {
              name: 'exception',
              time: [0, 0],
              attributes: { 'exception.type': 'DatabaseError', 'exception.message': 'invalid input syntax for type uuid: "Jean Dupont"', 'exception.stacktrace': 'at ...' },
            },
          ],
        },
      ),
    );
    expect(exported.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported.events).toEqual([{ name: 'exception', time: [0, 0], attributes: { 'exception.type': 'DatabaseError' }, droppedAttributesCount: 0 }]);
    expect(exported.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });
});
