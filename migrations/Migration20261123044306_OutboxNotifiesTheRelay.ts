import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox wakes its relay with a notification instead of a job: queuing the fan-out job from
 * every write (graphile_worker.add_job in the trigger) cost each write about a millisecond of
 * PostgreSQL and held the pending job's row until commit, so that concurrent writes waited for
 * one another (measured with npm run bench:writes: 194 → 135 writes a second). Now a statement
 * that inserts outbox events notifies `passerelle_outbox` (delivered at commit, once per
 * transaction); each worker listens and queues the fan-out job itself, under one job key. The
 * worker's crontab also runs the fan-out every minute, for events written while no worker listened.
 */
export class Migration20261123044306_OutboxNotifiesTheRelay extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function outbox_event_wake_relay() returns trigger language plpgsql as $$
begin
  perform pg_notify('passerelle_outbox', '');
  return null;
end;
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function outbox_event_wake_relay() returns trigger language plpgsql as $$
begin
  perform graphile_worker.add_job('fan_out_events', '{}'::json, job_key => 'fan_out_events', max_attempts => 25);
  return null;
end;
$$;`);
  }

}
