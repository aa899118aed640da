/**
 * The mandate scoping on a volume data set, the mandate table against the derivation from
 * the history it replaced:
 *   npm run mandates:explain [-- <persons>]
 * Starts a scratch PostgreSQL, loads the demo data and the volume data set (20,000 persons
 * by default), checks that the table equals the history, prints the plan of a page of 50
 * persons of one SPIP and the median time of the scoping queries both ways.
 * Figures depend on the machine.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { loadDemoData } from '../src/config/demo-data';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { mandateSubquery } from '../src/policy/mandate.repository';
import { mandatesFromHistorySql } from '../src/policy/mandate-rule';
import { seedVolume } from '../seeds/factories/bulk-volume';

const RUNS = 25;

type Scoping = (structureId: string, onlyPersons?: readonly string[]) => { sql: string; params: unknown[] };

function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * A page of persons as persons.list read it before the page index (a join of the scoped mandates
 * and a sort; src/persons/person.service.ts now reads a range of mandate_structure_page_index).
 */
function personsPage(scoping: Scoping, structureId: string, first: number): { sql: string; params: unknown[] } {
  const mandates = scoping(structureId);
  return {
    sql: `select p.*, m.state as mandate_state
          from person p join (${mandates.sql}) m on m.person_id = p.id
          order by p.created_at, p.id limit ?`,
    params: [...mandates.params, first + 1],
  };
}

function count(scoping: Scoping, structureId: string): { sql: string; params: unknown[] } {
  const mandates = scoping(structureId);
  return { sql: `select count(*)::int from (${mandates.sql}) m`, params: mandates.params };
}

async function median(client: Client, query: { sql: string; params: unknown[] }): Promise<number> {
  const sql = numbered(query.sql);
  await client.query(sql, query.params);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    await client.query(sql, query.params);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 20_000);
  const db = await startScratchDatabase('mandates');
  const orm = await initOrm(db.url, { onDriverWarning: () => undefined });
  const client = new Client({ connectionString: db.url });
  try {
    await migrate(orm);
    await loadDemoData(orm);
    let started = Date.now();
    const counts = await seedVolume(db.url, { persons, referralsPerPerson: 3 });
    console.log(`volume loaded in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
    await client.connect();
    // As autovacuum leaves it: statistics, and the visibility map for index-only scans.
    await client.query('vacuum analyze');
    const [{ rows: mandates }, { rows: differences }] = await Promise.all([
      client.query(`select state, count(*)::int from mandate group by state order by state`),
      client.query(`select count(*)::int as n from (
         (select structure_id, person_id, state, since, ended_at, opened_by, opened_by_id from mandate
          except all select * from mandate_history)
         union all
         (select * from mandate_history
          except all select structure_id, person_id, state, since, ended_at, opened_by, opened_by_id from mandate)) d`),
    ]);
    console.log(`mandate rows: ${JSON.stringify(mandates)}; rows differing from the history: ${differences[0].n}`);

    const structures = await client.query<{ id: string; name: string; persons: number }>(
      `select s.id, s.name, count(m.person_id)::int as persons from structure s join mandate m on m.structure_id = s.id
       where s.name in ('SPIP (volume) 38', 'Relais Isère Sortants', 'CSAPA Nantes Addictions') group by s.id, s.name order by s.name`,
    );
    const spip = structures.rows.find((s) => s.name.startsWith('SPIP'))!;
    const page = personsPage(mandateSubquery, spip.id, 50);
    const plan = await client.query(`explain (analyze, buffers, costs off) ${numbered(page.sql)}`, page.params);
    console.log(`\nEXPLAIN ANALYZE, a page of 50 persons of ${spip.name} (mandate table):`);
    for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);

    console.log(`\nmedian of ${RUNS} runs, ms          history   table`);
    for (const structure of structures.rows) {
      const ids = (await client.query<{ id: string }>(
        `select person_id as id from mandate where structure_id = $1 order by person_id limit 50`,
        [structure.id],
      )).rows.map((row) => row.id);
      const lines: [string, (scoping: Scoping) => { sql: string; params: unknown[] }][] = [
        ['persons page of 50', (scoping) => personsPage(scoping, structure.id, 50)],
        ['count of the mandates', (scoping) => count(scoping, structure.id)],
        ['mandates of 50 persons', (scoping) => scoping(structure.id, ids)],
      ];
      console.log(`${structure.name} (${structure.persons} mandate rows)`);
      for (const [label, query] of lines) {
        const before = await median(client, query(mandatesFromHistorySql));
        const after = await median(client, query(mandateSubquery));
        console.log(`  ${label.padEnd(30)} ${before.toFixed(2).padStart(7)} ${after.toFixed(2).padStart(7)}`);
      }
    }
    started = Date.now();
    await client.query('begin');
    await client.query('select mandate_rebuild()');
    await client.query('rollback');
    console.log(`\nmandate_rebuild(), the whole table from the history: ${Date.now() - started} ms`);
  } finally {
    await client.end().catch(() => undefined);
    await orm.close();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
