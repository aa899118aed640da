/**
 * Benchmark of programOutcomes on a large record:
 *   npm run bench:outcomes [-- <persons>]
 * Starts a scratch PostgreSQL, loads the demo data and the volume data set (100,000
 * persons, about 300,000 referrals by default), serves the API on a free port and times
 * real HTTP requests by an evaluator. Prints the load time, then median and 95th
 * percentile latencies per query. Figures depend on the machine.
 */
import 'reflect-metadata';
import { Account } from '../src/accounts/account.entity';
import { signDevToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { createServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';
import { seedVolume } from '../seeds/factories/bulk-volume';

const QUERY = `query Bench($from: Date!, $to: Date!, $groupBy: [OutcomeDimension!]) {
  programOutcomes(from: $from, to: $to, groupBy: $groupBy) { rows { group persons { value suppressed }
  housedAtRelease { value suppressed } rightsOpened { value suppressed } inCare { value suppressed } employed { value suppressed } } } }`;
const RUNS = 15;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 100_000);
  const db = await startScratchDatabase('bench');
  const orm = await initOrm(db.url, { onDriverWarning: () => undefined });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  try {
    await migrate(orm);
    await loadDemoData(orm);
    const started = Date.now();
    const counts = await seedVolume(db.url, { persons, referralsPerPerson: 3 });
    console.log(`volume loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    const evaluator = await orm.em.fork().findOneOrFail(Account, { login: 'eval.ofdt' });
    const token = await signDevToken(config.jwt, evaluator);
    const server = await createServer({ config, orm, logger: createLogger('silent') });
    const port = await server.listen(0, '127.0.0.1');
    const year = new Date().getUTCFullYear() - 1;
    const periods: [string, string, string][] = [
      ['one year', `${year}-01-01`, `${year}-12-31`],
      ['ten years', `${year - 9}-01-01`, `${year}-12-31`],
    ];
    const groupings = [[], ['DEPARTEMENT'], ['MEASURE', 'STRUCTURE_KIND'], ['DEPARTEMENT', 'ACTION']];
    console.log(`programOutcomes over HTTP, ${RUNS} runs each after a warm-up (node ${process.version})`);
    console.log('period     groupBy                    rows  suppressed  median ms  p95 ms');
    for (const [label, from, to] of periods) {
      for (const groupBy of groupings) {
        const send = async () => {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: QUERY, variables: { from, to, groupBy } }),
          });
          const body = (await response.json()) as { errors?: unknown; data: { programOutcomes: { rows: { persons: { suppressed: boolean } }[] } } };
          if (body.errors) throw new Error(JSON.stringify(body.errors));
          return body.data.programOutcomes.rows;
        };
        const rows = await send();
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const t0 = process.hrtime.bigint();
          await send();
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${label.padEnd(10)} ${(groupBy.join(',') || '(total)').padEnd(26)} ${String(rows.length).padStart(4)}  ${String(rows.filter((r) => r.persons.suppressed).length).padStart(10)}  ${percentile(times, 50).toFixed(0).padStart(9)}  ${percentile(times, 95).toFixed(0).padStart(6)}`,
        );
      }
    }
    await server.stop();
  } finally {
    await orm.close();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
