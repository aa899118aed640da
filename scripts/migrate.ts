/**
 * The release step: `npm run migrate` (in the image: `node dist/scripts/migrate.js`).
 * As the schema's owner (DATABASE_OWNER_URL, or DATABASE_URL), applies the migrations the
 * database has not run (graphile-worker's, then Passerelle's), gives the application role its
 * privileges, and loads the demo data set into an empty database when SEED_DEMO_DATA is on.
 * Then the API can run with MIGRATE_ON_START=false and the application's login alone: no
 * process serving requests holds the owner's password. Prints what it applied; exit 0 when the
 * schema is up to date, 1 on failure. Nodes starting at once wait for each other (advisory lock).
 */
import 'reflect-metadata';
import { runCommand, withDatabase } from './support/command';
import { databaseIsEmpty, loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { migrate } from '../src/config/orm';

runCommand('migrate', async () => {
  const config = loadConfig();
  return withDatabase(config, { migrate: false }, async (orm, database) => {
    const applied = await migrate(orm, database.applicationLogin);
    console.log(applied.length > 0 ? `applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}` : 'the schema is up to date');
    if (config.seedDemoData && (await databaseIsEmpty(orm))) {
      await loadDemoData(orm);
      console.log('demo data set loaded into the empty database');
    }
    return 0;
  });
});
