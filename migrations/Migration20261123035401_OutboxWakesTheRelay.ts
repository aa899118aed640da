import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox wakes its relay: every statement that inserts outbox events queues the fan-out job
 * of the job queue (graphile-worker, whose schema `migrate` installs first), under one job key,
 * so that one fan-out waits at a time however many events come. In the inserting transaction:
 * a write that rolls back queues nothing.
 */
export class Migration20261123035401_OutboxWakesTheRelay extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function outbox_event_wake_relay() returns trigger language plpgsql as $$
begin
  perform graphile_worker.add_job('fan_out_events', '{}'::json, job_key => 'fan_out_events', max_attempts => 25);
  return null;
end;
$$;`);
    this.addSql(`create trigger outbox_event_wake_relay after insert on "outbox_event"
  for each statement execute function outbox_event_wake_relay();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists outbox_event_wake_relay on "outbox_event";`);
    this.addSql(`drop function if exists outbox_event_wake_relay();`);
  }

}
