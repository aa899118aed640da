import { randomUUID } from 'node:crypto';
import type { DataDomain } from '../policy/data-domain';
import type { RequestContext } from '../context/request-context';
import { appendOnCommit } from '../context/transaction';
import { OutboxEvent, type OutboxEventType } from './outbox-event.entity';

/**
 * Records a state change in the outbox with the transaction's EntityManager: the event
 * commits with the change or not at all. Events are only inserted here (the relay marks
 * them published later), so the event is a plain row inserted at commit (appendOnCommit).
 */
export function recordEvent(
  ctx: RequestContext,
  type: OutboxEventType,
  event: { personId: string | null; domain: DataDomain | null; payload: Record<string, string | number | boolean | null> },
): void {
  const { em } = ctx;
  appendOnCommit(em, OutboxEvent, {
    id: randomUUID(),
    occurredAt: new Date(),
    type,
    personId: event.personId,
    structure: ctx.viewer.structureId,
    domain: event.domain,
    payload: event.payload,
    publishedAt: null,
  });
}
