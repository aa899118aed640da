import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import type { DataDomain } from '../policy/data-domain';
import type { RequestContext } from '../server/context';
import { Structure } from '../structures/structure.entity';
import { AuditEntry, AuditKind } from './audit-entry.entity';

function entry(em: EntityManager, ctx: RequestContext, kind: AuditKind): AuditEntry {
  return new AuditEntry(
    {
      account: em.getReference(Account, ctx.viewer.accountId),
      structure: em.getReference(Structure, ctx.viewer.structureId),
      role: ctx.viewer.role,
      client: ctx.viewer.clientKind,
    },
    kind,
    ctx.requestId,
  );
}

/**
 * Writes an audit entry for a write, with the transaction's EntityManager: the entry
 * commits with the write or not at all.
 */
export function auditWrite(
  em: EntityManager,
  ctx: RequestContext,
  write: { personId: string | null; domains: DataDomain[]; action: string; ids?: Record<string, string> },
): void {
  const audit = entry(em, ctx, AuditKind.WRITE);
  audit.personId = write.personId;
  audit.domains = [...write.domains].sort();
  audit.operation = ctx.operationName;
  audit.detail = { action: write.action, ...(write.ids ? { ids: write.ids } : {}) };
  em.persist(audit);
}

/** Writes the request's reads of person data: one entry per person, one INSERT for all. */
export async function flushReadAudit(ctx: RequestContext): Promise<number> {
  const reads = ctx.readAudit.entries();
  if (reads.length === 0) return 0;
  const em = ctx.em.fork();
  const rows = reads.map(({ personId, domains }) => {
    const audit = entry(em, ctx, AuditKind.READ);
    audit.personId = personId;
    audit.domains = domains;
    audit.operation = ctx.operationName;
    return audit;
  });
  await em.insertMany(AuditEntry, rows);
  return rows.length;
}
