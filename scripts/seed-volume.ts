/**
 * Adds a large volume to the database (100,000 persons and about 300,000 referrals by
 * default) on top of the demo data set, for benchmarks and for demonstrating outcomes:
 *   npm run seed:volume [-- <persons>]
 * Refused in production.
 */
import 'reflect-metadata';
import { provideDatabase } from '../src/config/database';
import { databaseIsEmpty, loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { seedVolume } from '../seeds/factories/bulk-volume';

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(persons) || persons < 1 || persons > 1_000_000) throw new Error('persons must be an integer from 1 to 1,000,000');
  const config = loadConfig();
  if (config.nodeEnv === 'production') throw new Error('npm run seed:volume adds fictional persons; it is refused when NODE_ENV=production');
  const database = await provideDatabase(config);
  const orm = await initOrm(database.ownerUrl);
  try {
    await migrate(orm, database.applicationLogin);
    if (await databaseIsEmpty(orm)) await loadDemoData(orm);
    const started = Date.now();
    const counts = await seedVolume(database.ownerUrl, { persons, referralsPerPerson: 3 });
    console.log(`Volume loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.origin}); the database now holds:`);
    for (const [table, rows] of Object.entries(counts)) console.log(`  ${table.padEnd(15)} ${rows}`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`seed:volume: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
