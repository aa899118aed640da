import { Migration } from '@mikro-orm/migrations';

/** The tables a mandate is derived from, by the column naming the person. */
const HISTORY: [table: string, column: string][] = [
  ['person', 'id'],
  ['referral', 'person_id'],
  ['follow_up', 'person_id'],
];

const EVENTS = ['insert', 'update', 'delete'] as const;

/** Transition tables of a statement-level trigger (PostgreSQL allows them on single-event triggers only). */
const TRANSITION: Record<(typeof EVENTS)[number], string> = {
  insert: 'referencing new table as new_rows',
  update: 'referencing old table as old_rows new table as new_rows',
  delete: 'referencing old table as old_rows',
};

/**
 * The mandate table always equals what the history implies, in the transaction that
 * changes the history, whoever writes it (the API, the seeds' set-based SQL, a script):
 * - mandate_source lists every source of a mandate (the file a SPIP holds, the file it
 *   registered and transferred, a referral, a follow-up) with its state, when it began and
 *   when it ended; mandate_history keeps, per structure and person, the strongest state
 *   and the source that states it (the rules of access-policy.md, "Mandate");
 * - after each INSERT, UPDATE or DELETE statement on person, referral or follow_up,
 *   mandate_refresh rewrites the mandates of the persons the statement touched (upsert of
 *   what the history implies, delete of what it no longer implies). The triggers fire in
 *   every session_replication_role (ENABLE ALWAYS): bulk loads that skip the foreign-key
 *   triggers keep the mandates right. TRUNCATE rebuilds the whole table;
 * - mandate_refresh locks the touched persons' rows first: two transactions changing one
 *   person's history wait for each other, and the second recomputes from a snapshot taken
 *   after the first committed, so neither leaves a stale mandate (READ COMMITTED, as the
 *   application writes; a REPEATABLE READ writer keeps its first snapshot and could not);
 * - nothing else writes the table: a direct INSERT, UPDATE or DELETE raises (foreign-key
 *   cascades, run by triggers, pass).
 * Ended mandates are kept with their end (ended_at); readers apply the retention period.
 * The table is filled from the history at the end.
 */
export class Migration20261122221316_MandatesMaintained extends Migration {

