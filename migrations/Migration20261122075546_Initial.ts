import { Migration } from '@mikro-orm/migrations';

export class Migration20261122075546_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "structure" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "kind" text check ("kind" in ('SPIP', 'PRISON', 'CSAPA', 'SIAO', 'ASSOCIATION', 'EVALUATOR', 'PLATFORM')) not null, "departement" text null, "city" text null, "region" text null, constraint "structure_pkey" primary key ("id"), constraint structure_departement_format check (departement ~ '^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])\$'));`);
    this.addSql(`alter table "structure" add constraint "structure_name_unique" unique ("name");`);
    this.addSql(`create index "structure_kind_index" on "structure" ("kind");`);

    this.addSql(`create table "service" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "structure_id" uuid not null, "name" text not null, "housing_places" int null, "active_file_capacity" int null, "needs" text[] not null default '{}', "receives_referrals" boolean not null default true, constraint "service_pkey" primary key ("id"), constraint service_needs_values check (needs <@ array['HOUSING', 'ADDICTION_CARE', 'HEALTH', 'RIGHTS', 'EMPLOYMENT', 'SOCIAL_SUPPORT']::text[]), constraint service_active_file_capacity_non_negative check (active_file_capacity >= 0), constraint service_housing_places_non_negative check (housing_places >= 0));`);
    this.addSql(`create index "service_structure_id_index" on "service" ("structure_id");`);

    this.addSql(`create table "person" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "pseudonym" text not null, "spip_id" uuid not null, "registered_by_id" uuid not null, "file_status" text check ("file_status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "file_closed_at" timestamptz null, "last_contact_at" timestamptz null, "pseudonymised_at" timestamptz null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_pseudonym_unique" unique ("pseudonym");`);
    this.addSql(`create index "person_spip_id_index" on "person" ("spip_id");`);
    this.addSql(`create index "person_registered_by_id_index" on "person" ("registered_by_id");`);

    this.addSql(`create table "right_step" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "kind" text check ("kind" in ('ID_CARD', 'RSA', 'HEALTH_INSURANCE', 'DOMICILIATION', 'SHELTER_REQUEST', 'SOCIAL_HOUSING_REQUEST', 'EMPLOYMENT_REGISTRATION', 'BANK_ACCOUNT')) not null, "status" text check ("status" in ('TO_DO', 'SUBMITTED', 'OBTAINED', 'REFUSED')) not null default 'TO_DO', "note" text null, "updated_by_structure_id" uuid null, constraint "right_step_pkey" primary key ("id"));`);
    this.addSql(`create index "right_step_updated_by_structure_id_index" on "right_step" ("updated_by_structure_id");`);
    this.addSql(`alter table "right_step" add constraint "right_step_person_kind_unique" unique ("person_id", "kind");`);

    this.addSql(`create table "person_social" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "resources" text null, "employment" text null, "employment_status" text check ("employment_status" in ('UNKNOWN', 'NONE', 'JOB_SEEKING', 'TRAINING', 'ASSISTED_CONTRACT', 'EMPLOYED')) not null default 'UNKNOWN', constraint "person_social_pkey" primary key ("person_id"));`);

    this.addSql(`create table "person_judicial_detail" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "offence" text null, "sentence_end_date" date null, "prison_number" text null, constraint "person_judicial_detail_pkey" primary key ("person_id"));`);

    this.addSql(`create table "person_judicial" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "establishment_id" uuid null, "expected_release_date" date null, "released_on" date null, "measure" text check ("measure" in ('NONE', 'CONDITIONAL_RELEASE', 'JUDICIAL_SUPERVISION', 'PROBATION', 'ELECTRONIC_MONITORING', 'EXTERNAL_PLACEMENT', 'SEMI_LIBERTY')) not null default 'NONE', "care_obligation" boolean not null default false, constraint "person_judicial_pkey" primary key ("person_id"));`);
    this.addSql(`create index "person_judicial_establishment_id_index" on "person_judicial" ("establishment_id");`);
    this.addSql(`create index "person_judicial_expected_release_date_index" on "person_judicial" ("expected_release_date");`);

    this.addSql(`create table "person_identity" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "first_name" text not null, "last_name" text not null, "birth_date" date null, "sex" text check ("sex" in ('F', 'M', 'X')) null, "phone" text null, "email" text null, constraint "person_identity_pkey" primary key ("person_id"));`);

    this.addSql(`create table "person_housing" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "status" text check ("status" in ('UNKNOWN', 'NONE', 'EMERGENCY_SHELTER', 'CHRS', 'TRANSITIONAL', 'FAMILY', 'PRIVATE_RENTAL', 'SOCIAL_HOUSING')) not null default 'UNKNOWN', "shelter_requested_at" date null, constraint "person_housing_pkey" primary key ("person_id"));`);

    this.addSql(`create table "person_health_summary" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "in_care" boolean not null, "care_structure_id" uuid null, "since" date null, constraint "person_health_summary_pkey" primary key ("person_id"));`);
    this.addSql(`create index "person_health_summary_care_structure_id_index" on "person_health_summary" ("care_structure_id");`);

    this.addSql(`create table "person_health_record" ("person_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, "substances" text[] not null default '{}', "treatment" text null, "notes" text null, constraint "person_health_record_pkey" primary key ("person_id"));`);

    this.addSql(`create table "convention" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "structure_id" uuid not null, "service_id" uuid null, "partner_id" uuid not null, "yearly_quota" int not null, "valid_from" date not null, "valid_to" date null, "title" text null, constraint "convention_pkey" primary key ("id"), constraint convention_validity_order check (valid_to is null or valid_to >= valid_from), constraint convention_yearly_quota_positive check (yearly_quota > 0));`);
    this.addSql(`create index "convention_structure_id_index" on "convention" ("structure_id");`);
    this.addSql(`create index "convention_service_id_index" on "convention" ("service_id");`);
    this.addSql(`create index "convention_partner_id_index" on "convention" ("partner_id");`);

    this.addSql(`create table "action" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "title" text not null, "carrier_id" uuid not null, "theme" text not null, "general_objectives" text[] not null default '{}', "operational_objectives" text[] not null default '{}', "description" text null, "target_public" text null, "start_year" int null, "end_year" int null, "duration" text null, "frequency" text check ("frequency" in ('ONE_OFF', 'REPEATED')) null, "types" text[] not null default '{}', "places" text[] not null default '{}', "departements" text[] not null default '{}', "region" text null, "sector" text null, "national_plan" text null, "categories" text[] not null default '{}', "beneficiaries" int null, constraint "action_pkey" primary key ("id"), constraint action_departements_format check (array_to_string(departements, ' ') ~ '^((0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])( |\$))*\$'), constraint action_categories_values check (categories <@ array['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2', 'C3', 'D']::text[]), constraint action_types_values check (types <@ array['COMMUNICATION_INFORMATION_AWARENESS', 'INDIVIDUAL_SUPPORT', 'CARE', 'TRAINING', 'GROUP_SESSIONS']::text[]), constraint action_beneficiaries_non_negative check (beneficiaries >= 0), constraint action_years_order check (end_year is null or start_year is null or end_year >= start_year));`);
    this.addSql(`create index "action_carrier_id_index" on "action" ("carrier_id");`);

    this.addSql(`create table "evaluation" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "action_id" uuid not null, "period_start" date not null, "period_end" date not null, "assessment" text null, "weaknesses" text[] not null default '{}', "perspectives" text[] not null default '{}', "author_id" uuid null, constraint "evaluation_pkey" primary key ("id"), constraint evaluation_period_order check (period_end >= period_start));`);
    this.addSql(`create index "evaluation_action_id_index" on "evaluation" ("action_id");`);
    this.addSql(`create index "evaluation_author_id_index" on "evaluation" ("author_id");`);

    this.addSql(`create table "indicator" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "evaluation_id" uuid not null, "position" int not null, "code" text null, "name" text not null, "value" numeric(14,2) null, "unit" text null, constraint "indicator_pkey" primary key ("id"));`);
    this.addSql(`alter table "indicator" add constraint "indicator_evaluation_position_unique" unique ("evaluation_id", "position");`);

    this.addSql(`create table "indicator_part" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "indicator_id" uuid not null, "departement" text not null, "value" numeric(14,2) null, constraint "indicator_part_pkey" primary key ("id"), constraint indicator_part_departement_format check (departement ~ '^(0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-6])\$'));`);
    this.addSql(`alter table "indicator_part" add constraint "indicator_part_indicator_departement_unique" unique ("indicator_id", "departement");`);

    this.addSql(`create table "account" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "login" text not null, "display_name" text not null, "structure_id" uuid not null, "role" text check ("role" in ('PROBATION_OFFICER', 'CARE_WORKER', 'HOUSING_COORDINATOR', 'SOCIAL_WORKER', 'EVALUATOR', 'STRUCTURE_ADMIN', 'PLATFORM_ADMIN')) not null, "client_kind" text check ("client_kind" in ('USER', 'MACHINE')) not null default 'USER', "disabled" boolean not null default false, constraint "account_pkey" primary key ("id"), constraint account_login_format check (login ~ '^[a-z0-9][a-z0-9._-]{1,63}\$'));`);
    this.addSql(`alter table "account" add constraint "account_login_unique" unique ("login");`);
    this.addSql(`create index "account_structure_id_index" on "account" ("structure_id");`);

    this.addSql(`create table "referral" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "from_structure_id" uuid not null, "to_structure_id" uuid not null, "service_id" uuid null, "needs" text[] not null, "motive" text null, "status" text check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')) not null default 'PENDING', "created_by_id" uuid not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decline_reason" text null, "cancel_reason" text null, "closed_at" timestamptz null, "idempotency_key" text null, constraint "referral_pkey" primary key ("id"), constraint referral_needs_values check (needs <@ array['HOUSING', 'ADDICTION_CARE', 'HEALTH', 'RIGHTS', 'EMPLOYMENT', 'SOCIAL_SUPPORT']::text[]), constraint referral_decline_reason_when_declined check (status <> 'DECLINED' or decline_reason is not null), constraint referral_needs_not_empty check (cardinality(needs) > 0));`);
    this.addSql(`create index "referral_person_id_index" on "referral" ("person_id");`);
    this.addSql(`create index "referral_from_structure_id_index" on "referral" ("from_structure_id");`);
    this.addSql(`create index "referral_service_id_index" on "referral" ("service_id");`);
    this.addSql(`create index "referral_created_by_id_index" on "referral" ("created_by_id");`);
    this.addSql(`create index "referral_decided_by_id_index" on "referral" ("decided_by_id");`);
    this.addSql(`create index "referral_to_structure_status_index" on "referral" ("to_structure_id", "status");`);
    this.addSql(`alter table "referral" add constraint "referral_sender_idempotency_key_unique" unique ("from_structure_id", "idempotency_key");`);

    this.addSql(`create table "follow_up" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "structure_id" uuid not null, "service_id" uuid null, "referral_id" uuid null, "worker_id" uuid null, "start_date" date not null, "end_date" date null, "closing_reason" text null, constraint "follow_up_pkey" primary key ("id"), constraint follow_up_dates_order check (end_date is null or end_date >= start_date));`);
    this.addSql(`create index "follow_up_person_id_index" on "follow_up" ("person_id");`);
    this.addSql(`create index "follow_up_service_id_index" on "follow_up" ("service_id");`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_referral_id_unique" unique ("referral_id");`);
    this.addSql(`create index "follow_up_worker_id_index" on "follow_up" ("worker_id");`);
    this.addSql(`create index "follow_up_structure_open_index" on "follow_up" ("structure_id", "end_date");`);

    this.addSql(`create table "consent" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "domain" text check ("domain" in ('IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH')) not null, "recipient_id" uuid null, "given_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "recorded_by_structure_id" uuid not null, "recorded_by_id" uuid not null, "revoked_by_id" uuid null, constraint "consent_pkey" primary key ("id"), constraint consent_expiry_after_given check (expires_at is null or expires_at > given_at));`);
    this.addSql(`create index "consent_person_id_index" on "consent" ("person_id");`);
    this.addSql(`create index "consent_recipient_id_index" on "consent" ("recipient_id");`);
    this.addSql(`create index "consent_recorded_by_structure_id_index" on "consent" ("recorded_by_structure_id");`);
    this.addSql(`create index "consent_recorded_by_id_index" on "consent" ("recorded_by_id");`);
    this.addSql(`create index "consent_revoked_by_id_index" on "consent" ("revoked_by_id");`);

    this.addSql(`create table "case_note" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "follow_up_id" uuid null, "domain" text check ("domain" in ('IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH')) not null, "author_structure_id" uuid not null, "author_account_id" uuid not null, "text" text not null, "corrects_id" uuid null, constraint "case_note_pkey" primary key ("id"), constraint case_note_text_length check (char_length(text) >= 1 and char_length(text) <= 20000));`);
    this.addSql(`create index "case_note_person_id_index" on "case_note" ("person_id");`);
    this.addSql(`create index "case_note_follow_up_id_index" on "case_note" ("follow_up_id");`);
    this.addSql(`create index "case_note_author_structure_id_index" on "case_note" ("author_structure_id");`);
    this.addSql(`create index "case_note_author_account_id_index" on "case_note" ("author_account_id");`);
    this.addSql(`create index "case_note_corrects_id_index" on "case_note" ("corrects_id");`);

    this.addSql(`create table "audit_entry" ("id" uuid not null default gen_random_uuid(), "at" timestamptz not null default now(), "account_id" uuid not null, "structure_id" uuid not null, "role" text check ("role" in ('PROBATION_OFFICER', 'CARE_WORKER', 'HOUSING_COORDINATOR', 'SOCIAL_WORKER', 'EVALUATOR', 'STRUCTURE_ADMIN', 'PLATFORM_ADMIN')) not null, "client" text check ("client" in ('USER', 'MACHINE')) not null, "kind" text check ("kind" in ('READ', 'WRITE')) not null, "operation" text null, "person_id" uuid null, "domains" text[] not null default '{}', "request_id" text not null, "detail" jsonb null, constraint "audit_entry_pkey" primary key ("id"), constraint audit_entry_domains_values check (domains <@ array['IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH']::text[]));`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_account_id_index" on "audit_entry" ("account_id");`);
    this.addSql(`create index "audit_entry_structure_id_index" on "audit_entry" ("structure_id");`);
    this.addSql(`create index "audit_entry_person_at_index" on "audit_entry" ("person_id", "at");`);

    this.addSql(`create table "appointment" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "person_id" uuid not null, "follow_up_id" uuid null, "structure_id" uuid not null, "created_by_id" uuid not null, "domain" text check ("domain" in ('IDENTITY', 'JUDICIAL', 'JUDICIAL_DETAIL', 'SOCIAL', 'HOUSING', 'HEALTH_SUMMARY', 'HEALTH')) not null, "kind" text check ("kind" in ('PRISON_OFFICE_HOURS', 'INTERVIEW', 'HOME_VISIT', 'ACCOMPANIMENT')) not null, "place" text null, "scheduled_at" timestamptz not null, "status" text check ("status" in ('SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED')) not null default 'SCHEDULED', "held_at" timestamptz null, constraint "appointment_pkey" primary key ("id"));`);
    this.addSql(`create index "appointment_person_id_index" on "appointment" ("person_id");`);
    this.addSql(`create index "appointment_follow_up_id_index" on "appointment" ("follow_up_id");`);
    this.addSql(`create index "appointment_structure_id_index" on "appointment" ("structure_id");`);
    this.addSql(`create index "appointment_created_by_id_index" on "appointment" ("created_by_id");`);

    this.addSql(`alter table "service" add constraint "service_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person" add constraint "person_spip_id_foreign" foreign key ("spip_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "person" add constraint "person_registered_by_id_foreign" foreign key ("registered_by_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "right_step" add constraint "right_step_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "right_step" add constraint "right_step_updated_by_structure_id_foreign" foreign key ("updated_by_structure_id") references "structure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "person_social" add constraint "person_social_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person_judicial_detail" add constraint "person_judicial_detail_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person_judicial" add constraint "person_judicial_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "person_judicial" add constraint "person_judicial_establishment_id_foreign" foreign key ("establishment_id") references "structure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "person_identity" add constraint "person_identity_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person_housing" add constraint "person_housing_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "person_health_summary" add constraint "person_health_summary_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "person_health_summary" add constraint "person_health_summary_care_structure_id_foreign" foreign key ("care_structure_id") references "structure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "person_health_record" add constraint "person_health_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "convention" add constraint "convention_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "convention" add constraint "convention_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "convention" add constraint "convention_partner_id_foreign" foreign key ("partner_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "action" add constraint "action_carrier_id_foreign" foreign key ("carrier_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "evaluation" add constraint "evaluation_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_author_id_foreign" foreign key ("author_id") references "structure" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "indicator" add constraint "indicator_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "indicator_part" add constraint "indicator_part_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account" add constraint "account_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "referral" add constraint "referral_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_from_structure_id_foreign" foreign key ("from_structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_to_structure_id_foreign" foreign key ("to_structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "referral" add constraint "referral_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`);
    this.addSql(`alter table "referral" add constraint "referral_decided_by_id_foreign" foreign key ("decided_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "follow_up" add constraint "follow_up_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_referral_id_foreign" foreign key ("referral_id") references "referral" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "follow_up" add constraint "follow_up_worker_id_foreign" foreign key ("worker_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "consent" add constraint "consent_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "consent" add constraint "consent_recipient_id_foreign" foreign key ("recipient_id") references "structure" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "consent" add constraint "consent_recorded_by_structure_id_foreign" foreign key ("recorded_by_structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "consent" add constraint "consent_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade;`);
    this.addSql(`alter table "consent" add constraint "consent_revoked_by_id_foreign" foreign key ("revoked_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_note" add constraint "case_note_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "case_note" add constraint "case_note_follow_up_id_foreign" foreign key ("follow_up_id") references "follow_up" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_note" add constraint "case_note_author_structure_id_foreign" foreign key ("author_structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "case_note" add constraint "case_note_author_account_id_foreign" foreign key ("author_account_id") references "account" ("id") on update cascade;`);
    this.addSql(`alter table "case_note" add constraint "case_note_corrects_id_foreign" foreign key ("corrects_id") references "case_note" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);

    this.addSql(`alter table "appointment" add constraint "appointment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_follow_up_id_foreign" foreign key ("follow_up_id") references "follow_up" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "appointment" add constraint "appointment_structure_id_foreign" foreign key ("structure_id") references "structure" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service" drop constraint "service_structure_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_spip_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_registered_by_id_foreign";`);

    this.addSql(`alter table "right_step" drop constraint "right_step_updated_by_structure_id_foreign";`);

    this.addSql(`alter table "person_judicial" drop constraint "person_judicial_establishment_id_foreign";`);

    this.addSql(`alter table "person_health_summary" drop constraint "person_health_summary_care_structure_id_foreign";`);

    this.addSql(`alter table "convention" drop constraint "convention_structure_id_foreign";`);

    this.addSql(`alter table "convention" drop constraint "convention_partner_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_carrier_id_foreign";`);

    this.addSql(`alter table "evaluation" drop constraint "evaluation_author_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_structure_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_from_structure_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_to_structure_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_structure_id_foreign";`);

    this.addSql(`alter table "consent" drop constraint "consent_recipient_id_foreign";`);

    this.addSql(`alter table "consent" drop constraint "consent_recorded_by_structure_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_author_structure_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_structure_id_foreign";`);

    this.addSql(`alter table "appointment" drop constraint "appointment_structure_id_foreign";`);

    this.addSql(`alter table "convention" drop constraint "convention_service_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_service_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_service_id_foreign";`);

    this.addSql(`alter table "right_step" drop constraint "right_step_person_id_foreign";`);

    this.addSql(`alter table "person_social" drop constraint "person_social_person_id_foreign";`);

    this.addSql(`alter table "person_judicial_detail" drop constraint "person_judicial_detail_person_id_foreign";`);

    this.addSql(`alter table "person_judicial" drop constraint "person_judicial_person_id_foreign";`);

    this.addSql(`alter table "person_identity" drop constraint "person_identity_person_id_foreign";`);

    this.addSql(`alter table "person_housing" drop constraint "person_housing_person_id_foreign";`);

    this.addSql(`alter table "person_health_summary" drop constraint "person_health_summary_person_id_foreign";`);

    this.addSql(`alter table "person_health_record" drop constraint "person_health_record_person_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_person_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_person_id_foreign";`);

    this.addSql(`alter table "consent" drop constraint "consent_person_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_person_id_foreign";`);

    this.addSql(`alter table "appointment" drop constraint "appointment_person_id_foreign";`);

    this.addSql(`alter table "evaluation" drop constraint "evaluation_action_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_evaluation_id_foreign";`);

    this.addSql(`alter table "indicator_part" drop constraint "indicator_part_indicator_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_created_by_id_foreign";`);

    this.addSql(`alter table "referral" drop constraint "referral_decided_by_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_worker_id_foreign";`);

    this.addSql(`alter table "consent" drop constraint "consent_recorded_by_id_foreign";`);

    this.addSql(`alter table "consent" drop constraint "consent_revoked_by_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_author_account_id_foreign";`);

    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_account_id_foreign";`);

    this.addSql(`alter table "appointment" drop constraint "appointment_created_by_id_foreign";`);

    this.addSql(`alter table "follow_up" drop constraint "follow_up_referral_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_follow_up_id_foreign";`);

    this.addSql(`alter table "appointment" drop constraint "appointment_follow_up_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_corrects_id_foreign";`);

    this.addSql(`drop table if exists "structure" cascade;`);

    this.addSql(`drop table if exists "service" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "right_step" cascade;`);

    this.addSql(`drop table if exists "person_social" cascade;`);

    this.addSql(`drop table if exists "person_judicial_detail" cascade;`);

    this.addSql(`drop table if exists "person_judicial" cascade;`);

    this.addSql(`drop table if exists "person_identity" cascade;`);

    this.addSql(`drop table if exists "person_housing" cascade;`);

    this.addSql(`drop table if exists "person_health_summary" cascade;`);

    this.addSql(`drop table if exists "person_health_record" cascade;`);

    this.addSql(`drop table if exists "convention" cascade;`);

    this.addSql(`drop table if exists "action" cascade;`);

    this.addSql(`drop table if exists "evaluation" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "indicator_part" cascade;`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "follow_up" cascade;`);

    this.addSql(`drop table if exists "consent" cascade;`);

    this.addSql(`drop table if exists "case_note" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "appointment" cascade;`);
  }

}
