import { Migration } from '@mikro-orm/migrations';

export class Migration20261123003346_AuditOutlivesAccounts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_account_id_foreign";`);
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_structure_id_foreign";`);

    this.addSql(`drop index "audit_entry_account_id_index";`);

    // Reviewed: the generator renames the index but does not change its type; the BRIN index replaces the B-tree.
    this.addSql(`drop index "audit_entry_at_index";`);
    this.addSql(`create index "audit_entry_at_brin" on "audit_entry" using brin ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete no action;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete no action;`);
    this.addSql(`create index "audit_entry_account_id_index" on "audit_entry" ("account_id");`);
    this.addSql(`drop index "audit_entry_at_brin";`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
  }

}
