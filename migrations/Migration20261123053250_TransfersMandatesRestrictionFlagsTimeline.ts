import { Migration } from '@mikro-orm/migrations';

const EVENTS = ['insert', 'update', 'delete'] as const;

const TRANSITION: Record<(typeof EVENTS)[number], string> = {
  insert: 'referencing new table as new_rows',
  update: 'referencing old table as old_rows new table as new_rows',
  delete: 'referencing old table as old_rows',
};

/** The writes the timeline shows from the audit log: those that leave no event in the outbox. */
const TIMELINE_AUDIT_ACTIONS = [
  'updateIdentity',
  'updateJudicialSituation',
  'updateJudicialDetail',
  'updateSocialSituation',
  'updateHousingSituation',
  'recordHealth',
  'editCaseNote',
  'enrolInAction',
  'recordParticipation',
  'importPersons',
];

/**
 * The record's lifecycle in the database:
 * - transfers are sources of mandates (access-policy.md, "Mandate"): a pending transfer is a
 *   pending mandate of the receiving SPIP (it sees enough to decide), an accepted one ends
 *   the former SPIP's mandate at the decision (it keeps its own writings, read-only, for the
 *   retention period), a refused one ends the receiving SPIP's. mandate_source gains these
 *   branches; files moved before transfers were recorded keep the former rule. person_transfer
 *   gets the same statement triggers as person, referral and follow_up;
 * - every read or write of a restricted person is flagged in the audit log by the database
 *   itself (audit_read.restricted_person_ids, audit_entry.restricted), and access_log_entry
 *   shows the flag;
 * - timeline_entry: what happened to a person's record, from the outbox (events, with the
 *   structures they involve and the needs of their referral) and from the audit log (writes
 *   that leave no event). Its visibility is the policy engine's (record kind TIMELINE_ENTRY).
 */
