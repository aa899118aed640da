import { Migration } from '@mikro-orm/migrations';

export class Migration20261122090513_ActionParticipation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "action_participation" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "action_id" uuid not null, "person_id" uuid not null, "structure_id" uuid not null, "enrolled_by_id" uuid not null, "enrolled_on" date not null, "ended_on" date null, "sessions_attended" int not null default 0, "group_sessions" int not null default 0, "co_interventions" int not null default 0, constraint "action_participation_pkey" primary key ("id"), constraint action_participation_counts_non_negative check (sessions_attended >= 0 and group_sessions >= 0 and co_interventions >= 0), constraint action_participation_dates_order check (ended_on is null or ended_on >= enrolled_on));`);
    this.addSql(`create index "action_participation_action_id_index" on "action_participation" ("action_id");`);
    this.addSql(`create index "action_participation_person_id_index" on "action_participation" ("person_id");`);
    this.addSql(`create index "action_participation_structure_id_index" on "action_participation" ("structure_id");`);
    this.addSql(`create index "action_participation_enrolled_by_id_index" on "action_participation" ("enrolled_by_id");`);
    this.addSql(`alter table "action_participation" add constraint "action_participation_action_person_enrolled_unique" unique ("action_id", "person_id", "enrolled_on");`);

    this.addSql(`alter table "action_participation" add constraint "action_participation_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade;`);
    this.addSql(`alter table "action_participation" add constraint "action_participation_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "action_participation" add constraint "action_participation_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "action_participation" add constraint "action_participation_enrolled_by_id_foreign" foreign key ("enrolled_by_id") references "account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "action_participation" cascade;`);
  }

}
