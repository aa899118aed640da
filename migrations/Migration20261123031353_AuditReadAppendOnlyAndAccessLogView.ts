import { Migration } from '@mikro-orm/migrations';

/**
 * audit_read is append-only, as audit_entry is: UPDATE, DELETE and TRUNCATE raise, whoever
 * issues them. access_log_entry is the log as one entry per access to one person's record:
 * the entries of audit_entry (writes, aggregate reads, reads written before audit_read) and one
 * entry per person of each audit_read row, with an id derived from the row's and the person's.
 * `person_ids` lets a lookup by person use audit_read's GIN index.
 */
export class Migration20261123031353_AuditReadAppendOnlyAndAccessLogView extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function audit_read_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_read is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger audit_read_no_update_delete before update or delete on "audit_read"
  for each row execute function audit_read_reject_change();`);
    this.addSql(`create trigger audit_read_no_truncate before truncate on "audit_read"
  for each statement execute function audit_read_reject_change();`);
    this.addSql(`create view access_log_entry as
  select e.id, e.at, e.account_id, e.structure_id, e.role, e.client, e.kind, e.operation, e.request_id,
         e.person_id, e.domains, e.detail, array[e.person_id] as person_ids
  from audit_entry e
  union all
  select md5(r.id::text || ':' || p.person_id::text)::uuid, r.at, r.account_id, r.structure_id, r.role, r.client,
         'READ'::text, r.operation, r.request_id,
         p.person_id, coalesce(string_to_array(nullif(p.domains, ''), ','), '{}'::text[]), null::jsonb, r.person_ids
  from audit_read r cross join lateral unnest(r.person_ids, r.person_domains) as p(person_id, domains);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists access_log_entry;`);
    this.addSql(`drop trigger if exists audit_read_no_truncate on "audit_read";`);
    this.addSql(`drop trigger if exists audit_read_no_update_delete on "audit_read";`);
    this.addSql(`drop function if exists audit_read_reject_change();`);
  }

}
