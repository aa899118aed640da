import type { Attributes, Span } from '@opentelemetry/api';

/** The HTTP server span of each traced request (set by the http instrumentation's hook). */
const spans = new WeakMap<object, Span>();

export function rememberRequestSpan(request: object, span: Span): void {
  spans.set(request, span);
}

/** Adds attributes to the request's HTTP server span; nothing when the request is not traced (tracing off). */
export function annotateRequestSpan(request: object, attributes: Attributes): void {
  spans.get(request)?.setAttributes(attributes);
}
