import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { ACCESS_LOG_RECORD } from '../policy/record-kinds';
import type { RequestContext } from '../context/request-context';
import { parseId } from '../shared/ids';
import { AccessLogEntry } from '../audit/access-log-entry.entity';
import { AccessLogEntryView } from './access-log.type';

const ACCESS_LOG_LIMIT = 1000;

/** Who read or wrote a person's record: for structures holding a full mandate, to answer a person's request. */
export class AccessLogService {
  /**
   * The latest accesses to a person's record that the viewer sees (an access-log entry is a
   * record: policy/record-kinds.ts). An access by a CSAPA, or to health domains, tells of care;
   * the operation name, chosen by the client, is shown only to the structure that sent it.
   */
  async of(ctx: RequestContext, id: string): Promise<AccessLogEntryView[]> {
    assertAllowed(ctx.viewer, Permission.ACCESS_LOG_READ);
    const personId = parseId(id, 'personId');
    await ctx.access.assertFullMandate(personId, 'Reading the access log');
    const entries = await ctx.em.find(
      AccessLogEntry,
      { personId, personIds: { $contains: [personId] } },
      { orderBy: { at: 'desc', id: 'desc' }, limit: ACCESS_LOG_LIMIT },
    );
    ctx.readAudit.touch(personId);
    const shown = await ctx.access.keep(ACCESS_LOG_RECORD, entries);
    return shown.map(({ record }) => AccessLogEntryView.from(record, ctx.viewer.structureId));
  }
}

export const accessLogService = new AccessLogService();
