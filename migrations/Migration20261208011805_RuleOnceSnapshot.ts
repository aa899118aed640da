import { Migration } from '@mikro-orm/migrations';

/**
 * The rule once: the mandate derivation is now declared in one place (src/policy/mandate-rule.ts)
 * and the views, functions and triggers that maintain the mandate table are generated from it
 * (src/policy/mandate-ddl.ts). This snapshots that output, as literal text (npm run
 * policy:snapshot), replacing every object the earlier migrations wrote by hand. The views, the
 * functions and the triggers print as before in PostgreSQL's catalog; one text changes:
 * mandate_reject_direct_write names every table of the history, person_transfer included.
 * The mandates are recomputed at the end (rows that do not change are not written).
 * tests/integration/policy-sql-drift.test.ts fails when the database differs from the generator.
 */
export class Migration20261208011805_RuleOnceSnapshot extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace view mandate_source as
  select p.spip_id as structure_id, p.id as person_id,
         case when p.file_status = 'OPEN' then 3 else 1 end as rank,
         p.created_at as began_at,
         case when p.file_status = 'OPEN' then null else p.file_closed_at end as ended_at,
         'FILE'::text as opened_by, null::uuid as opened_by_id
  from person p
  union all
  select p.registered_by_id as structure_id, p.id as person_id,
         1 as rank,
         p.created_at as began_at,
         coalesce(p.last_contact_at, p.updated_at) as ended_at,
         'TRANSFER'::text as opened_by, null::uuid as opened_by_id
  from person p
  where p.registered_by_id <> p.spip_id
    and not exists (select 1 from person_transfer t where t.person_id = p.id and t.status = 'ACCEPTED' and t.from_spip_id = p.registered_by_id)
  union all
  select t.from_spip_id as structure_id, t.person_id as person_id,
         1 as rank,
         t.created_at as began_at,
         t.decided_at as ended_at,
         'TRANSFER'::text as opened_by, t.id as opened_by_id
  from person_transfer t
  where t.status = 'ACCEPTED'
  union all
  select t.to_spip_id as structure_id, t.person_id as person_id,
         case when t.status = 'PENDING' then 2 else 1 end as rank,
         t.created_at as began_at,
         case when t.status = 'PENDING' then null else t.decided_at end as ended_at,
         'TRANSFER'::text as opened_by, t.id as opened_by_id
  from person_transfer t
  where t.status in ('PENDING', 'REFUSED')
  union all
  select r.to_structure_id as structure_id, r.person_id as person_id,
         case when r.status = 'PENDING' then 2 when r.status in ('ACCEPTED', 'IN_PROGRESS') then 3 else 1 end as rank,
         case when r.status in ('ACCEPTED', 'IN_PROGRESS') then coalesce(r.decided_at, r.created_at) else r.created_at end as began_at,
         case when r.status in ('PENDING', 'ACCEPTED', 'IN_PROGRESS') then null else coalesce(r.closed_at, r.decided_at, r.updated_at) end as ended_at,
         'REFERRAL'::text as opened_by, r.id as opened_by_id
  from referral r
  union all
  select f.structure_id as structure_id, f.person_id as person_id,
         case when f.end_date is null then 3 else 1 end as rank,
         f.start_date::timestamp at time zone 'UTC' as began_at,
         f.end_date::timestamp at time zone 'UTC' as ended_at,
         'FOLLOW_UP'::text as opened_by, f.id as opened_by_id
  from follow_up f;`);
    this.addSql(`create or replace view mandate_history as
  select distinct on (structure_id, person_id)
         structure_id, person_id,
         case rank when 3 then 'FULL' when 2 then 'PENDING' else 'ENDED' end as state,
         began_at as since, ended_at, opened_by, opened_by_id
  from mandate_source
  order by structure_id, person_id, rank desc, case when rank = 1 then ended_at end desc nulls last, began_at, opened_by, opened_by_id;`);
    this.addSql(`create or replace function mandate_refresh(person_ids uuid[]) returns void language plpgsql security definer set search_path = public, pg_temp as $$
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
  insert into mandate as m (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, person_created_at, updated_at)
  select f.structure_id, f.person_id, f.state, f.since, f.ended_at, f.opened_by, f.opened_by_id, p.created_at, now()
  from fresh f join person p on p.id = f.person_id
  on conflict (structure_id, person_id) do update
    set state = excluded.state, since = excluded.since, ended_at = excluded.ended_at,
        opened_by = excluded.opened_by, opened_by_id = excluded.opened_by_id, person_created_at = excluded.person_created_at,
        updated_at = excluded.updated_at
    where (m.state, m.since, m.ended_at, m.opened_by, m.opened_by_id, m.person_created_at)
      is distinct from (excluded.state, excluded.since, excluded.ended_at, excluded.opened_by, excluded.opened_by_id, excluded.person_created_at);
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`);
    this.addSql(`create or replace function mandate_rebuild() returns void language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform set_config('passerelle.mandate_refresh', 'on', true);
  delete from mandate;
  insert into mandate (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, person_created_at, updated_at)
  select h.structure_id, h.person_id, h.state, h.since, h.ended_at, h.opened_by, h.opened_by_id, p.created_at, now()
  from mandate_history h join person p on p.id = h.person_id;
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`);
    this.addSql(`create or replace function mandate_rebuild_after_truncate() returns trigger language plpgsql as $$
