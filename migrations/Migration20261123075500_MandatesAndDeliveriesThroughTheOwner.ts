import { Migration } from '@mikro-orm/migrations';

/**
 * Two things the application's role could do that the application never needs:
 * - Write mandate rows. They follow person, referral, follow_up and person_transfer through
 *   statement triggers, and a direct write was refused unless the transaction's setting
 *   `passerelle.mandate_refresh` was on — a setting any session may set. mandate_refresh and
 *   mandate_rebuild now run as the owner (security definer, fixed search_path), and the
 *   application role keeps only SELECT on mandate (src/config/database-roles.ts): the triggers
 *   still rewrite the mandates of every write, nothing else can. mandate_rebuild (a rewrite of the
 *   whole table) is no longer anyone's to call but the owner's (truncates are the owner's too).
 * - Queue any job. passerelle_add_job let the application name any task, payload and key; the
 *   only job it queues is a webhook delivery attempt. passerelle_queue_delivery queues exactly
 *   that, for a delivery that exists, and passerelle_add_job is dropped.
 */
export class Migration20261123075500_MandatesAndDeliveriesThroughTheOwner extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter function mandate_refresh(uuid[]) security definer set search_path = public, pg_temp;`);
    this.addSql(`alter function mandate_rebuild() security definer set search_path = public, pg_temp;`);
    this.addSql(`revoke execute on function mandate_rebuild() from public;`);
    // Security definer: callable by the application's role only (the grant is src/config/database-roles.ts's).
    this.addSql(`revoke execute on function mandate_refresh(uuid[]) from public;`);

    this.addSql(`create function passerelle_queue_delivery(delivery_id uuid, run_at timestamptz)
returns void language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  if not exists (select 1 from public.webhook_delivery where id = delivery_id) then
    raise exception 'no webhook delivery %', delivery_id using errcode = 'no_data_found';
  end if;
  perform graphile_worker.add_job('deliver_webhook', json_build_object('deliveryId', delivery_id::text),
    run_at => coalesce(run_at, now()), job_key => 'webhook-delivery:' || delivery_id::text, max_attempts => 10);
end;
$$;`);
    this.addSql(`revoke execute on function passerelle_queue_delivery(uuid, timestamptz) from public;`);
    this.addSql(`drop function passerelle_add_job(text, json, timestamptz, text, integer);`);
  }

  override async down(): Promise<void> {
    this.addSql(`create function passerelle_add_job(identifier text, payload json, run_at timestamptz, job_key text, max_attempts integer)
returns void language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  perform graphile_worker.add_job(identifier, payload, run_at => run_at, job_key => job_key, max_attempts => max_attempts);
end;
$$;`);
    this.addSql(`revoke execute on function passerelle_add_job(text, json, timestamptz, text, integer) from public;`);
    this.addSql(`drop function if exists passerelle_queue_delivery(uuid, timestamptz);`);
    this.addSql(`grant execute on function mandate_rebuild() to public;`);
    this.addSql(`grant execute on function mandate_refresh(uuid[]) to public;`);
    this.addSql(`alter function mandate_rebuild() security invoker reset search_path;`);
    this.addSql(`alter function mandate_refresh(uuid[]) security invoker reset search_path;`);
  }

}
