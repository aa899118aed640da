import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../context/request-context';
import { keepWhere } from '../shared/filter';
import { parseId } from '../shared/ids';
import { StructureKind } from '../shared/structure-kind';
import { AuditEntry } from '../audit/audit-entry.entity';
import { structureLoaders } from '../structures/structure.loaders';
import { AccessLogEntryView } from './access-log.type';

const ACCESS_LOG_LIMIT = 1000;

/** Who read or wrote a person's record: for structures holding a full mandate, to answer a person's request. */
export class AccessLogService {
  /**
   * The latest accesses to a person's record. An access by a CSAPA, or to health
   * domains, tells of care: it shows only to viewers who read HEALTH_SUMMARY.
   */
  async of(ctx: RequestContext, id: string): Promise<AccessLogEntryView[]> {
    assertAllowed(ctx.viewer, Permission.ACCESS_LOG_READ);
    const personId = parseId(id, 'personId');
    await ctx.access.assertFullMandate(personId, 'Reading the access log');
    const entries = await ctx.em.find(AuditEntry, { personId }, { orderBy: { at: 'desc', id: 'desc' }, limit: ACCESS_LOG_LIMIT });
    const seesHealth = await ctx.access.canRead(personId, DataDomain.HEALTH_SUMMARY);
    ctx.readAudit.touch(personId);
    const shown = await keepWhere(entries, async (entry) => {
      if (seesHealth || entry.structure.id === ctx.viewer.structureId) return true;
      const structure = await structureLoaders(ctx).structureById.load(entry.structure.id);
      const tellsCare =
        structure?.kind === StructureKind.CSAPA ||
        entry.domains.includes(DataDomain.HEALTH) ||
        entry.domains.includes(DataDomain.HEALTH_SUMMARY);
      return !tellsCare;
    });
    return shown.map(AccessLogEntryView.from);
  }
}

export const accessLogService = new AccessLogService();
