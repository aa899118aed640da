import { Migration } from '@mikro-orm/migrations';

export class Migration20261122204246_OutcomePublications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outcome_publication" ("year" int not null, "published_at" timestamptz not null, "cells" int not null, "suppressed_cells" int not null, constraint "outcome_publication_pkey" primary key ("year"));`);

    this.addSql(`create table "outcome_published_cell" ("year" int not null, "departement" text not null, "measure" text not null, "kinds" text not null, "action" text not null, "grouping" smallint not null, "persons" int null, "housed_at_release" int null, "rights_opened" int null, "in_care" int null, "employed" int null, constraint "outcome_published_cell_pkey" primary key ("year", "departement", "measure", "kinds", "action"));`);
    this.addSql(`create index "outcome_published_cell_year_grouping_index" on "outcome_published_cell" ("year", "grouping");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outcome_publication" cascade;`);

    this.addSql(`drop table if exists "outcome_published_cell" cascade;`);
  }

}
