import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221259_Mandates extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mandate" ("structure_id" uuid not null, "person_id" uuid not null, "state" text check ("state" in ('FULL', 'PENDING', 'ENDED')) not null, "since" timestamptz not null, "ended_at" timestamptz null, "opened_by" text check ("opened_by" in ('FILE', 'TRANSFER', 'REFERRAL', 'FOLLOW_UP')) not null, "opened_by_id" uuid null, "updated_at" timestamptz not null default now(), constraint "mandate_pkey" primary key ("structure_id", "person_id"));`);
    this.addSql(`create index "mandate_person_id_index" on "mandate" ("person_id");`);
    this.addSql(`create index "mandate_structure_state_index" on "mandate" ("structure_id", "state", "person_id", "ended_at");`);

    this.addSql(`alter table "mandate" add constraint "mandate_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mandate" add constraint "mandate_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mandate" cascade;`);
  }

}
