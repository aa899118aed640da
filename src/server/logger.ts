import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

/** The trace a line belongs to, when tracing is on and the line is written within one (no-op otherwise). */
function traceIds(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

/**
 * JSON logs; tokens and cookies never reach them. Written asynchronously: a line waits for no
 * system call, and lines logged while a write is under way leave together (one write for many
 * under load, at once when idle). What is still buffered is written before the process exits.
 */
export function createLogger(level: string): Logger {
  if (level === 'silent') return pino({ level });
  const destination = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Nothing buffered, or stdout already closed.
    }
  });
  return pino(
    {
      level,
      base: { service: 'passerelle' },
      mixin: traceIds,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
