import { Migration } from '@mikro-orm/migrations';

export class Migration20261122091725_OutcomeFacts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outcome_fact_stale" ("person_id" uuid not null, "marked_at" timestamptz not null default now(), constraint "outcome_fact_stale_pkey" primary key ("person_id"));`);

    this.addSql(`create table "outcome_fact" ("person_id" uuid not null, "release_date" date null, "departement" text not null, "measure" text not null, "kinds" text not null, "action" text not null, "housed_at_release" boolean not null, "rights_opened" boolean not null, "in_care" boolean not null, "employed" boolean not null, "computed_at" timestamptz not null default now(), constraint "outcome_fact_pkey" primary key ("person_id"));`);
    this.addSql(`create index "outcome_fact_release_date_index" on "outcome_fact" ("release_date");`);

    this.addSql(`alter table "outcome_fact" add constraint "outcome_fact_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outcome_fact_stale" cascade;`);

    this.addSql(`drop table if exists "outcome_fact" cascade;`);
  }

}
