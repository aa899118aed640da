import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035357_WebhookSubscriptionsAndDeliveries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_subscription" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "structure_id" uuid not null, "role" text check ("role" in ('PROBATION_OFFICER', 'CARE_WORKER', 'HOUSING_COORDINATOR', 'SOCIAL_WORKER', 'EVALUATOR', 'STRUCTURE_ADMIN', 'PLATFORM_ADMIN')) not null, "created_by_id" uuid not null, "url" text not null, "event_types" text[] not null, "secret" text not null, "failing_since" timestamptz null, "deleted_at" timestamptz null, constraint "webhook_subscription_pkey" primary key ("id"), constraint webhook_subscription_event_types_not_empty check (cardinality(event_types) > 0), constraint webhook_subscription_event_types_values check (event_types <@ array['PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED']::text[]));`);
    this.addSql(`create index "webhook_subscription_structure_id_index" on "webhook_subscription" ("structure_id");`);
    this.addSql(`create index "webhook_subscription_created_by_id_index" on "webhook_subscription" ("created_by_id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subscription_id" uuid not null, "event_id" uuid not null, "event_type" text check ("event_type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED')) not null, "status" text check ("status" in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'WITHHELD')) not null default 'PENDING', "attempts" int not null default 0, "claimed_until" timestamptz null, "last_status_code" int null, "last_error" text null, "delivered_at" timestamptz null, "next_attempt_at" timestamptz null, "retry_from" timestamptz not null default now(), constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`);
    this.addSql(`create index "webhook_delivery_subscription_page_index" on "webhook_delivery" ("subscription_id", "created_at", "id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_subscription_event_unique" unique ("subscription_id", "event_id");`);

    this.addSql(`alter table "webhook_subscription" add constraint "webhook_subscription_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "webhook_subscription" add constraint "webhook_subscription_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "outbox_event" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_subscription_id_foreign";`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }

}
