/**
 * Benchmark of myCaseload, the partner frontend's home screen, on large caseloads:
 *   npm run bench:caseload [-- 2000 10000]
 * Starts a scratch PostgreSQL, loads the demo data and a bulk caseload per size, serves
 * the API on a free port and times real HTTP requests. Prints median and 95th percentile
 * latencies and the SQL statements per request. Figures depend on the machine.
 */
import 'reflect-metadata';
import { Account } from '../src/accounts/account.entity';
import { Role } from '../src/auth/role';
import { signDevToken } from '../src/auth/tokens';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { createServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';
import { StructureKind } from '../src/shared/structure-kind';
import { Structure } from '../src/structures/structure.entity';
import { seedBulkCaseload } from '../seeds/factories/bulk-caseload';

const QUERY = `query Bench($first: Int) { myCaseload(first: $first) { totalCount edges { node {
  flags daysToRelease rightsToSubmit person { pseudonym identity { lastName } } pendingReferrals { id } nextAppointment { scheduledAt } } } } }`;
const RUNS = 25;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const db = await startScratchDatabase('bench');
  let statements = 0;
  const orm = await initOrm(db.url, { onQuery: () => (statements += 1), onDriverWarning: () => undefined });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  try {
    await migrate(orm);
    await loadDemoData(orm);
    const em = orm.em.fork();
    const spip = await em.findOneOrFail(Structure, { name: "SPIP de l'Isère" });
    const officer = await em.findOneOrFail(Account, { login: 'cpip.grenoble' });
    const server = await createServer({ config, orm, logger: createLogger('silent') });
    const port = await server.listen(0, '127.0.0.1');
    console.log(`myCaseload over HTTP, ${RUNS} runs each after a warm-up (node ${process.version})`);
    console.log('persons  page  median ms  p95 ms  SQL statements');
    for (const size of sizes.length > 0 ? sizes : [2000, 10000]) {
      const structure = em.create(Structure, { name: `Association bench ${size}`, kind: StructureKind.ASSOCIATION, departement: '38' });
      const account = em.create(Account, { login: `bench.${size}`, displayName: 'Bench', structure, role: Role.SOCIAL_WORKER });
      await em.flush();
      const started = Date.now();
      await seedBulkCaseload(em, { count: size, tag: `B${size}`.slice(0, 6), spipId: spip.id, spipAccountId: officer.id, structureId: structure.id, accountId: account.id });
      await em.getConnection().execute('analyze');
      console.log(`(loaded ${size} persons in ${Date.now() - started} ms)`);
      const token = await signDevToken(config.jwt, account);
      for (const first of [50, 500]) {
        const send = async () => {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: QUERY, variables: { first } }),
          });
          const body = (await response.json()) as { errors?: unknown };
          if (body.errors) throw new Error(JSON.stringify(body.errors));
        };
        await send();
        const times: number[] = [];
        let perRequest = 0;
        for (let run = 0; run < RUNS; run++) {
          const before = statements;
          const t0 = process.hrtime.bigint();
          await send();
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
          perRequest = statements - before;
        }
        times.sort((a, b) => a - b);
        console.log(
          `${String(size).padStart(7)}  ${String(first).padStart(4)}  ${percentile(times, 50).toFixed(1).padStart(9)}  ${percentile(times, 95).toFixed(1).padStart(6)}  ${String(perRequest).padStart(14)}`,
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
