import { Migration } from '@mikro-orm/migrations';

export class Migration20261123033439_MachineClients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "machine_client" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "structure_id" uuid not null, "account_id" uuid not null, "secret_hash" text not null, "secret_rotated_at" timestamptz not null default now(), "revoked_at" timestamptz null, constraint "machine_client_pkey" primary key ("id"));`);
    this.addSql(`create index "machine_client_structure_id_index" on "machine_client" ("structure_id");`);
    this.addSql(`alter table "machine_client" add constraint "machine_client_account_id_unique" unique ("account_id");`);

    this.addSql(`alter table "machine_client" add constraint "machine_client_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "machine_client" add constraint "machine_client_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "machine_client" cascade;`);
  }

}
