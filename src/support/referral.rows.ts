import type { EntityManager } from '@mikro-orm/postgresql';
import { type Ref, dateOf, rawLoaderByParent, refOf } from '../shared/raw-rows';
import type { Referral } from './referral.entity';

/**
 * What the referral views and rules read of a referral: its columns, to-one relations as
 * `{ id }`. A Referral entity is one; so is a row read without the ORM.
 */
export type ReferralRecord = Pick<
  Referral,
  'id' | 'needs' | 'motive' | 'status' | 'createdAt' | 'decidedAt' | 'declineReason' | 'cancelReason' | 'closedAt' | 'version' | 'idempotencyKey'
> & {
  person: { id: string };
  fromStructure: { id: string };
  toStructure: { id: string };
  service: Ref;
  convention: Ref;
  createdBy: { id: string };
  decidedBy: Ref;
};

export interface ReferralColumns {
  id: string;
  person_id: string;
  from_structure_id: string;
  to_structure_id: string;
  service_id: string | null;
  convention_id: string | null;
  needs: Referral['needs'];
  motive: string | null;
  status: Referral['status'];
  created_at: string;
  decided_at: string | null;
  decline_reason: string | null;
  cancel_reason: string | null;
  closed_at: string | null;
  version: number;
  created_by_id: string;
  decided_by_id: string | null;
  idempotency_key: string | null;
}

export const REFERRAL_COLUMNS = `id, person_id, from_structure_id, to_structure_id, service_id, convention_id, needs, motive, status,
  created_at, decided_at, decline_reason, cancel_reason, closed_at, version, created_by_id, decided_by_id, idempotency_key`;

/** What a referral row holds by value; the rest of its columns point to other rows. */
export function referralValues(row: ReferralColumns) {
  return {
    id: row.id,
    needs: row.needs,
    motive: row.motive,
    status: row.status,
    createdAt: dateOf(row.created_at)!,
    decidedAt: dateOf(row.decided_at),
    declineReason: row.decline_reason,
    cancelReason: row.cancel_reason,
    closedAt: dateOf(row.closed_at),
    version: row.version,
  };
}

export function referralRecord(row: ReferralColumns): ReferralRecord {
  return {
    ...referralValues(row),
    person: { id: row.person_id },
    fromStructure: { id: row.from_structure_id },
    toStructure: { id: row.to_structure_id },
    service: refOf(row.service_id),
    convention: refOf(row.convention_id),
    createdBy: { id: row.created_by_id },
    decidedBy: refOf(row.decided_by_id),
    idempotencyKey: row.idempotency_key,
  };
}

/** Referrals of each person, newest first, read without entities (one statement a batch). */
export function referralRecordsByPerson(em: EntityManager) {
  return rawLoaderByParent<ReferralColumns, ReferralRecord>(
    em,
    (filter) => `select ${REFERRAL_COLUMNS} from referral where person_id ${filter} order by created_at desc, id desc`,
    (row) => row.person_id,
    referralRecord,
  );
}
