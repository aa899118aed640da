import { mandateHistorySql, mandateHistoryTables, mandateSourceSql } from './mandate-rule';

/**
 * The database objects that keep the table `mandate` equal to what the history implies,
 * generated from the mandate rule (mandate-rule.ts), in the transaction that changes the
 * history, whoever writes it (the API, the seeds' set-based SQL, a script):
 * - the views mandate_source (every source of a mandate) and mandate_history (per structure
 *   and person, the strongest state and the source that states it);
 * - after each INSERT, UPDATE or DELETE statement on a table of the history, mandate_refresh
 *   rewrites the mandates of the persons the statement touched (upsert of what the history
 *   implies, delete of what it no longer implies). The triggers fire in every
 *   session_replication_role (ENABLE ALWAYS): bulk loads that skip the foreign-key triggers
 *   keep the mandates right. TRUNCATE rebuilds the whole table;
 * - mandate_refresh locks the touched persons' rows first (FOR NO KEY UPDATE, the lock of the
 *   write door): two transactions changing one person's history wait for each other, and the
 *   second recomputes from a snapshot taken after the first committed (READ COMMITTED);
 * - mandate_refresh and mandate_rebuild run as the owner (security definer, fixed
 *   search_path); nothing else writes the table: a direct INSERT, UPDATE or DELETE raises
 *   (foreign-key cascades, run by triggers, pass).
 * Each object is one or more statements, in the order they must run; migrations snapshot them
 * as literal text (`npm run policy:snapshot`), never by importing this file.
 */
export interface PolicyObject {
  kind: 'view' | 'function' | 'trigger';
  /** The view's or function's name (functions with their argument types), or the trigger's. */
  name: string;
  /** The trigger's table. */
  table?: string;
  /** Statements that create or replace it, and (for a trigger) enable it. */
  statements: string[];
}

const EVENTS = ['insert', 'update', 'delete'] as const;

/** Transition tables of a statement-level trigger (PostgreSQL allows them on single-event triggers only). */
const TRANSITION: Record<(typeof EVENTS)[number], string> = {
  insert: 'referencing new table as new_rows',
  update: 'referencing old table as old_rows new table as new_rows',
  delete: 'referencing old table as old_rows',
};

/** A mandate row's columns but its key. */
const MANDATE_VALUES = 'state, since, ended_at, opened_by, opened_by_id';
const MANDATE_COLUMNS = `structure_id, person_id, ${MANDATE_VALUES}`;
const OWNER = 'security definer set search_path = public, pg_temp';

function view(name: string, query: string): PolicyObject {
  return { kind: 'view', name, statements: [`create or replace view ${name} as\n${query};`] };
}

function plpgsql(name: string, signature: string, returns: string, body: string, options = ''): PolicyObject {
  return {
    kind: 'function',
    name: `${name}(${signature.replace(/\w+ (\w+(\[\])?)/g, '$1')})`,
    statements: [`create or replace function ${name}(${signature}) returns ${returns} language plpgsql${options ? ` ${options}` : ''} as $$\n${body}\n$$;`],
  };
}

function trigger(name: string, table: string, definition: string): PolicyObject {
  return {
    kind: 'trigger',
    name,
    table,
    statements: [`create or replace trigger "${name}" ${definition};`, `alter table "${table}" enable always trigger "${name}";`],
  };
}

const REFRESH = `begin
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
  insert into mandate as m (${MANDATE_COLUMNS}, person_created_at, updated_at)
  select ${prefixed('f', MANDATE_COLUMNS)}, p.created_at, now()
  from fresh f join person p on p.id = f.person_id
  on conflict (structure_id, person_id) do update
    set state = excluded.state, since = excluded.since, ended_at = excluded.ended_at,
        opened_by = excluded.opened_by, opened_by_id = excluded.opened_by_id, person_created_at = excluded.person_created_at,
        updated_at = excluded.updated_at
    where (${prefixed('m', MANDATE_VALUES)}, m.person_created_at)
      is distinct from (${prefixed('excluded', MANDATE_VALUES)}, excluded.person_created_at);
  perform set_config('passerelle.mandate_refresh', '', true);
end;`;

const REBUILD = `begin
  perform set_config('passerelle.mandate_refresh', 'on', true);
  delete from mandate;
  insert into mandate (${MANDATE_COLUMNS}, person_created_at, updated_at)
  select ${prefixed('h', MANDATE_COLUMNS)}, p.created_at, now()
  from mandate_history h join person p on p.id = h.person_id;
  perform set_config('passerelle.mandate_refresh', '', true);
end;`;

function prefixed(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

function refreshAfter(table: string, personColumn: string): string {
  return `begin
  if tg_op = 'INSERT' then
    perform mandate_refresh(array(select ${personColumn} from new_rows));
  elsif tg_op = 'UPDATE' then
    perform mandate_refresh(array(select ${personColumn} from new_rows union select ${personColumn} from old_rows));
  else
    perform mandate_refresh(array(select ${personColumn} from old_rows));
  end if;
  return null;
end;`;
}

/** The objects that maintain the mandate table, in the order they are created. */
export function mandateObjects(): PolicyObject[] {
  const tables = mandateHistoryTables();
  const objects: PolicyObject[] = [
    view('mandate_source', mandateSourceSql()),
    view('mandate_history', mandateHistorySql()),
    plpgsql('mandate_refresh', 'person_ids uuid[]', 'void', REFRESH, OWNER),
    plpgsql('mandate_rebuild', '', 'void', REBUILD, OWNER),
    plpgsql('mandate_rebuild_after_truncate', '', 'trigger', `begin\n  perform mandate_rebuild();\n  return null;\nend;`),
  ];
  for (const { table, personColumn } of tables) {
    objects.push(plpgsql(`mandate_refresh_after_${table}`, '', 'trigger', refreshAfter(table, personColumn)));
    for (const event of EVENTS) {
      objects.push(
        trigger(`${table}_mandate_${event}`, table, `after ${event} on "${table}" ${TRANSITION[event]}
  for each statement execute function mandate_refresh_after_${table}()`),
      );
    }
    objects.push(trigger(`${table}_mandate_truncate`, table, `after truncate on "${table}"\n  for each statement execute function mandate_rebuild_after_truncate()`));
  }
  const names = tables.map(({ table }) => table);
  const sources = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  objects.push(
    plpgsql(
      'mandate_reject_direct_write',
      '',
      'trigger',
      `begin
  if pg_trigger_depth() < 2 and current_setting('passerelle.mandate_refresh', true) is distinct from 'on' then
    raise exception 'mandate follows ${sources} through their triggers: % is not allowed', tg_op
      using errcode = 'insufficient_privilege';
  end if;
  return null;
end;`,
    ),
  );
  // Enabled as first created (origin and local sessions), unlike the history's triggers.
  objects.push({
    kind: 'trigger',
    name: 'mandate_written_by_triggers_only',
    table: 'mandate',
    statements: [
      `create or replace trigger "mandate_written_by_triggers_only" before insert or update or delete on "mandate"\n  for each statement execute function mandate_reject_direct_write();`,
    ],
  });
  return objects;
}
