import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { signDevToken } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config/env';
import { freePort } from '../../src/config/free-port';
import { finished, startTs, waitForLine } from '../support/processes';
import { createTestDatabase } from '../support/test-app';

/** An OTLP/HTTP receiver: keeps every body posted to it. */
async function startReceiver(): Promise<{ url: string; bodies: string[]; paths: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: OtlpValue }[];
  events?: { name: string; attributes?: { key: string; value: OtlpValue }[] }[];
}
interface ReceivedSpan {
  scope: string;
  service: string;
  span: OtlpSpan;
  attributes: Record<string, unknown>;
}

function plain(value: OtlpValue): unknown {
  if (value.arrayValue) return value.arrayValue.values.map(plain);
  return value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
}

function spansOf(bodies: string[]): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const body of bodies) {
    const request = JSON.parse(body) as {
      resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { scope: { name: string }; spans: OtlpSpan[] }[] }[];
    };
    for (const resourceSpans of request.resourceSpans) {
      const service = String(plain(resourceSpans.resource.attributes.find((attribute) => attribute.key === 'service.name')!.value));
      for (const scopeSpans of resourceSpans.scopeSpans) {
        for (const span of scopeSpans.spans) {
          const attributes = Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, plain(attribute.value)]));
          spans.push({ scope: scopeSpans.scope.name, service, span, attributes });
        }
      }
    }
  }
  return spans;
}

interface Identified {
  id: string;
  identity: { firstName: string; lastName: string; birthDate: string | null } | null;
}

/** A person registered during the test: every value unusual enough to be found if it leaked. */
const NEWCOMER = {
  firstName: 'Zéphyrine',
  lastName: `Traçabilité${randomBytes(3).toString('hex')}`,
  birthDate: '1987-06-05',
  expectedReleaseDate: '2027-01-01',
  offence: 'Infraction confidentielle',
  prisonNumber: '7777-JT',
};

const REGISTER = `mutation RegisterTraced($input: RegisterPersonInput!) { registerPerson(input: $input) { id identity { lastName } } }`;

const PERSONS = `query TracedPersons($search: String) {
  persons(first: 5, search: $search) { edges { node { id identity { firstName lastName birthDate } } } }
}`;