begin
  perform mandate_rebuild();
  return null;
end;
$$;`);
    this.addSql(`create or replace function mandate_refresh_after_person() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select id from new_rows union select id from old_rows));
  else
    perform mandate_refresh(array(select id from old_rows));
  end if;
  return null;
end;
$$;`);
    this.addSql(`create or replace trigger "person_mandate_insert" after insert on "person" referencing new table as new_rows
  for each statement execute function mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_insert";`);
    this.addSql(`create or replace trigger "person_mandate_update" after update on "person" referencing old table as old_rows new table as new_rows
  for each statement execute function mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_update";`);
    this.addSql(`create or replace trigger "person_mandate_delete" after delete on "person" referencing old table as old_rows
  for each statement execute function mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_delete";`);
    this.addSql(`create or replace trigger "person_mandate_truncate" after truncate on "person"
  for each statement execute function mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_truncate";`);
    this.addSql(`create or replace function mandate_refresh_after_person_transfer() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$$;`);
    this.addSql(`create or replace trigger "person_transfer_mandate_insert" after insert on "person_transfer" referencing new table as new_rows
  for each statement execute function mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_insert";`);
    this.addSql(`create or replace trigger "person_transfer_mandate_update" after update on "person_transfer" referencing old table as old_rows new table as new_rows
  for each statement execute function mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_update";`);
    this.addSql(`create or replace trigger "person_transfer_mandate_delete" after delete on "person_transfer" referencing old table as old_rows
  for each statement execute function mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_delete";`);
    this.addSql(`create or replace trigger "person_transfer_mandate_truncate" after truncate on "person_transfer"
  for each statement execute function mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_truncate";`);
    this.addSql(`create or replace function mandate_refresh_after_referral() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$$;`);
    this.addSql(`create or replace trigger "referral_mandate_insert" after insert on "referral" referencing new table as new_rows
  for each statement execute function mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_insert";`);
    this.addSql(`create or replace trigger "referral_mandate_update" after update on "referral" referencing old table as old_rows new table as new_rows
  for each statement execute function mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_update";`);
    this.addSql(`create or replace trigger "referral_mandate_delete" after delete on "referral" referencing old table as old_rows
  for each statement execute function mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_delete";`);
    this.addSql(`create or replace trigger "referral_mandate_truncate" after truncate on "referral"
  for each statement execute function mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_truncate";`);
    this.addSql(`create or replace function mandate_refresh_after_follow_up() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$$;`);
    this.addSql(`create or replace trigger "follow_up_mandate_insert" after insert on "follow_up" referencing new table as new_rows
  for each statement execute function mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_insert";`);
    this.addSql(`create or replace trigger "follow_up_mandate_update" after update on "follow_up" referencing old table as old_rows new table as new_rows
  for each statement execute function mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_update";`);
    this.addSql(`create or replace trigger "follow_up_mandate_delete" after delete on "follow_up" referencing old table as old_rows
  for each statement execute function mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_delete";`);
    this.addSql(`create or replace trigger "follow_up_mandate_truncate" after truncate on "follow_up"
  for each statement execute function mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_truncate";`);
    this.addSql(`create or replace function mandate_reject_direct_write() returns trigger language plpgsql as $$
begin
  if pg_trigger_depth() < 2 and current_setting('passerelle.mandate_refresh', true) is distinct from 'on' then
    raise exception 'mandate follows person, person_transfer, referral and follow_up through their triggers: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end if;
  return null;
end;
$$;`);
    this.addSql(`create or replace trigger "mandate_written_by_triggers_only" before insert or update or delete on "mandate"
  for each statement execute function mandate_reject_direct_write();`);
    this.addSql(`lock table person, person_transfer, referral, follow_up in share mode;`);
    this.addSql(`select mandate_refresh(array(select id from person order by id));`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace view mandate_source as
 SELECT p.spip_id AS structure_id,
    p.id AS person_id,
        CASE
            WHEN (p.file_status = 'OPEN'::text) THEN 3
            ELSE 1
        END AS rank,
    p.created_at AS began_at,
        CASE
            WHEN (p.file_status = 'OPEN'::text) THEN NULL::timestamp with time zone
            ELSE p.file_closed_at
        END AS ended_at,
    'FILE'::text AS opened_by,
    NULL::uuid AS opened_by_id
   FROM person p
UNION ALL
 SELECT p.registered_by_id AS structure_id,
    p.id AS person_id,
    1 AS rank,
    p.created_at AS began_at,
    COALESCE(p.last_contact_at, p.updated_at) AS ended_at,
    'TRANSFER'::text AS opened_by,
    NULL::uuid AS opened_by_id
   FROM person p
  WHERE ((p.registered_by_id <> p.spip_id) AND (NOT (EXISTS ( SELECT 1
           FROM person_transfer t
          WHERE ((t.person_id = p.id) AND (t.status = 'ACCEPTED'::text) AND (t.from_spip_id = p.registered_by_id))))))
UNION ALL
 SELECT t.from_spip_id AS structure_id,
    t.person_id,
    1 AS rank,
    t.created_at AS began_at,
    t.decided_at AS ended_at,
    'TRANSFER'::text AS opened_by,
    t.id AS opened_by_id
   FROM person_transfer t
  WHERE (t.status = 'ACCEPTED'::text)
UNION ALL
 SELECT t.to_spip_id AS structure_id,
    t.person_id,
        CASE
            WHEN (t.status = 'PENDING'::text) THEN 2
            ELSE 1
        END AS rank,
    t.created_at AS began_at,
        CASE
            WHEN (t.status = 'PENDING'::text) THEN NULL::timestamp with time zone
            ELSE t.decided_at
        END AS ended_at,
    'TRANSFER'::text AS opened_by,
    t.id AS opened_by_id
   FROM person_transfer t
  WHERE (t.status = ANY (ARRAY['PENDING'::text, 'REFUSED'::text]))
UNION ALL
 SELECT r.to_structure_id AS structure_id,
    r.person_id,
        CASE
            WHEN (r.status = 'PENDING'::text) THEN 2
            WHEN (r.status = ANY (ARRAY['ACCEPTED'::text, 'IN_PROGRESS'::text])) THEN 3
            ELSE 1
        END AS rank,
        CASE
            WHEN (r.status = ANY (ARRAY['ACCEPTED'::text, 'IN_PROGRESS'::text])) THEN COALESCE(r.decided_at, r.created_at)
            ELSE r.created_at
        END AS began_at,
        CASE
            WHEN (r.status = ANY (ARRAY['PENDING'::text, 'ACCEPTED'::text, 'IN_PROGRESS'::text])) THEN NULL::timestamp with time zone
            ELSE COALESCE(r.closed_at, r.decided_at, r.updated_at)
        END AS ended_at,
    'REFERRAL'::text AS opened_by,
    r.id AS opened_by_id
   FROM referral r
UNION ALL
 SELECT f.structure_id,
    f.person_id,
        CASE
            WHEN (f.end_date IS NULL) THEN 3
            ELSE 1
        END AS rank,
    ((f.start_date)::timestamp without time zone AT TIME ZONE 'UTC'::text) AS began_at,
    ((f.end_date)::timestamp without time zone AT TIME ZONE 'UTC'::text) AS ended_at,
    'FOLLOW_UP'::text AS opened_by,
    f.id AS opened_by_id
   FROM follow_up f;`);
    this.addSql(`create or replace view mandate_history as
 SELECT DISTINCT ON (structure_id, person_id) structure_id,
    person_id,
        CASE rank
            WHEN 3 THEN 'FULL'::text
            WHEN 2 THEN 'PENDING'::text
            ELSE 'ENDED'::text
        END AS state,
    began_at AS since,
    ended_at,
    opened_by,
    opened_by_id
   FROM mandate_source
  ORDER BY structure_id, person_id, rank DESC,
        CASE
            WHEN (rank = 1) THEN ended_at
            ELSE NULL::timestamp with time zone
        END DESC NULLS LAST, began_at, opened_by, opened_by_id;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_refresh(person_ids uuid[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
  insert into mandate as m (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, person_created_at, updated_at)
  select f.structure_id, f.person_id, f.state, f.since, f.ended_at, f.opened_by, f.opened_by_id, p.created_at, now()
  from fresh f join person p on p.id = f.person_id
  on conflict (structure_id, person_id) do update
    set state = excluded.state, since = excluded.since, ended_at = excluded.ended_at,
        opened_by = excluded.opened_by, opened_by_id = excluded.opened_by_id, person_created_at = excluded.person_created_at,
        updated_at = excluded.updated_at
    where (m.state, m.since, m.ended_at, m.opened_by, m.opened_by_id, m.person_created_at)
      is distinct from (excluded.state, excluded.since, excluded.ended_at, excluded.opened_by, excluded.opened_by_id, excluded.person_created_at);
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_rebuild()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  perform set_config('passerelle.mandate_refresh', 'on', true);
  delete from mandate;
  insert into mandate (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id, person_created_at, updated_at)
  select h.structure_id, h.person_id, h.state, h.since, h.ended_at, h.opened_by, h.opened_by_id, p.created_at, now()
  from mandate_history h join person p on p.id = h.person_id;
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_rebuild_after_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform mandate_rebuild();
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_refresh_after_person()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select id from new_rows union select id from old_rows));
  else
    perform mandate_refresh(array(select id from old_rows));
  end if;
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_mandate_insert AFTER INSERT ON public.person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_insert";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_mandate_update AFTER UPDATE ON public.person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_update";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_mandate_delete AFTER DELETE ON public.person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_delete";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_mandate_truncate AFTER TRUNCATE ON public.person FOR EACH STATEMENT EXECUTE FUNCTION mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "person" enable always trigger "person_mandate_truncate";`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_refresh_after_person_transfer()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_transfer_mandate_insert AFTER INSERT ON public.person_transfer REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_insert";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_transfer_mandate_update AFTER UPDATE ON public.person_transfer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_update";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_transfer_mandate_delete AFTER DELETE ON public.person_transfer REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_person_transfer();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_delete";`);
    this.addSql(`CREATE OR REPLACE TRIGGER person_transfer_mandate_truncate AFTER TRUNCATE ON public.person_transfer FOR EACH STATEMENT EXECUTE FUNCTION mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_truncate";`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_refresh_after_referral()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE TRIGGER referral_mandate_insert AFTER INSERT ON public.referral REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_insert";`);
    this.addSql(`CREATE OR REPLACE TRIGGER referral_mandate_update AFTER UPDATE ON public.referral REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_update";`);
    this.addSql(`CREATE OR REPLACE TRIGGER referral_mandate_delete AFTER DELETE ON public.referral REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_referral();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_delete";`);
    this.addSql(`CREATE OR REPLACE TRIGGER referral_mandate_truncate AFTER TRUNCATE ON public.referral FOR EACH STATEMENT EXECUTE FUNCTION mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "referral" enable always trigger "referral_mandate_truncate";`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_refresh_after_follow_up()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select person_id from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select person_id from new_rows union select person_id from old_rows));
  else
    perform mandate_refresh(array(select person_id from old_rows));
  end if;
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE TRIGGER follow_up_mandate_insert AFTER INSERT ON public.follow_up REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_insert";`);
    this.addSql(`CREATE OR REPLACE TRIGGER follow_up_mandate_update AFTER UPDATE ON public.follow_up REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_update";`);
    this.addSql(`CREATE OR REPLACE TRIGGER follow_up_mandate_delete AFTER DELETE ON public.follow_up REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mandate_refresh_after_follow_up();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_delete";`);
    this.addSql(`CREATE OR REPLACE TRIGGER follow_up_mandate_truncate AFTER TRUNCATE ON public.follow_up FOR EACH STATEMENT EXECUTE FUNCTION mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "follow_up" enable always trigger "follow_up_mandate_truncate";`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.mandate_reject_direct_write()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if pg_trigger_depth() < 2 and current_setting('passerelle.mandate_refresh', true) is distinct from 'on' then
    raise exception 'mandate follows person, referral and follow_up through their triggers: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end if;
  return null;
end;
$function$;`);
    this.addSql(`CREATE OR REPLACE TRIGGER mandate_written_by_triggers_only BEFORE INSERT OR DELETE OR UPDATE ON public.mandate FOR EACH STATEMENT EXECUTE FUNCTION mandate_reject_direct_write();`);
    this.addSql(`alter table "mandate" enable trigger "mandate_written_by_triggers_only";`);
  }

}
