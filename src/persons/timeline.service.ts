import type { RequestContext } from '../context/request-context';
import type { DataDomain } from '../policy/data-domain';
import { TIMELINE_ENTRY_RECORD } from '../policy/record-kinds';
import type { RecordDeclaration } from '../policy/records';
import { BadUserInputError } from '../shared/errors';
import { KeysetEdge, PageInfoView, decodeCursor } from '../shared/pagination';
import { TIMELINE_AUDIT_KINDS, type TimelineConnectionView, TimelineEntryView } from './lifecycle.type';

/** The list a timeline cursor belongs to (sealed in it). */
export const TIMELINE_LIST = 'timeline';

/**
 * A person's timeline: what happened to the record and which structure did it, from the
 * outbox (events) and the audit log (writes that leave no event), through the view
 * timeline_entry. Each entry is a record of kind TIMELINE_ENTRY: the policy engine decides,
 * in the query, whether the viewer sees it and may be told who did it.
 */
export class TimelineService {
  async of(ctx: RequestContext, personId: string, first: number, after: string | null): Promise<TimelineConnectionView> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
    const position = after ? decodeCursor(after, TIMELINE_LIST) : null;
    const { shown, hasNextPage } = await ctx.access.visibleRecordPage(TIMELINE_ENTRY_RECORD as RecordDeclaration<never>, personId, {
      first,
      after: position ? { at: position.createdAt, id: position.id } : null,
      keyColumn: 'r.at',
    });
    const edges = shown.map(({ row, actorShown }) => {
      const action = row.kind as string;
      const entry = Object.assign(new TimelineEntryView(), {
        id: row.id as string,
        at: new Date(row.at as string),
        kind: row.source === 'AUDIT' ? TIMELINE_AUDIT_KINDS[action as keyof typeof TIMELINE_AUDIT_KINDS] : action,
        domains: row.domains as DataDomain[],
        status: (row.status as string | null) ?? null,
        actorId: actorShown ? (row.actor_id as string) : null,
      });
      return new KeysetEdge(entry, { createdAt: row.cursor_at__ as string, id: entry.id }, TIMELINE_LIST);
    });
    return { edges, pageInfo: PageInfoView.of(edges, hasNextPage, after) };
  }
}

export const timelineService = new TimelineService();
