import { AppointmentView } from '../support/follow-up.type';
import { appointmentService } from '../support/appointment.service';
import { HousingStatus } from '../persons/person.enums';
import { MandateState } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { mandatedPersonsSql, visibleRecordExistsSql } from '../policy/person-scope';
import { Permission } from '../policy/permissions';
import { PLACEMENT_RECORD } from '../policy/record-kinds';
import { ReferralStatus } from '../support/referral.enums';
import { referralLoaders } from '../support/referral.loaders';
import { ReferralView } from '../support/referral.type';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../shared/errors';
import { isUuid } from '../shared/ids';
import { PageInfoView, openCursor, sealCursor } from '../shared/pagination';
import type { CaseloadArgs } from './caseload.inputs';
import { CaseloadConnectionView, CaseloadEntryView, CaseloadFlag } from './caseload.type';

const DAY_MS = 86_400_000;
const SOON_DAYS = 30;
const NO_DATE = '9999-12-31';

interface CaseloadRow {
  id: string;
  total: number;
  state: MandateState;
  expected_release_date: string | null;
  released_before: boolean;
  sort_date: string;
  housing_status: HousingStatus | null;
  placed: boolean;
  rights_to_do: number;
  awaiting: number;
  next_appointment_id: string | null;
}

interface CaseloadCursor {
  releasedBefore: boolean;
  sortDate: string;
  id: string;
}

/** Sealed like every cursor (shared/pagination.ts): a release date is judicial data. */
function encode(cursor: CaseloadCursor): string {
  return sealCursor(['caseload', cursor.releasedBefore, cursor.sortDate, cursor.id]);
}

function decode(cursor: string): CaseloadCursor {
  try {
    const [list, releasedBefore, sortDate, id, ...rest] = openCursor(cursor);
    if (list === 'caseload' && rest.length === 0 && typeof releasedBefore === 'boolean' && typeof sortDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sortDate) && typeof id === 'string' && isUuid(id)) {
      return { releasedBefore, sortDate, id };
    }
  } catch {
    // any malformed cursor is the same bad input
  }
  throw new BadUserInputError('after is not a cursor returned by this API', 'after');
}

/**
 * The worker's home screen: the persons under the structure's full or pending mandate,
 * those to be released first, with what needs action. One statement for the page and its
 * facts; the flags are raised only from domains the viewer reads, and the order uses only
 * the expected release date, which every mandate shown may read.
 */
export class CaseloadService {
  async list(ctx: RequestContext, args: CaseloadArgs): Promise<CaseloadConnectionView> {
    assertAllowed(ctx.viewer, Permission.CASELOAD_READ);
    const first = args.first ?? 50;
    const after = args.after ? decode(args.after) : null;
    const structureId = ctx.viewer.structureId;
    const states = args.mandate ? [args.mandate] : [MandateState.FULL, MandateState.PENDING];
    const { sql: visible, params: visibleParams } = mandatedPersonsSql(ctx.viewer, states);
    // A placement the viewer may not see must not silence a flag: only visible ones count.
    const placed = visibleRecordExistsSql(PLACEMENT_RECORD, ctx.viewer, { personId: 'page.id', mandate: 'page.state', where: 'r.end_date is null' });
    const keyset = after ? `where (released_before, sort_date, id) > (?, ?::date, ?::uuid)` : '';
    const rows = await ctx.em.getConnection().execute<CaseloadRow[]>(
      `with candidates as (
         select p.id, v.state, j.expected_release_date,
                coalesce(j.expected_release_date < current_date, false) as released_before,
                coalesce(j.expected_release_date, date '${NO_DATE}') as sort_date,
                count(*) over () as total
         from (${visible}) v
         join person p on p.id = v.person_id
         left join person_judicial j on j.person_id = p.id
       ), page as (
         select * from candidates
         ${keyset}
         order by released_before, sort_date, id
         limit ?
       )
       select page.id, page.state, page.expected_release_date::text as expected_release_date, page.total::int as total,
              page.released_before, page.sort_date::text as sort_date, h.status as housing_status,
              ${placed} as placed,
              (select count(*)::int from right_step rs where rs.person_id = page.id and rs.status = 'TO_DO') as rights_to_do,
              (select count(*)::int from referral r
                where r.person_id = page.id and r.to_structure_id = ? and r.status = 'PENDING') as awaiting,
              (select a.id from appointment a
                where a.person_id = page.id and a.structure_id = ? and a.status = 'SCHEDULED' and a.scheduled_at >= now()
                order by a.scheduled_at limit 1) as next_appointment_id
       from page left join person_housing h on h.person_id = page.id
       order by page.released_before, page.sort_date, page.id`,
      [
        ...visibleParams,
        ...(after ? [after.releasedBefore, after.sortDate, after.id] : []),
        first + 1,
        structureId,
        structureId,
      ],
    );
    // The total rides on every row of the page; a page past the end needs its own count.
    const total =
      rows[0]?.total ??
      (await ctx.em.getConnection().execute<{ total: number }[]>(`select count(*)::int as total from (${visible}) v`, visibleParams))[0].total;
    const page = rows.slice(0, first);
    const edges = await Promise.all(
      page.map(async (row) => ({
        cursor: encode({ releasedBefore: row.released_before, sortDate: row.sort_date, id: row.id }),
        node: await this.entry(ctx, row),
      })),
    );
    return {
      edges,
      pageInfo: PageInfoView.of(edges, rows.length > first, args.after),
      totalCount: total,
    };
  }

