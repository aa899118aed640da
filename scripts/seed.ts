/**
 * Reloads the demo data set: rebuilds the schema from the migrations, then seeds.
 *   npm run seed
 * Everything in the database is lost, the audit log included. Refused in production.
 */
import 'reflect-metadata';
import { provideDatabase } from '../src/config/database';
import { loadDemoData, rebuildSchema } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm } from '../src/config/orm';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.nodeEnv === 'production') {
    throw new Error('npm run seed wipes the database; it is refused when NODE_ENV=production');
  }
  const database = await provideDatabase(config);
  const orm = await initOrm(database.ownerUrl);
  try {
    await rebuildSchema(orm, database.applicationLogin);
    await loadDemoData(orm);
    const counts = await orm.em.getConnection().execute<{ table: string; rows: number }[]>(
      `select 'structures' as table, count(*)::int as rows from structure
       union all select 'accounts', count(*)::int from account
       union all select 'persons', count(*)::int from person
       union all select 'referrals', count(*)::int from referral
       union all select 'follow-ups', count(*)::int from follow_up
       union all select 'consents', count(*)::int from consent
       union all select 'actions', count(*)::int from action
       union all select 'evaluations', count(*)::int from evaluation`,
    );
    console.log(`Demo data set loaded (${database.origin}):`);
    for (const row of counts) console.log(`  ${row.table.padEnd(12)} ${row.rows}`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
