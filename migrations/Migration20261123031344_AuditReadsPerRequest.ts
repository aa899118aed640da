import { Migration } from '@mikro-orm/migrations';

export class Migration20261123031344_AuditReadsPerRequest extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_read" ("id" uuid not null default gen_random_uuid(), "at" timestamptz not null default now(), "account_id" uuid not null, "structure_id" uuid not null, "role" text check ("role" in ('PROBATION_OFFICER', 'CARE_WORKER', 'HOUSING_COORDINATOR', 'SOCIAL_WORKER', 'EVALUATOR', 'STRUCTURE_ADMIN', 'PLATFORM_ADMIN')) not null, "client" text check ("client" in ('USER', 'MACHINE')) not null, "operation" text null, "request_id" text not null, "person_ids" uuid[] not null, "person_domains" text[] not null, constraint "audit_read_pkey" primary key ("id"), constraint audit_read_domains_values check (array_to_string(person_domains, ';') ~ '^((IDENTITY|JUDICIAL|JUDICIAL_DETAIL|SOCIAL|HOUSING|HEALTH_SUMMARY|HEALTH)(,(IDENTITY|JUDICIAL|JUDICIAL_DETAIL|SOCIAL|HOUSING|HEALTH_SUMMARY|HEALTH))*)?(;((IDENTITY|JUDICIAL|JUDICIAL_DETAIL|SOCIAL|HOUSING|HEALTH_SUMMARY|HEALTH)(,(IDENTITY|JUDICIAL|JUDICIAL_DETAIL|SOCIAL|HOUSING|HEALTH_SUMMARY|HEALTH))*)?)*\$'), constraint audit_read_persons_domains check (cardinality(person_ids) = cardinality(person_domains)));`);
    this.addSql(`create index "audit_read_structure_id_index" on "audit_read" ("structure_id");`);
    this.addSql(`create index "audit_read_at_brin" on "audit_read" using brin ("at");`);
    this.addSql(`create index "audit_read_person_ids_gin" on "audit_read" using gin ("person_ids");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_read" cascade;`);
  }

}
