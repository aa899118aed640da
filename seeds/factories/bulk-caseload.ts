import type { EntityManager } from '@mikro-orm/postgresql';

export interface BulkCaseloadOptions {
  /** How many persons to create. */
  count: number;
  /** Distinguishes the pseudonyms of one bulk load from another's. */
  tag: string;
  spipId: string;
  spipAccountId: string;
  /** The receiving structure whose caseload it is, and one of its workers. */
  structureId: string;
  accountId: string;
}

/**
 * A large caseload in one SQL statement (tests and benchmarks): persons registered by a
 * SPIP, each with identity, judicial situation (release spread over 200 days), housing,
 * social data, a referral accepted by the structure and its open follow-up, an RSA step
 * (half TO_DO) and, for three in four, an appointment to come.
 */
export async function seedBulkCaseload(em: EntityManager, options: BulkCaseloadOptions): Promise<number> {
  const { count, tag, spipId, spipAccountId, structureId, accountId } = options;
  const [row] = await em.getConnection().execute<{ count: number }[]>(
    `with p as (
       insert into person (id, pseudonym, spip_id, registered_by_id, created_at, updated_at)
       select gen_random_uuid(), 'P-' || ? || lpad(g::text, 6, '0'), ?, ?, now() - g * interval '1 second', now()
       from generate_series(1, ?) as g
       returning id, pseudonym
     ), n as (select id, right(pseudonym, 6)::int as g from p),
     i as (insert into person_identity (person_id, first_name, last_name, written_by_id)
           select id, 'Bulk', 'Person ' || g, ? from n),
     j as (insert into person_judicial (person_id, expected_release_date, measure, care_obligation, written_by_id)
           select id, current_date + (g % 200) - 20, 'NONE', false, ? from n),
     h as (insert into person_housing (person_id, status, written_by_id)
           select id, case when g % 3 = 0 then 'NONE' else 'FAMILY' end, ? from n),
     s as (insert into person_social (person_id, written_by_id) select id, ? from n),
     r as (insert into referral (id, person_id, from_structure_id, to_structure_id, needs, status, created_by_id, decided_at, decided_by_id)
           select gen_random_uuid(), id, ?, ?, '{SOCIAL_SUPPORT}', 'ACCEPTED', ?, now(), ? from n
           returning id, person_id),
     f as (insert into follow_up (person_id, structure_id, referral_id, start_date)
           select person_id, ?, id, current_date - 10 from r),
     rs as (insert into right_step (person_id, kind, status, updated_by_structure_id)
            select id, 'RSA', case when g % 2 = 0 then 'TO_DO' else 'SUBMITTED' end, ? from n),
     a as (insert into appointment (person_id, structure_id, created_by_id, domain, kind, scheduled_at)
           select id, ?, ?, 'SOCIAL', 'INTERVIEW', now() + (g % 30 + 1) * interval '1 day' from n where g % 4 <> 0)
     select count(*)::int as count from n`,
    [
      tag,
      spipId,
      spipId,
      count,
      spipId,
      spipId,
      structureId,
      structureId,
      spipId,
      structureId,
      spipAccountId,
      accountId,
      structureId,
      structureId,
      structureId,
      accountId,
    ],
  );
  return row.count;
}
