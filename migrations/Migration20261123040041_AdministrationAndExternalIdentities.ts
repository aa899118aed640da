import { Migration } from '@mikro-orm/migrations';

export class Migration20261123040041_AdministrationAndExternalIdentities extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "external_identity" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "account_id" uuid not null, "issuer" text not null, "subject" text not null, constraint "external_identity_pkey" primary key ("id"));`);
    this.addSql(`create index "external_identity_account_id_index" on "external_identity" ("account_id");`);
    this.addSql(`alter table "external_identity" add constraint "external_identity_issuer_subject_unique" unique ("issuer", "subject");`);

    this.addSql(`alter table "external_identity" add constraint "external_identity_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "structure" add column "siret" text null;`);
    this.addSql(`alter table "structure" add constraint "structure_siret_unique" unique ("siret");`);
    this.addSql(`alter table "structure" add constraint structure_siret_format check(siret ~ '^[0-9]{14}\$');`);

    this.addSql(`alter table "account" add column "email" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "external_identity" cascade;`);

    this.addSql(`alter table "account" drop column "email";`);

    this.addSql(`alter table "structure" drop constraint "structure_siret_unique";`);
    this.addSql(`alter table "structure" drop constraint structure_siret_format;`);
    this.addSql(`alter table "structure" drop column "siret";`);
  }

}
