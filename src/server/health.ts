import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

const READINESS_TIMEOUT_MS = 2000;

/** Liveness: the process answers. */
export function liveness(_req: Request, res: Response): void {
  res.status(200).json({ status: 'ok' });
}

/**
 * Readiness: 200 only when the database answers within two seconds; 503 otherwise, and 503
 * from the moment the node starts draining (SIGTERM), so that a load balancer takes it out
 * before it stops accepting.
 */
export function readiness(orm: MikroORM, draining: () => boolean) {
  return async (_req: Request, res: Response): Promise<void> => {
    if (draining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ ok: false; reason: string }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), READINESS_TIMEOUT_MS);
    });
    try {
      const check = await Promise.race([
        orm.checkConnection().catch(() => ({ ok: false as const, reason: 'error' })),
        timeout,
      ]);
      if (check.ok) {
        res.status(200).json({ status: 'ready', database: 'up' });
      } else {
        res.status(503).json({ status: 'unavailable', database: 'down' });
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
