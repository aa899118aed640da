import pino, { type Logger } from 'pino';

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
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
