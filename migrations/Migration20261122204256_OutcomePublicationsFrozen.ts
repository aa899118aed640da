import { Migration } from '@mikro-orm/migrations';

/**
 * A published year never changes: UPDATE, DELETE and TRUNCATE of the published outcome
 * tables raise, whoever issues them. Reading a year twice gives the same answer.
 */
export class Migration20261122204256_OutcomePublicationsFrozen extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function outcome_publication_reject_change() returns trigger language plpgsql as $$
begin
  raise exception '% is frozen once published: % is not allowed', tg_table_name, tg_op
    using errcode = 'insufficient_privilege';
end;
$$;`);
    for (const table of ['outcome_publication', 'outcome_published_cell']) {
      this.addSql(`create trigger ${table}_no_update_delete before update or delete on "${table}"
  for each row execute function outcome_publication_reject_change();`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on "${table}"
  for each statement execute function outcome_publication_reject_change();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['outcome_publication', 'outcome_published_cell']) {
      this.addSql(`drop trigger if exists ${table}_no_truncate on "${table}";`);
      this.addSql(`drop trigger if exists ${table}_no_update_delete on "${table}";`);
    }
    this.addSql(`drop function if exists outcome_publication_reject_change();`);
  }

}
