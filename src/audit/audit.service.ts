import { randomUUID } from 'node:crypto';
import type { DataDomain } from '../policy/data-domain';
import type { RequestContext } from '../context/request-context';
import { appendOnCommit } from '../context/transaction';
import type { EntityRef } from '../shared/base.entity';
import { AuditEntry, AuditKind } from './audit-entry.entity';
import type { RequestReads } from './read-audit-writer';

function entry(ctx: RequestContext, kind: AuditKind): AuditEntry {
  const { em } = ctx;
  return new AuditEntry(
    {
      account: em.getReference<EntityRef>('Account', ctx.viewer.accountId),
      structure: em.getReference<EntityRef>('Structure', ctx.viewer.structureId),
      role: ctx.viewer.role,
      client: ctx.viewer.clientKind,
    },
    kind,
    ctx.requestId,
  );
}

/**
 * Writes an audit entry for a write, with the transaction's EntityManager: the entry
 * commits with the write or not at all. The log is append-only, so the entry is a plain
 * row inserted at commit (appendOnCommit), not an entity the unit of work tracks.
 */
export function auditWrite(
  ctx: RequestContext,
  write: { personId: string | null; domains: DataDomain[]; action: string; ids?: Record<string, string> },
): void {
  const { em } = ctx;
  const { viewer } = ctx;
  appendOnCommit(em, AuditEntry, {
    id: randomUUID(),
    at: new Date(),
    account: viewer.accountId,
    structure: viewer.structureId,
    role: viewer.role,
    client: viewer.clientKind,
    kind: AuditKind.WRITE,
    operation: ctx.operationName,
    personId: write.personId,
    domains: [...write.domains].sort(),
    requestId: ctx.requestId,
    detail: { action: write.action, ...(write.ids ? { ids: write.ids } : {}) },
  });
}

/**
 * Writes a read of person data that names no person (an aggregate: the domains it draws
 * on) at once, on the request's EntityManager.
 */
export async function auditAggregateRead(
  ctx: RequestContext,
  read: { domains: DataDomain[]; action: string; detail: Record<string, string> },
): Promise<void> {
  const audit = entry(ctx, AuditKind.READ);
  audit.domains = [...read.domains].sort();
  audit.operation = ctx.operationName;
  audit.detail = { action: read.action, ...read.detail };
  await ctx.em.insert(audit);
}

/**
 * Writes a read of one person's record that the request's row of reads does not tell by itself
 * (an export of the record: its format, the domains it holds) at once, on the request's
 * EntityManager: committed before the answer leaves.
 */
export async function auditPersonRead(
  ctx: RequestContext,
  read: { personId: string; domains: DataDomain[]; action: string; detail: Record<string, string> },
): Promise<void> {
  const audit = entry(ctx, AuditKind.READ);
  audit.personId = read.personId;
  audit.domains = [...read.domains].sort();
  audit.operation = ctx.operationName;
  audit.detail = { action: read.action, ...read.detail };
  await ctx.em.insert(audit);
}

/** What the request has read of person data, for the audit log (written by a ReadAuditWriter). */
export function readsOf(ctx: RequestContext): RequestReads {
  const { viewer } = ctx;
  return {
    accountId: viewer.accountId,
    structureId: viewer.structureId,
    role: viewer.role,
    client: viewer.clientKind,
    operation: ctx.operationName,
    requestId: ctx.requestId,
    reads: ctx.readAudit.entries(),
  };
}
