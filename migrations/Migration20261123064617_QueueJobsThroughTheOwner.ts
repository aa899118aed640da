import { Migration } from '@mikro-orm/migrations';

/**
 * graphile-worker's tables have row-level security with no policy: only their owner reaches
 * them. The application's role (src/config/database-roles.ts) queues a job in its own
 * transaction (a webhook delivery) through this function, which runs as the owner and does
 * that one thing: add a job.
 */
export class Migration20261123064617_QueueJobsThroughTheOwner extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function passerelle_add_job(identifier text, payload json, run_at timestamptz, job_key text, max_attempts integer)
returns void language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  perform graphile_worker.add_job(identifier, payload, run_at => run_at, job_key => job_key, max_attempts => max_attempts);
end;
$$;`);
    this.addSql(`revoke execute on function passerelle_add_job(text, json, timestamptz, text, integer) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists passerelle_add_job(text, json, timestamptz, text, integer);`);
  }

}
