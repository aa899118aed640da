import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type ReadableSpan,
  type Sampler,
  type SpanExporter,
  type TimedEvent,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from '../config/env';
import { rememberRequestSpan } from './request-span';
import { sqlWithoutValues } from './sql-text';

/** Paths whose requests are not traced: probes and scrapes (as in the access logs). */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The only attributes a span leaves with; any other is dropped before export. The records are
 * person data: no header (Authorization), no query string (a GET query's variables), no client
 * address or user agent, no GraphQL source (its comments are the client's free text), no SQL
 * value, no exception message (PostgreSQL and graphql-js quote the values they refuse).
 */
const KEPT = new Set([
  // HTTP, server and client (the old and the stable semantic conventions)
  'http.method',
  'http.request.method',
  'http.request.method_original',
  'http.status_code',
  'http.response.status_code',
  'http.route',
  'http.scheme',
  'http.flavor',
  'http.target',
  'http.url',
  'url.full',
  'url.path',
  'url.scheme',
  'http.host',
  'net.host.name',
  'net.host.port',
  'net.peer.name',
  'net.peer.port',
  'net.transport',
  'server.address',
  'server.port',
  'network.protocol.name',
  'network.protocol.version',
  'network.transport',
  'http.request_content_length_uncompressed',
  'http.response_content_length_uncompressed',
  'http.response_content_length',
  'error.type',
  // Express
  'express.name',
  'express.type',
  // GraphQL: the operation and the fields, never values
  'graphql.operation.name',
  'graphql.operation.type',
  'graphql.field.name',
  'graphql.field.path',
  'graphql.field.type',
  'graphql.parent.name',
  // PostgreSQL: the statement without its values
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.user',
  'db.connection_string',
  'db.statement',
  'db.query.text',
  'db.operation',
  'db.operation.name',
  'db.postgresql.idle.timeout.millis',
  'db.postgresql.max.client',
  'db.client.connection.pool.name',
  'db.client.connection.state',
  // Ours
  'passerelle.request_id',
  'passerelle.job',
  'graphql.executor',
]);
const URL_KEYS = new Set(['http.url', 'url.full', 'db.connection_string']);
const TARGET_KEYS = new Set(['http.target', 'url.path']);
const SQL_KEYS = new Set(['db.statement', 'db.query.text']);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A path without ids (a person's export: /exports/persons/:id/record.json), query string or fragment. */
function barePath(value: string): string {
  return value.split(/[?#]/)[0].replace(UUID, ':id');
}

/** An absolute URL without its credentials, ids, query string and fragment; null when it does not parse. */
function bareUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${barePath(url.pathname)}`;
  } catch {
    return null;
  }
}

function keptAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!KEPT.has(key) || value === undefined) continue;
    let clean: AttributeValue | null = value;
    if (typeof value === 'string') {
      if (URL_KEYS.has(key)) clean = bareUrl(value);
      else if (TARGET_KEYS.has(key)) clean = barePath(value);
      else if (SQL_KEYS.has(key)) clean = sqlWithoutValues(value);
    } else if (URL_KEYS.has(key) || TARGET_KEYS.has(key) || SQL_KEYS.has(key)) {
      clean = null;
    }
    if (clean !== null) kept[key] = clean;
  }
  return kept;
}

/** An exception keeps its type; other events their name alone. */
function keptEvent(event: TimedEvent): TimedEvent {
  const type = event.attributes?.['exception.type'];
  return {
    name: event.name,
    time: event.time,
    attributes: event.name === 'exception' && typeof type === 'string' ? { 'exception.type': type } : {},
    droppedAttributesCount: 0,
  };
}

/** A span as exported: the kept attributes, no status message (it is the error's message). */
export function privateSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: keptAttributes(span.attributes),
    links: span.links.map((link) => ({ context: link.context })),
    events: span.events.map(keptEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: 0,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Passes spans on to the OTLP exporter once made private: whatever an instrumentation records, only this leaves. */
class PrivateSpanExporter implements SpanExporter {
  constructor(private readonly next: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.next.export(spans.map(privateSpan), done);
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush?.() ?? Promise.resolve();
  }
}

function samplerFor({ root, parentBased, ratio }: TracingConfig['sampler']): Sampler {
  const base = root === 'always_on' ? new AlwaysOnSampler() : root === 'always_off' ? new AlwaysOffSampler() : new TraceIdRatioBasedSampler(ratio);
  return parentBased ? new ParentBasedSampler({ root: base }) : base;
}

export interface SdkHandle {
  shutdown(): Promise<void>;
}

/**
 * The tracer provider (batched OTLP/HTTP JSON export, W3C trace context), and the instrumentations
 * of http, express, graphql and pg: to be called before any of those is loaded.
 */
export function startSdk(config: TracingConfig, serviceName: string): SdkHandle {
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector] }))
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
    sampler: samplerFor(config.sampler),
    spanProcessors: [new BatchSpanProcessor(new PrivateSpanExporter(new OTLPTraceExporter({ url: config.tracesUrl })))],
  });
  // The default context manager (AsyncLocalStorage) and propagator (W3C trace context and baggage):
  // an incoming `traceparent` continues the caller's trace.
  provider.register();
  const disable = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0]),
        // Outgoing requests go to partners (webhooks) and identity providers: no span, and above
        // all no traceparent or baggage header telling them our trace ids.
        disableOutgoingRequestInstrumentation: true,
        // Headers are never recorded (the default); the query string is dropped at export.
        headersToSpanAttributes: { client: {}, server: {} },
        requestHook: (span, request) => {
          // Incoming requests (not ClientRequest): the server's request id is added by the app.
          if (typeof (request as { setHeader?: unknown }).setHeader !== 'function') rememberRequestSpan(request, span);
        },
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true, depth: 2 }),
      // Only queries inside a traced operation (a request, a job): not the job queue's polling.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, addSqlCommenterCommentToQueries: false }),
    ],
  });
  return {
    async shutdown() {
      disable();
      await provider.shutdown();
    },
  };
}
