import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows the outcome facts read, by the column naming the person. */
const WATCHED: [table: string, column: string][] = [
  ['person', 'id'],
  ['person_judicial', 'person_id'],
  ['person_housing', 'person_id'],
  ['person_social', 'person_id'],
  ['person_health_summary', 'person_id'],
  ['right_step', 'person_id'],
  ['placement', 'person_id'],
  ['follow_up', 'person_id'],
  ['action_participation', 'person_id'],
];

/**
 * Marks a person's outcome facts stale in the transaction that changes what they read;
 * the outcome service recomputes stale persons before each aggregate. A structure whose
 * kind or département changes marks every person stale.
 */
export class Migration20261122091747_OutcomeFactTriggers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function outcome_fact_mark_stale() returns trigger language plpgsql as $$
declare
  changed jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
begin
  insert into outcome_fact_stale (person_id) values ((changed ->> tg_argv[0])::uuid)
    on conflict (person_id) do nothing;
  return null;
end;
$$;`);
    for (const [table, column] of WATCHED) {
      this.addSql(`create trigger "${table}_outcome_fact_stale" after insert or update or delete on "${table}"
  for each row execute function outcome_fact_mark_stale('${column}');`);
    }
    this.addSql(`create function outcome_fact_mark_all_stale() returns trigger language plpgsql as $$
begin
  if new.kind is distinct from old.kind or new.departement is distinct from old.departement then
    insert into outcome_fact_stale (person_id) select id from person on conflict (person_id) do nothing;
  end if;
  return null;
end;
$$;`);
    this.addSql(`create trigger "structure_outcome_fact_stale" after update on "structure"
  for each row execute function outcome_fact_mark_all_stale();`);
    this.addSql(`insert into outcome_fact_stale (person_id) select id from person on conflict (person_id) do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "structure_outcome_fact_stale" on "structure";`);
    this.addSql(`drop function if exists outcome_fact_mark_all_stale();`);
    for (const [table] of WATCHED) this.addSql(`drop trigger if exists "${table}_outcome_fact_stale" on "${table}";`);
    this.addSql(`drop function if exists outcome_fact_mark_stale();`);
  }

}
