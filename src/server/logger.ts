import pino, { type Logger } from 'pino';

/** JSON logs; tokens and cookies never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'passerelle' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
