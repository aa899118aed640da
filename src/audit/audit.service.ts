import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataDomain } from '../policy/data-domain';
import type { RequestContext } from '../context/request-context';
import { appendOnCommit } from '../context/transaction';
import type { EntityRef } from '../shared/base.entity';
import { executePrepared } from '../shared/prepared';
import { AuditEntry, AuditKind } from './audit-entry.entity';

function entry(em: EntityManager, ctx: RequestContext, kind: AuditKind): AuditEntry {
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
  em: EntityManager,
  ctx: RequestContext,
  write: { personId: string | null; domains: DataDomain[]; action: string; ids?: Record<string, string> },
): void {
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
  const audit = entry(ctx.em, ctx, AuditKind.READ);
  audit.domains = [...read.domains].sort();
  audit.operation = ctx.operationName;
  audit.detail = { action: read.action, ...read.detail };
  await ctx.em.insert(audit);
}

/** A PostgreSQL array literal of simple values (UUIDs, comma-joined enum names). */
function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}

/**
 * Writes the request's reads of person data: one entry per person, in one INSERT
 * whatever the number of persons (arrays unnested by PostgreSQL).
 */
export async function flushReadAudit(ctx: RequestContext): Promise<number> {
  const reads = ctx.readAudit.entries();
  if (reads.length === 0) return 0;
  const { viewer } = ctx;
  await executePrepared(
    ctx.em,
    `insert into audit_entry (account_id, structure_id, role, client, kind, operation, request_id, person_id, domains)
     select ?, ?, ?, ?, ?, ?, ?, r.person_id, coalesce(string_to_array(nullif(r.domains, ''), ','), '{}')
     from unnest(?::uuid[], ?::text[]) as r(person_id, domains)`,
    [
      viewer.accountId,
      viewer.structureId,
      viewer.role,
      viewer.clientKind,
      AuditKind.READ,
      ctx.operationName,
      ctx.requestId,
      arrayLiteral(reads.map((read) => read.personId)),
      arrayLiteral(reads.map((read) => read.domains.join(','))),
    ],
  );
  return reads.length;
}
