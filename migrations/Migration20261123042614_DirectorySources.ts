import { Migration } from '@mikro-orm/migrations';

export class Migration20261123042614_DirectorySources extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "structure" add column "source" text null, add column "source_id" text null, add column "source_updated_on" date null, add column "listing" jsonb null;`);
    this.addSql(`alter table "structure" add constraint "structure_source_unique" unique ("source", "source_id");`);

    this.addSql(`alter table "service" add column "source" text null, add column "source_id" text null, add column "source_updated_on" date null, add column "listing" jsonb null;`);
    this.addSql(`alter table "service" add constraint "service_source_unique" unique ("source", "source_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service" drop constraint "service_source_unique";`);
    this.addSql(`alter table "service" drop column "source", drop column "source_id", drop column "source_updated_on", drop column "listing";`);

    this.addSql(`alter table "structure" drop constraint "structure_source_unique";`);
    this.addSql(`alter table "structure" drop column "source", drop column "source_id", drop column "source_updated_on", drop column "listing";`);
  }

}