export class Migration20261123053250_TransfersMandatesRestrictionFlagsTimeline extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace view mandate_source as
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
    and not exists (select 1 from person_transfer t where t.person_id = p.id and t.status = 'ACCEPTED' and t.from_spip_id = p.registered_by_id)
  union all
  select t.from_spip_id, t.person_id, 1, t.created_at, t.decided_at, 'TRANSFER', t.id
  from person_transfer t
  where t.status = 'ACCEPTED'
  union all
  select t.to_spip_id, t.person_id, case when t.status = 'PENDING' then 2 else 1 end, t.created_at,
         case when t.status = 'PENDING' then null else t.decided_at end, 'TRANSFER', t.id
  from person_transfer t
  where t.status in ('PENDING', 'REFUSED')
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

    this.addSql(`create function mandate_refresh_after_person_transfer() returns trigger language plpgsql as $$
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
    for (const event of EVENTS) {
      this.addSql(`create trigger "person_transfer_mandate_${event}" after ${event} on "person_transfer" ${TRANSITION[event]}
  for each statement execute function mandate_refresh_after_person_transfer();`);
      this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_${event}";`);
    }
    this.addSql(`create trigger "person_transfer_mandate_truncate" after truncate on "person_transfer"
  for each statement execute function mandate_rebuild_after_truncate();`);
    this.addSql(`alter table "person_transfer" enable always trigger "person_transfer_mandate_truncate";`);

    // Restricted persons are few: their ids come from this index, not from the whole table.
    this.addSql(`create index "person_restricted_index" on "person" ("id") where "restricted_at" is not null;`);
    this.addSql(`create function audit_read_flag_restricted() returns trigger language plpgsql as $$
begin
  new.restricted_person_ids := array(select p.id from person p where p.restricted_at is not null and p.id = any(new.person_ids));
  return new;
end;
$$;`);
    this.addSql(`create trigger audit_read_flag_restricted before insert on "audit_read"
  for each row execute function audit_read_flag_restricted();`);
    this.addSql(`alter table "audit_read" enable always trigger audit_read_flag_restricted;`);
    this.addSql(`create function audit_entry_flag_restricted() returns trigger language plpgsql as $$
begin
  new.restricted := new.person_id is not null
    and exists (select 1 from person p where p.restricted_at is not null and p.id = new.person_id);
  return new;
end;
$$;`);
    this.addSql(`create trigger audit_entry_flag_restricted before insert on "audit_entry"
  for each row execute function audit_entry_flag_restricted();`);
    this.addSql(`alter table "audit_entry" enable always trigger audit_entry_flag_restricted;`);

    this.addSql(`create or replace view access_log_entry as
  select e.id, e.at, e.account_id, e.structure_id, e.role, e.client, e.kind, e.operation, e.request_id,
         e.person_id, e.domains, e.detail, array[e.person_id] as person_ids, e.restricted
  from audit_entry e
  union all
  select md5(r.id::text || ':' || p.person_id::text)::uuid, r.at, r.account_id, r.structure_id, r.role, r.client,
         'READ'::text, r.operation, r.request_id,
         p.person_id, coalesce(string_to_array(nullif(p.domains, ''), ','), '{}'::text[]), null::jsonb, r.person_ids,
         p.person_id = any(r.restricted_person_ids)
  from audit_read r cross join lateral unnest(r.person_ids, r.person_domains) as p(person_id, domains);`);

    // A referral's sender and receiver are parties of its own events only (a follow-up's events
    // name the referral it came from, not its parties); a consent's events lapse with the consent.
    this.addSql(`create view timeline_entry as
  select e.id, e.person_id, e.occurred_at as at, e.type as kind, 'EVENT'::text as source, e.structure_id as actor_id,
         array_remove(array[
           (e.payload->>'fromStructureId')::uuid, (e.payload->>'toStructureId')::uuid, (e.payload->>'structureId')::uuid,
           (e.payload->>'recipientId')::uuid, (e.payload->>'spipId')::uuid, (e.payload->>'fromSpipId')::uuid,
           (e.payload->>'toSpipId')::uuid, rf.from_structure_id, rf.to_structure_id, pl.structure_id
         ], null) as party_ids,
         coalesce(rf.needs, '{}'::text[]) as needs,
         array[e.domain]::text[] as domains,
         coalesce(e.payload->>'status', e.payload->>'toStatus') as status,
         coalesce(c.revoked_at is not null or (c.expires_at is not null and c.expires_at <= now()), false) as lapsed,
         e.payload
  from outbox_event e
  left join referral rf on e.type like 'REFERRAL\\_%' and rf.id = (e.payload->>'referralId')::uuid
  left join placement pl on pl.id = (e.payload->>'placementId')::uuid
  left join consent c on c.id = (e.payload->>'consentId')::uuid
  where e.person_id is not null and e.domain is not null
  union all
  select a.id, a.person_id, a.at, a.detail->>'action', 'AUDIT', a.structure_id, '{}'::uuid[], '{}'::text[], a.domains::text[], null, false, null
  from audit_entry a
  where a.kind = 'WRITE' and a.person_id is not null and cardinality(a.domains) > 0
    and a.detail->>'action' in (${TIMELINE_AUDIT_ACTIONS.map((action) => `'${action}'`).join(', ')});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists timeline_entry;`);
    this.addSql(`drop view access_log_entry;`);
    this.addSql(`create view access_log_entry as
  select e.id, e.at, e.account_id, e.structure_id, e.role, e.client, e.kind, e.operation, e.request_id,
         e.person_id, e.domains, e.detail, array[e.person_id] as person_ids
  from audit_entry e
  union all
  select md5(r.id::text || ':' || p.person_id::text)::uuid, r.at, r.account_id, r.structure_id, r.role, r.client,
         'READ'::text, r.operation, r.request_id,
         p.person_id, coalesce(string_to_array(nullif(p.domains, ''), ','), '{}'::text[]), null::jsonb, r.person_ids
  from audit_read r cross join lateral unnest(r.person_ids, r.person_domains) as p(person_id, domains);`);
    this.addSql(`create or replace view mandate_source as
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
    this.addSql(`drop trigger if exists audit_entry_flag_restricted on "audit_entry";`);
    this.addSql(`drop function if exists audit_entry_flag_restricted();`);
    this.addSql(`drop trigger if exists audit_read_flag_restricted on "audit_read";`);
    this.addSql(`drop function if exists audit_read_flag_restricted();`);
    this.addSql(`drop index if exists "person_restricted_index";`);
    this.addSql(`drop trigger if exists "person_transfer_mandate_truncate" on "person_transfer";`);
    for (const event of EVENTS) this.addSql(`drop trigger if exists "person_transfer_mandate_${event}" on "person_transfer";`);
    this.addSql(`drop function if exists mandate_refresh_after_person_transfer();`);
  }

}