describe('OpenTelemetry traces', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; login: string }>(`select id, login from account where login = 'cpip.grenoble'`);
      token = await signDevToken(loadConfig({ NODE_ENV: 'test' }).jwt, rows[0]);
    } finally {
      await db.end();
    }
  });

  afterAll(async () => {
    await database.drop();
  });

  /** Starts the API (npm start's entry point), runs `exercise` against it, stops it with SIGTERM. */
  async function withServer(env: Record<string, string | undefined>, exercise: (url: string) => Promise<void>): Promise<string> {
    const port = await freePort();
    const server = startTs('src/main.ts', [], { DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', JOBS_ENABLED: 'false', ...env });
    const exit = finished(server);
    try {
      await waitForLine(server, /Passerelle listening/);
      await exercise(`http://127.0.0.1:${port}`);
    } finally {
      server.kill('SIGTERM');
    }
    const { code, stdout, stderr } = await exit;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    return stdout;
  }

  it('continue the caller trace through HTTP, GraphQL and PostgreSQL, with no person data and no token', async () => {
    const receiver = await startReceiver();
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const traceparent = `00-${traceId}-${callerSpanId}-01`;
    let requestId = '';
    const answers: string[] = [];
    let person: Identified | undefined;
    try {
      const stdout = await withServer({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }, async (url) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent },
          body: JSON.stringify({ query: PERSONS, variables: {} }),
        });
        expect(response.status).toBe(200);
        requestId = response.headers.get('x-request-id')!;
        const page = (await response.json()) as { data: { persons: { edges: { node: Identified }[] } } };
        answers.push(JSON.stringify(page));
        person = page.data.persons.edges.map((edge) => edge.node).find((node) => node.identity?.birthDate && node.identity.lastName.length >= 4);
        expect(person).toBeDefined();
        // A name search as a GET query: its variables travel in the query string, and reach the SQL text.
        const search = await fetch(`${url}/graphql?query=${encodeURIComponent(PERSONS)}&variables=${encodeURIComponent(JSON.stringify({ search: person!.identity!.lastName }))}`, {
          headers: { authorization: `Bearer ${token}`, traceparent },
        });
        answers.push(await search.text());
        expect(search.status).toBe(200);
        // An inline literal, not a variable: the GraphQL source holds it.
        const byId = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent },
          body: JSON.stringify({ query: `{ person(id: "${person!.id}") { identity { firstName lastName birthDate } } }` }),
        });
        answers.push(await byId.text());
        // A mutation with an input object runs on graphql-js (traced by the instrumentation);
        // MikroORM writes the values into its INSERT statements.
        const registered = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent },
          body: JSON.stringify({ query: REGISTER, variables: { input: NEWCOMER } }),
        });
        const answer = await registered.text();
        expect(answer).toContain(NEWCOMER.lastName);
        answers.push(answer);
      });
      // The persons are in the answers (the search found its person), so a leak would show.
      for (const answer of answers.slice(1, 3)) expect(answer).toContain(person!.identity!.lastName);
      expect(stdout).toContain('OpenTelemetry traces on');

      // Flushed at shutdown (SIGTERM), posted as OTLP/HTTP JSON.
      expect(receiver.paths.length).toBeGreaterThan(0);
      expect(new Set(receiver.paths)).toEqual(new Set(['POST /v1/traces application/json']));
      const spans = spansOf(receiver.bodies);
      const traced = spans.filter((received) => received.span.traceId === traceId);
      const scopes = new Set(traced.map((received) => received.scope));
      expect(scopes).toEqual(
        expect.objectContaining(new Set(['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-graphql', '@opentelemetry/instrumentation-pg'])) as unknown as Set<string>,
      );
      for (const scope of ['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-express', '@opentelemetry/instrumentation-graphql', 'passerelle-graphql-jit', '@opentelemetry/instrumentation-pg']) {
        expect([scope, traced.some((received) => received.scope === scope)]).toEqual([scope, true]);
      }
      expect(new Set(traced.map((received) => received.service))).toEqual(new Set(['passerelle']));

      // The HTTP server spans are children of the caller's span, and carry the server's request id.
      const httpSpans = traced.filter((received) => received.scope === '@opentelemetry/instrumentation-http');
      expect(httpSpans).toHaveLength(4);
      for (const received of httpSpans) expect(received.span.parentSpanId).toBe(callerSpanId);
      expect(httpSpans.map((received) => received.attributes['passerelle.request_id'])).toContain(requestId);
      // The compiled operation is named, with its type; its queries are its children.
      const execute = traced.find((received) => received.scope === 'passerelle-graphql-jit' && received.attributes['graphql.operation.name'] === 'TracedPersons')!;
      expect(execute.span.name).toBe('query TracedPersons');
      expect(execute.attributes['graphql.operation.type']).toBe('query');
      const queries = traced.filter((received) => received.span.parentSpanId === execute.span.spanId && received.scope === '@opentelemetry/instrumentation-pg');
      expect(queries.length).toBeGreaterThan(0);
      // The name search's statement is there, without the name.
      const statements = traced.map((received) => String(received.attributes['db.statement'] ?? received.attributes['db.query.text'] ?? ''));
      expect(statements.some((statement) => /\blike\b/i.test(statement))).toBe(true);
      // graphql-js's execute span for the mutation, with its resolver.
      const mutation = traced.find((received) => received.span.name === 'mutation RegisterTraced')!;
      expect(mutation.scope).toBe('@opentelemetry/instrumentation-graphql');
      expect(traced.some((received) => received.span.parentSpanId === mutation.span.spanId && received.attributes['graphql.field.name'] === 'registerPerson')).toBe(true);
      expect(statements.some((statement) => /^insert into "person_identity"/.test(statement))).toBe(true);
      // The parse and validate spans of graphql-js.
      expect(traced.some((received) => received.span.name === 'graphql.parse')).toBe(true);
      expect(traced.some((received) => received.span.name === 'graphql.validate')).toBe(true);

      // No person data, no token, no query string, no header, anywhere in what left the process.
      const everything = receiver.bodies.join('\n');
      const identities = JSON.parse(answers[0]) as { data: { persons: { edges: { node: Identified }[] } } };
      const personData = identities.data.persons.edges.flatMap(({ node }) =>
        [node.id, node.identity?.firstName, node.identity?.lastName, node.identity?.birthDate].filter((value): value is string => Boolean(value)),
      );
      personData.push(...Object.values(NEWCOMER), (JSON.parse(answers[3]) as { data: { registerPerson: { id: string } } }).data.registerPerson.id);
      expect(personData.length).toBeGreaterThan(3);
      for (const secret of [...personData, token, token.split('.')[2], 'Bearer', 'http.request.header', 'variables=']) {
        expect([secret, everything.includes(secret)]).toEqual([secret, false]);
      }
      // The trace id is in the logs of the request.
      expect(stdout).toMatch(new RegExp(`"trace_id":"${traceId}"[^\\n]*"msg":"graphql request"`));
    } finally {
      await receiver.close();
    }
  });

  it('are off without OTEL_EXPORTER_OTLP_ENDPOINT: nothing reaches the receiver', async () => {
    const receiver = await startReceiver();
    try {
      const stdout = await withServer({ OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined }, async (url) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` },
          body: JSON.stringify({ query: PERSONS, variables: {} }),
        });
        expect(response.status).toBe(200);
      });
      expect(stdout).not.toContain('OpenTelemetry traces on');
      expect(stdout).not.toContain('trace_id');
      expect(receiver.paths).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
