import { Migration } from '@mikro-orm/migrations';

export class Migration20261122083741_FollowUpWork extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" ("id" uuid not null default gen_random_uuid(), "occurred_at" timestamptz not null default now(), "type" text check ("type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED')) not null, "person_id" uuid null, "structure_id" uuid not null, "domain" text check ("domain" in ('IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH')) null, "payload" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_person_id_index" on "outbox_event" ("person_id");`);
    this.addSql(`create index "outbox_event_structure_id_index" on "outbox_event" ("structure_id");`);
    this.addSql(`create index "outbox_event_unpublished_index" on "outbox_event" ("occurred_at") where "published_at" is null;`);

    this.addSql(`create table "right_step_change" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "right_step_id" uuid not null, "person_id" uuid not null, "kind" text check ("kind" in ('ID_CARD', 'RSA', 'HEALTH_INSURANCE', 'DOMICILIATION', 'SHELTER_REQUEST', 'SOCIAL_HOUSING_REQUEST', 'EMPLOYMENT_REGISTRATION', 'BANK_ACCOUNT')) not null, "from_status" text check ("from_status" in ('TO_DO', 'SUBMITTED', 'OBTAINED', 'REFUSED')) null, "to_status" text check ("to_status" in ('TO_DO', 'SUBMITTED', 'OBTAINED', 'REFUSED')) not null, "note" text null, "account_id" uuid not null, "structure_id" uuid not null, constraint "right_step_change_pkey" primary key ("id"));`);
    this.addSql(`create index "right_step_change_right_step_id_index" on "right_step_change" ("right_step_id");`);
    this.addSql(`create index "right_step_change_person_id_index" on "right_step_change" ("person_id");`);
    this.addSql(`create index "right_step_change_account_id_index" on "right_step_change" ("account_id");`);
    this.addSql(`create index "right_step_change_structure_id_index" on "right_step_change" ("structure_id");`);

    this.addSql(`create table "placement" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "service_id" uuid not null, "structure_id" uuid not null, "placed_by_id" uuid not null, "start_date" date not null, "end_date" date null, "end_reason" text null, constraint "placement_pkey" primary key ("id"), constraint placement_dates_order check (end_date is null or end_date >= start_date));`);
    this.addSql(`create index "placement_person_id_index" on "placement" ("person_id");`);
    this.addSql(`create index "placement_service_id_index" on "placement" ("service_id");`);
    this.addSql(`create index "placement_structure_id_index" on "placement" ("structure_id");`);
    this.addSql(`create index "placement_placed_by_id_index" on "placement" ("placed_by_id");`);
    this.addSql(`create index "placement_open_by_service_index" on "placement" ("service_id") where "end_date" is null;`);
    this.addSql(`create unique index "placement_one_open_per_person" on "placement" ("person_id") where "end_date" is null;`);

    this.addSql(`alter table "outbox_event" add constraint "outbox_event_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "right_step_change" add constraint "right_step_change_right_step_id_foreign" foreign key ("right_step_id") references "right_step" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "right_step_change" add constraint "right_step_change_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "right_step_change" add constraint "right_step_change_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`);
    this.addSql(`alter table "right_step_change" add constraint "right_step_change_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "placement" add constraint "placement_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "placement" add constraint "placement_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade;`);
    this.addSql(`alter table "placement" add constraint "placement_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "placement" add constraint "placement_placed_by_id_foreign" foreign key ("placed_by_id") references "account" ("id") on update cascade;`);

    this.addSql(`drop index "appointment_person_id_index";`);
    this.addSql(`drop index "appointment_structure_id_index";`);

    this.addSql(`create index "appointment_person_scheduled_index" on "appointment" ("person_id", "scheduled_at");`);
    this.addSql(`create index "appointment_structure_scheduled_index" on "appointment" ("structure_id", "scheduled_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "right_step_change" cascade;`);

    this.addSql(`drop table if exists "placement" cascade;`);

    this.addSql(`drop index "appointment_person_scheduled_index";`);
    this.addSql(`drop index "appointment_structure_scheduled_index";`);

    this.addSql(`create index "appointment_person_id_index" on "appointment" ("person_id");`);
    this.addSql(`create index "appointment_structure_id_index" on "appointment" ("structure_id");`);
  }

}
