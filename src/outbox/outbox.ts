import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataDomain } from '../policy/data-domain';
import type { RequestContext } from '../context/request-context';
import type { EntityRef } from '../shared/base.entity';
import { OutboxEvent, type OutboxEventType } from './outbox-event.entity';

/**
 * Records a state change in the outbox with the transaction's EntityManager: the event
 * commits with the change or not at all.
 */
export function recordEvent(
  em: EntityManager,
  ctx: RequestContext,
  type: OutboxEventType,
  event: { personId: string | null; domain: DataDomain | null; payload: Record<string, string | number | boolean | null> },
): void {
  const created = new OutboxEvent(type, em.getReference<EntityRef>('Structure', ctx.viewer.structureId), event.payload);
  created.personId = event.personId;
  created.domain = event.domain;
  em.persist(created);
}
