import { Migration } from '@mikro-orm/migrations';

export class Migration20261122080738_DomainWritersAndConventions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "person_social" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_social" add constraint "person_social_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_social_written_by_id_index" on "person_social" ("written_by_id");`);

    this.addSql(`alter table "person_judicial_detail" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_judicial_detail" add constraint "person_judicial_detail_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_judicial_detail_written_by_id_index" on "person_judicial_detail" ("written_by_id");`);

    this.addSql(`alter table "person_judicial" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_judicial" add constraint "person_judicial_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_judicial_written_by_id_index" on "person_judicial" ("written_by_id");`);

    this.addSql(`alter table "person_identity" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_identity" add constraint "person_identity_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_identity_written_by_id_index" on "person_identity" ("written_by_id");`);

    this.addSql(`alter table "person_housing" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_housing" add constraint "person_housing_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_housing_written_by_id_index" on "person_housing" ("written_by_id");`);

    this.addSql(`alter table "person_health_summary" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_health_summary" add constraint "person_health_summary_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_health_summary_written_by_id_index" on "person_health_summary" ("written_by_id");`);

    this.addSql(`alter table "person_health_record" add column "written_by_id" uuid null;`);
    this.addSql(`alter table "person_health_record" add constraint "person_health_record_written_by_id_foreign" foreign key ("written_by_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "person_health_record_written_by_id_index" on "person_health_record" ("written_by_id");`);

    this.addSql(`alter table "referral" add column "convention_id" uuid null;`);
    this.addSql(`alter table "referral" add constraint "referral_convention_id_foreign" foreign key ("convention_id") references "convention" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "referral_convention_id_index" on "referral" ("convention_id");`);

    // Backfill for records that exist already. The SPIP that registered the person wrote
    // the rows created at registration; health rows belong to the CSAPA that follows.
    for (const table of ['person_identity', 'person_judicial', 'person_judicial_detail', 'person_social', 'person_housing']) {
      this.addSql(`update "${table}" t set "written_by_id" = p."registered_by_id" from "person" p where p."id" = t."person_id";`);
    }
    this.addSql(`update "person_health_summary" set "written_by_id" = "care_structure_id";`);
    this.addSql(`update "person_health_record" h set "written_by_id" = (
      select f."structure_id" from "follow_up" f join "structure" s on s."id" = f."structure_id"
      where f."person_id" = h."person_id" and s."kind" = 'CSAPA' order by f."start_date" desc limit 1);`);
    this.addSql(`update "referral" r set "convention_id" = (
      select c."id" from "convention" c
      where c."structure_id" = r."to_structure_id" and c."partner_id" = r."from_structure_id"
        and (c."service_id" is null or c."service_id" = r."service_id")
        and c."valid_from" <= r."created_at"::date and (c."valid_to" is null or c."valid_to" >= r."created_at"::date)
      order by c."service_id" nulls last limit 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "person_health_record" drop constraint "person_health_record_written_by_id_foreign";`);

    this.addSql(`alter table "person_health_summary" drop constraint "person_health_summary_written_by_id_foreign";`);

    this.addSql(`alter table "person_housing" drop constraint "person_housing_written_by_id_foreign";`);

    this.addSql(`alter table "person_identity" drop constraint "person_identity_written_by_id_foreign";`);

    this.addSql(`alter table "person_judicial" drop constraint "person_judicial_written_by_id_foreign";`);

    this.addSql(`alter table "person_judicial_detail" drop constraint "person_judicial_detail_written_by_id_foreign";`);

    this.addSql(`alter table "person_social" drop constraint "person_social_written_by_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_convention_id_foreign";`);

    this.addSql(`drop index "person_health_record_written_by_id_index";`);
    this.addSql(`alter table "person_health_record" drop column "written_by_id";`);

    this.addSql(`drop index "person_health_summary_written_by_id_index";`);
    this.addSql(`alter table "person_health_summary" drop column "written_by_id";`);

    this.addSql(`drop index "person_housing_written_by_id_index";`);
    this.addSql(`alter table "person_housing" drop column "written_by_id";`);

    this.addSql(`drop index "person_identity_written_by_id_index";`);
    this.addSql(`alter table "person_identity" drop column "written_by_id";`);

    this.addSql(`drop index "person_judicial_written_by_id_index";`);
    this.addSql(`alter table "person_judicial" drop column "written_by_id";`);

    this.addSql(`drop index "person_judicial_detail_written_by_id_index";`);
    this.addSql(`alter table "person_judicial_detail" drop column "written_by_id";`);

    this.addSql(`drop index "person_social_written_by_id_index";`);
    this.addSql(`alter table "person_social" drop column "written_by_id";`);

    this.addSql(`drop index "referral_convention_id_index";`);
    this.addSql(`alter table "referral" drop column "convention_id";`);
  }

}
