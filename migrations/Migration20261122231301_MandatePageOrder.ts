import { Migration } from '@mikro-orm/migrations';

/** mandate_refresh as Migration20261122221316_MandatesMaintained wrote it, with the person's registration or without. */
function refreshFunction(withPersonCreatedAt: boolean): string {
  const column = withPersonCreatedAt ? ', person_created_at' : '';
  return `create or replace function mandate_refresh(person_ids uuid[]) returns void language plpgsql as $$
begin
  if coalesce(cardinality(person_ids), 0) = 0 then
    return;
  end if;
  perform 1 from person where id = any(person_ids) order by id for no key update;
  perform set_config('passerelle.mandate_refresh', 'on', true);
  with fresh as materialized (
    select * from mandate_history where person_id = any(person_ids)
  ), gone as (
    delete from mandate m
    where m.person_id = any(person_ids)
      and not exists (select 1 from fresh f where f.structure_id = m.structure_id and f.person_id = m.person_id)
  )
  insert into mandate as m (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id${column}, updated_at)
  select f.structure_id, f.person_id, f.state, f.since, f.ended_at, f.opened_by, f.opened_by_id${withPersonCreatedAt ? ', p.created_at' : ''}, now()
  from fresh f${withPersonCreatedAt ? ' join person p on p.id = f.person_id' : ''}
  on conflict (structure_id, person_id) do update
    set state = excluded.state, since = excluded.since, ended_at = excluded.ended_at,
        opened_by = excluded.opened_by, opened_by_id = excluded.opened_by_id${withPersonCreatedAt ? ', person_created_at = excluded.person_created_at' : ''},
        updated_at = excluded.updated_at
    where (m.state, m.since, m.ended_at, m.opened_by, m.opened_by_id${withPersonCreatedAt ? ', m.person_created_at' : ''})
      is distinct from (excluded.state, excluded.since, excluded.ended_at, excluded.opened_by, excluded.opened_by_id${withPersonCreatedAt ? ', excluded.person_created_at' : ''});
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`;
}

/** mandate_rebuild likewise. */
function rebuildFunction(withPersonCreatedAt: boolean): string {
  return `create or replace function mandate_rebuild() returns void language plpgsql as $$
begin
  perform set_config('passerelle.mandate_refresh', 'on', true);
  delete from mandate;
  insert into mandate (structure_id, person_id, state, since, ended_at, opened_by, opened_by_id${withPersonCreatedAt ? ', person_created_at' : ''}, updated_at)
  select h.structure_id, h.person_id, h.state, h.since, h.ended_at, h.opened_by, h.opened_by_id${withPersonCreatedAt ? ', p.created_at' : ''}, now()
  from mandate_history h${withPersonCreatedAt ? ' join person p on p.id = h.person_id' : ''};
  perform set_config('passerelle.mandate_refresh', '', true);
end;
$$;`;
}

/**
 * A structure's persons page in registration order reads a range of an index, not a sort of
 * all the structure's persons: each mandate row carries its person's registration
 * (person_created_at = person.created_at), written by mandate_refresh and mandate_rebuild
 * (which the triggers on person, referral and follow_up call: a change of person.created_at
 * refreshes the person's rows), and the index (structure_id, person_created_at, person_id,
 * state, ended_at) gives the page's order with the retention and mandate filters on its
 * entries. Existing rows are backfilled from person.
 */
export class Migration20261122231301_MandatePageOrder extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "mandate" add column "person_created_at" timestamptz null;`);
    this.addSql(refreshFunction(true));
    this.addSql(rebuildFunction(true));
    // No history write may slip between the backfill and the commit.
    this.addSql(`lock table person, referral, follow_up in share mode;`);
    this.addSql(`select set_config('passerelle.mandate_refresh', 'on', true);`);
    this.addSql(`update mandate m set person_created_at = p.created_at from person p where p.id = m.person_id;`);
    this.addSql(`select set_config('passerelle.mandate_refresh', '', true);`);
    this.addSql(`alter table "mandate" alter column "person_created_at" set not null;`);
    this.addSql(`create index "mandate_structure_page_index" on "mandate" ("structure_id", "person_created_at", "person_id", "state", "ended_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(refreshFunction(false));
    this.addSql(rebuildFunction(false));
    this.addSql(`drop index if exists "mandate_structure_page_index";`);
    this.addSql(`alter table "mandate" drop column if exists "person_created_at";`);
  }

}