  /** One entry: its flags raised from the domains the viewer reads, those reads audited. */
  private async entry(ctx: RequestContext, row: CaseloadRow): Promise<CaseloadEntryView> {
    ctx.access.prime(row.id, row.state);
    const [readsJudicial, readsHousing, readsSocial] = await Promise.all(
      [DataDomain.JUDICIAL, DataDomain.HOUSING, DataDomain.SOCIAL].map((domain) => ctx.access.canRead(row.id, domain)),
    );
    const release = readsJudicial ? row.expected_release_date : null;
    const todayStart = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const daysToRelease = release ? Math.round((Date.parse(`${release}T00:00:00Z`) - todayStart) / DAY_MS) : null;
    const flags: CaseloadFlag[] = [];
    const unhoused = !row.placed && (row.housing_status === null || row.housing_status === HousingStatus.NONE || row.housing_status === HousingStatus.UNKNOWN);
    if (readsHousing && daysToRelease !== null && daysToRelease >= 0 && daysToRelease <= SOON_DAYS && unhoused) {
      flags.push(CaseloadFlag.RELEASE_SOON_WITHOUT_HOUSING);
    }
    if (readsSocial && row.rights_to_do > 0) flags.push(CaseloadFlag.RIGHTS_TO_SUBMIT);
    if (row.awaiting > 0) flags.push(CaseloadFlag.REFERRAL_AWAITING_DECISION);
    if (row.state === MandateState.FULL && !row.next_appointment_id) flags.push(CaseloadFlag.NO_APPOINTMENT_SCHEDULED);
    ctx.readAudit.touch(row.id);
    if (readsJudicial) ctx.readAudit.record(row.id, DataDomain.JUDICIAL);
    if (readsHousing) ctx.readAudit.record(row.id, DataDomain.HOUSING);
    if (readsSocial) ctx.readAudit.record(row.id, DataDomain.SOCIAL);
    return Object.assign(new CaseloadEntryView(), {
      personId: row.id,
      nextAppointmentId: row.next_appointment_id,
      mandate: row.state,
      expectedReleaseDate: release,
      daysToRelease,
      flags,
      rightsToSubmit: readsSocial ? row.rights_to_do : null,
    });
  }

  /** Referrals to the viewer's structure awaiting its decision for this person (batched). */
  async awaitingDecision(ctx: RequestContext, entry: CaseloadEntryView): Promise<ReferralView[]> {
    const referrals = await referralLoaders(ctx).referralsByPerson.load(entry.personId);
    return referrals
      .filter((r) => r.toStructure.id === ctx.viewer.structureId && r.status === ReferralStatus.PENDING)
      .map(ReferralView.from);
  }

  async nextAppointment(ctx: RequestContext, entry: CaseloadEntryView): Promise<AppointmentView | null> {
    return appointmentService.ownById(ctx, entry.nextAppointmentId);
  }
}

export const caseloadService = new CaseloadService();
