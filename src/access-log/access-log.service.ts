import { assertAllowed } from '../policy/authz';
import { type Connection, ListEdge, type PageArgs, positionOf } from '../shared/connection';
import { PageInfoView } from '../shared/pagination';
import type { RecordDeclaration } from '../policy/records';
import { Permission } from '../policy/permissions';
import { ACCESS_LOG_RECORD } from '../policy/record-kinds';
import type { RequestContext } from '../context/request-context';
import { parseId } from '../shared/ids';
import { AccessLogEntry } from '../audit/access-log-entry.entity';
import type { StructureKind } from '../shared/structure-kind';
import { structureService } from '../structures/structure.service';
import { AccessLogEntryView } from './access-log.type';

const ACCESS_LOG_LIMIT = 1000;

/** The list an access-log cursor belongs to (sealed in it). */
const ACCESS_LOG_LIST = 'accessLog';

/** The days are French calendar days: the person reads them as such. */
const ACCESS_DAY_TIME_ZONE = 'Europe/Paris';

/**
 * The accesses to one person's record, counted by structure, the domains they named and day:
 * the facts the record decision of an access-log entry needs are its person, its structure and
 * its domains (ACCESS_LOG_RECORD), so each group is decided as its entries would be, and the
 * whole log is counted without loading it.
 */
/** The accesses of a person's log by structure and day, over the entries `r` the viewer sees. */
const ACCESS_DAYS = `r.structure_id, to_char(r.at at time zone '${ACCESS_DAY_TIME_ZONE}', 'YYYY-MM-DD') as day,
    count(*)::int as count, min(r.at) as first_at, max(r.at) as last_at`;

interface AccessDayRow {
  structure_id: string;
  day: string;
  count: number;
  first_at: Date;
  last_at: Date;
}

/** One structure's accesses to a person's record: no account, no worker, no operation. */
export interface StructureAccesses {
  structure: { name: string; kind: StructureKind };
  /** Accesses (reads and writes, one per request). */
  count: number;
  firstAt: Date;
  lastAt: Date;
  /** Calendar days (Europe/Paris) with accesses, in order. */
  days: { date: string; count: number }[];
}

/** Who read or wrote a person's record: for structures holding a full mandate, to answer a person's request. */
export class AccessLogService {
  /**
   * The latest accesses to a person's record that the viewer sees (an access-log entry is a
   * record: policy/record-kinds.ts), at most a thousand. An access by a CSAPA, or to health
   * domains, tells of care; the operation name, chosen by the client, is shown only to the
   * structure that sent it.
   */
  async of(ctx: RequestContext, id: string): Promise<AccessLogEntryView[]> {
    const personId = await this.readable(ctx, id);
    const { rows } = await this.visible(ctx, personId, ACCESS_LOG_LIMIT, null);
    return rows.map(({ view }) => view);
  }

  /** The whole log, a page at a time, newest first (accessLogConnection): the list above stops at its latest thousand. */
  async page(ctx: RequestContext, id: string, page: PageArgs): Promise<Connection<AccessLogEntryView>> {
    const personId = await this.readable(ctx, id);
    const after = page.after ? positionOf(ACCESS_LOG_LIST, page.after, 2) : null;
    const { rows, hasNextPage } = await this.visible(ctx, personId, page.first ?? 20, after ? { at: String(after[0]), id: String(after[1]) } : null);
    const edges = rows.map(({ view, position }) => new ListEdge(view, ACCESS_LOG_LIST, position));
    return { edges, pageInfo: PageInfoView.of(edges, hasNextPage, page.after) };
  }

  /**
   * The entries the viewer sees, newest first, after a position: the record decision is taken in
   * the statement (as for the timeline), so entries the viewer may not know of cost nothing to
   * skip, and how many there are shows in no timing.
   */
  private async visible(
    ctx: RequestContext,
    personId: string,
    first: number,
    after: { at: string; id: string } | null,
  ): Promise<{ rows: { view: AccessLogEntryView; position: string[] }[]; hasNextPage: boolean }> {
    const { shown, hasNextPage } = await ctx.access.visibleRecordPage(ACCESS_LOG_RECORD as RecordDeclaration<never>, personId, { first, after, keyColumn: 'r.at' });
    const rows = shown.map(({ row }) => {
      const entry = ctx.em.map(AccessLogEntry, row);
      return { view: AccessLogEntryView.from(entry, ctx.viewer.structureId), position: [String(row.cursor_at__), entry.id] };
    });
    return { rows, hasNextPage };
  }

  /** The person whose log the viewer may read (a full mandate), the read audited. */
  private async readable(ctx: RequestContext, id: string): Promise<string> {
    assertAllowed(ctx.viewer, Permission.ACCESS_LOG_READ);
    const personId = parseId(id, 'personId');
    await ctx.access.assertFullMandate(personId, 'Reading the access log');
    ctx.readAudit.touch(personId);
    return personId;
  }

  /**
   * Which structures accessed a person's record, and on which days, for the person's access
   * request: every entry of the log the record decision shows the viewer (so a CSAPA's access
   * is not told to a structure that may not know of care; an ended mandate shows the
   * structure's own accesses, a pending one none), by structure, with no account or worker.
   */
  async byStructure(ctx: RequestContext, id: string): Promise<StructureAccesses[]> {
    assertAllowed(ctx.viewer, Permission.PERSON_EXPORT);
    const personId = parseId(id, 'personId');
    await ctx.access.assertVisible(personId);
    // Decided in the statement that counts: an entry the viewer may not see is not counted.
    const rows = await ctx.records.groups<AccessDayRow>(ACCESS_LOG_RECORD, personId, ACCESS_DAYS, '1, 2');
    ctx.readAudit.touch(personId);
    const byStructure = new Map<string, AccessDayRow[]>();
    for (const row of rows) {
      const days = byStructure.get(row.structure_id);
      if (days) days.push(row);
      else byStructure.set(row.structure_id, [row]);
    }
    const accesses = await Promise.all(
      [...byStructure].map(async ([structureId, groups]) => {
        const structure = await structureService.byId(ctx, structureId);
        const perDay = new Map<string, number>();
        for (const group of groups) perDay.set(group.day, (perDay.get(group.day) ?? 0) + group.count);
        return {
          structure: { name: structure.name, kind: structure.kind },
          count: groups.reduce((sum, group) => sum + group.count, 0),
          firstAt: new Date(groups.reduce((first, group) => Math.min(first, new Date(group.first_at).getTime()), Infinity)),
          lastAt: new Date(groups.reduce((last, group) => Math.max(last, new Date(group.last_at).getTime()), -Infinity)),
          days: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
        };
      }),
    );
    return accesses.sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime() || a.structure.name.localeCompare(b.structure.name));
  }
}

export const accessLogService = new AccessLogService();
