import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A verified message, as the receiver answered it. */
export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
  status: number;
}

/** Any attempt, verified or not. */
export interface Attempt {
  id: string;
  status: number;
}

/**
 * A partner's receiver on 127.0.0.1: verifies every signature (Standard Webhooks), answers as
 * told (by default 204, or 503 while `down`), holds each answer a little so that a second attempt
 * at the same delivery would overlap, and notes overlapping attempts and bad signatures.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly attempts: Attempt[] = [];
  readonly overlapping: string[] = [];
  readonly badSignatures: string[] = [];
  down = false;
  secret = '';
  private readonly inFlight = new Set<string>();
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      if (this.inFlight.has(id)) this.overlapping.push(id);
      this.inFlight.add(id);
      let message: { type: string; data: Record<string, unknown> } | null = null;
      try {
        message = new Webhook(this.secret).verify(Buffer.concat(chunks).toString('utf8'), request.headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        };
      } catch {
        this.badSignatures.push(id);
      }
      const status = this.answer(id, this.attempts);
      this.attempts.push({ id, status });
      setTimeout(() => {
        this.inFlight.delete(id);
        if (message) this.received.push({ id, type: message.type, data: message.data, status });
        response.statusCode = status;
        response.end();
      }, this.holdMs);
    });
  });

  /** @param answer the status of an attempt, given the attempts before it */
  constructor(
    private readonly answer: (id: string, before: readonly Attempt[]) => number = () => (this.down ? 503 : 204),
    private readonly holdMs = 50,
  ) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/passerelle/events`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The verified messages answered 204, those the predicate keeps. */
  delivered(predicate: (received: Received) => boolean = () => true): Received[] {
    return this.received.filter((received) => received.status === 204 && predicate(received));
  }
}

/** Polls until the probe answers something, or fails after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
