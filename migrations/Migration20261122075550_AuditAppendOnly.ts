import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only in the database itself: UPDATE, DELETE and
 * TRUNCATE raise, whoever issues them (the API, a script or psql).
 */
export class Migration20261122075550_AuditAppendOnly extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function audit_entry_reject_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger audit_entry_no_update_delete before update or delete on "audit_entry"
  for each row execute function audit_entry_reject_change();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry"
  for each statement execute function audit_entry_reject_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_entry_no_truncate on "audit_entry";`);
    this.addSql(`drop trigger if exists audit_entry_no_update_delete on "audit_entry";`);
    this.addSql(`drop function if exists audit_entry_reject_change();`);
  }

}
