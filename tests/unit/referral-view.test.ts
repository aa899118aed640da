import { ReferralView } from '../../src/support/referral.type';
import type { ReferralColumns } from '../../src/support/referral.rows';
import { ReferralStatus } from '../../src/support/referral.enums';

const columns: ReferralColumns = {
  id: '00000000-0000-4000-8000-000000000001',
  person_id: '00000000-0000-4000-8000-000000000002',
  from_structure_id: '00000000-0000-4000-8000-000000000003',
  to_structure_id: '00000000-0000-4000-8000-000000000004',
  service_id: null,
  convention_id: null,
  needs: [],
  motive: 'Hébergement',
  status: ReferralStatus.DECLINED,
  created_at: '2026-11-22T21:12:59.123456+00:00',
  decided_at: '2026-11-23 08:00:00.5+00',
  decline_reason: 'No place',
  cancel_reason: null,
  closed_at: null,
  version: 2,
  created_by_id: '00000000-0000-4000-8000-000000000005',
  decided_by_id: null,
  idempotency_key: null,
};

describe('ReferralView from columns', () => {
  it('reads its times from the database text when asked, once', () => {
    const view = ReferralView.fromColumns(columns);
    expect(view.createdAt.toISOString()).toBe('2026-11-22T21:12:59.123Z');
    expect(view.createdAt).toBe(view.createdAt);
    expect(view.decidedAt?.toISOString()).toBe('2026-11-23T08:00:00.500Z');
    expect(view.closedAt).toBeNull();
    expect(view).toMatchObject({ id: columns.id, personId: columns.person_id, toStructureId: columns.to_structure_id, status: 'DECLINED', version: 2 });
  });

  it('takes Dates as they are, and can be given new ones', () => {
    const view = ReferralView.fromColumns(columns);
    const closed = new Date('2026-11-24T10:00:00Z');
    view.closedAt = closed;
    expect(view.closedAt).toBe(closed);
  });
});