  override async up(): Promise<void> {
    // Timestamps as the retention rule reads them: the file's closing, the transferred
    // registrant's last contact, a referral's closing or decision, a follow-up's dates
    // (midnight UTC). Rank 3 is FULL, 2 PENDING, 1 ENDED.
    this.addSql(`create view mandate_source as
  select p.spip_id as structure_id, p.id as person_id,
         case when p.file_status = 'OPEN' then 3 else 1 end as rank,
         p.created_at as began_at,
         case when p.file_status = 'OPEN' then null else p.file_closed_at end as ended_at,
         'FILE'::text as opened_by, null::uuid as opened_by_id
  from person p
  union all
  select p.registered_by_id, p.id, 1, p.created_at, coalesce(p.last_contact_at, p.updated_at), 'TRANSFER', null
  from person p
  where p.registered_by_id <> p.spip_id
  union all
  select r.to_structure_id, r.person_id,
         case when r.status = 'PENDING' then 2 when r.status in ('ACCEPTED', 'IN_PROGRESS') then 3 else 1 end,
         case when r.status in ('ACCEPTED', 'IN_PROGRESS') then coalesce(r.decided_at, r.created_at) else r.created_at end,
         case when r.status in ('PENDING', 'ACCEPTED', 'IN_PROGRESS') then null else coalesce(r.closed_at, r.decided_at, r.updated_at) end,
         'REFERRAL', r.id
  from referral r
  union all
  select f.structure_id, f.person_id, case when f.end_date is null then 3 else 1 end,
         f.start_date::timestamp at time zone 'UTC', f.end_date::timestamp at time zone 'UTC', 'FOLLOW_UP', f.id
  from follow_up f;`);
    // Per structure and person: the strongest state; for FULL and PENDING the source in that
    // state that began first, for ENDED the one that ended last (ended_at is then the latest end).
    this.addSql(`create view mandate_history as
  select distinct on (structure_id, person_id)
         structure_id, person_id,
         case rank when 3 then 'FULL' when 2 then 'PENDING' else 'ENDED' end as state,
         began_at as since, ended_at, opened_by, opened_by_id
  from mandate_source
  order by structure_id, person_id, rank desc, case when rank = 1 then ended_at end desc nulls last,
           began_at, opened_by, opened_by_id;`);

    this.addSql(`create function mandate_refresh(person_ids uuid[]) returns void language plpgsql as $$
begin
  if coalesce(cardinality(person_ids), 0) = 0 then
    return;
  end if;
  perform 1 from person where id = any(person_ids) order by id for no key update;
  perform set_config('passerelle.mandate_refresh', 'on', true);
  with fresh as materialized (
    select * from mandate_history where person_id = any(person_ids)
  ), gone as (
    delete from mandate m
    where m.person_id = any(person_ids)
      and not exists (select 1 from fresh f where f.structure_id = m.structure_id and f.person_id = m.person_id)
  )
  insert into mandate as m (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, updated_at)
  select structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, now() from fresh
  on conflict (structure_id, person_id) do update
    set state = excluded.state, since = excluded.since, ended_at = excluded.ended_at,
        opened_by = excluded.opened_by, opened_by_id = excluded.opened_by_id, updated_at = excluded.updated_at
    where (m.state, m.since, m.ended_at, m.opened_by, m.opened_by_id)
      is distinct from (excluded.state, excluded.since, excluded.ended_at, excluded.opened_by, excluded.opened_by_id);
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`);
    this.addSql(`create function mandate_rebuild() returns void language plpgsql as $$
begin
  perform set_config('passerelle.mandate_refresh', 'on', true);
  delete from mandate;
  insert into mandate (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, updated_at)
  select structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, now() from mandate_history;
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`);

    for (const [table, column] of HISTORY) {
      this.addSql(`create function mandate_refresh_after_${table}() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select ${column} from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select ${column} from new_rows union select ${column} from old_rows));
  else
    perform mandate_refresh(array(select ${column} from old_rows));
  end if;
  return null;
end;
$$;`);
      for (const event of EVENTS) {
        this.addSql(`create trigger "${table}_mandate_${event}" after ${event} on "${table}" ${TRANSITION[event]}
  for each statement execute function mandate_refresh_after_${table}();`);
        this.addSql(`alter table "${table}" enable always trigger "${table}_mandate_${event}";`);
      }
    }
    this.addSql(`create function mandate_rebuild_after_truncate() returns trigger language plpgsql as $$
begin
  perform mandate_rebuild();
  return null;
end;
$$;`);
    for (const [table] of HISTORY) {
      this.addSql(`create trigger "${table}_mandate_truncate" after truncate on "${table}"
  for each statement execute function mandate_rebuild_after_truncate();`);
      this.addSql(`alter table "${table}" enable always trigger "${table}_mandate_truncate";`);
    }

    this.addSql(`create function mandate_reject_direct_write() returns trigger language plpgsql as $$
begin
  if pg_trigger_depth() < 2 and current_setting('passerelle.mandate_refresh', true) is distinct from 'on' then
    raise exception 'mandate follows person, referral and follow_up through their triggers: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end if;
  return null;
end;
$$;`);
    this.addSql(`create trigger "mandate_written_by_triggers_only" before insert or update or delete on "mandate"
  for each statement execute function mandate_reject_direct_write();`);

    // No history write may slip between the backfill and the commit.
    this.addSql(`lock table person, referral, follow_up in share mode;`);
    this.addSql(`select mandate_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "mandate_written_by_triggers_only" on "mandate";`);
    this.addSql(`drop function if exists mandate_reject_direct_write();`);
    for (const [table] of HISTORY) {
      this.addSql(`drop trigger if exists "${table}_mandate_truncate" on "${table}";`);
      for (const event of EVENTS) this.addSql(`drop trigger if exists "${table}_mandate_${event}" on "${table}";`);
      this.addSql(`drop function if exists mandate_refresh_after_${table}();`);
    }
    this.addSql(`drop function if exists mandate_rebuild_after_truncate();`);
    this.addSql(`drop function if exists mandate_rebuild();`);
    this.addSql(`drop function if exists mandate_refresh(uuid[]);`);
    this.addSql(`drop view if exists mandate_history;`);
    this.addSql(`drop view if exists mandate_source;`);
  }

}
