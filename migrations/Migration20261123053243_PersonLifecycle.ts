import { Migration } from '@mikro-orm/migrations';

export class Migration20261123053243_PersonLifecycle extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "person_transfer" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "from_spip_id" uuid not null, "to_spip_id" uuid not null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'REFUSED')) not null default 'PENDING', "reason" text not null, "refusal_reason" text null, "decided_at" timestamptz null, constraint "person_transfer_pkey" primary key ("id"), constraint person_transfer_other_spip check (from_spip_id <> to_spip_id));`);
    this.addSql(`create index "person_transfer_person_id_index" on "person_transfer" ("person_id");`);
    this.addSql(`create index "person_transfer_from_spip_id_index" on "person_transfer" ("from_spip_id");`);
    this.addSql(`create index "person_transfer_to_spip_id_index" on "person_transfer" ("to_spip_id");`);
    this.addSql(`create unique index "person_transfer_one_pending_index" on "person_transfer" ("person_id") where "status" = 'PENDING';`);

    this.addSql(`alter table "person_transfer" add constraint "person_transfer_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "person_transfer" add constraint "person_transfer_from_spip_id_foreign" foreign key ("from_spip_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "person_transfer" add constraint "person_transfer_to_spip_id_foreign" foreign key ("to_spip_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "outbox_event" drop constraint if exists "outbox_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "audit_read" add column "restricted_person_ids" uuid[] not null default '{}';`);

    this.addSql(`alter table "person" add column "file_closed_reason" text null, add column "restricted_at" timestamptz null, add column "restricted_visible_to" uuid[] not null default '{}';`);

    this.addSql(`alter table "outbox_event" add constraint "outbox_event_type_check" check("type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED', 'TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'TRANSFER_REFUSED', 'FILE_CLOSED'));`);

    this.addSql(`alter table "audit_entry" add column "restricted" boolean not null default false;`);

    this.addSql(`alter table "webhook_subscription" drop constraint webhook_subscription_event_types_values;`);

    this.addSql(`alter table "webhook_subscription" add constraint webhook_subscription_event_types_values check(event_types <@ array['PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED', 'TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'TRANSFER_REFUSED', 'FILE_CLOSED']::text[]);`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED', 'TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'TRANSFER_REFUSED', 'FILE_CLOSED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "person_transfer" cascade;`);

    this.addSql(`alter table "outbox_event" drop constraint if exists "outbox_event_type_check";`);

    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_event_type_check";`);

    this.addSql(`alter table "audit_entry" drop column "restricted";`);

    this.addSql(`alter table "audit_read" drop column "restricted_person_ids";`);

    this.addSql(`alter table "outbox_event" add constraint "outbox_event_type_check" check("type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED'));`);

    this.addSql(`alter table "person" drop column "file_closed_reason", drop column "restricted_at", drop column "restricted_visible_to";`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_type_check" check("event_type" in ('PERSON_REGISTERED', 'REFERRAL_CREATED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_STARTED', 'REFERRAL_COMPLETED', 'REFERRAL_CANCELLED', 'FOLLOW_UP_OPENED', 'FOLLOW_UP_CLOSED', 'RIGHT_STEP_CHANGED', 'RIGHT_OBTAINED', 'PLACEMENT_MADE', 'PLACEMENT_ENDED', 'APPOINTMENT_SCHEDULED', 'APPOINTMENT_OUTCOME_RECORDED', 'CASE_NOTE_WRITTEN', 'CONSENT_RECORDED', 'CONSENT_REVOKED'));`);

    this.addSql(`alter table "webhook_subscription" drop constraint webhook_subscription_event_types_values;`);

    this.addSql(`alter table "webhook_subscription" add constraint webhook_subscription_event_types_values check(event_types <@ ARRAY['PERSON_REGISTERED'::text, 'REFERRAL_CREATED'::text, 'REFERRAL_ACCEPTED'::text, 'REFERRAL_DECLINED'::text, 'REFERRAL_STARTED'::text, 'REFERRAL_COMPLETED'::text, 'REFERRAL_CANCELLED'::text, 'FOLLOW_UP_OPENED'::text, 'FOLLOW_UP_CLOSED'::text, 'RIGHT_STEP_CHANGED'::text, 'RIGHT_OBTAINED'::text, 'PLACEMENT_MADE'::text, 'PLACEMENT_ENDED'::text, 'APPOINTMENT_SCHEDULED'::text, 'APPOINTMENT_OUTCOME_RECORDED'::text, 'CASE_NOTE_WRITTEN'::text, 'CONSENT_RECORDED'::text, 'CONSENT_REVOKED'::text]);`);
  }

}
