import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { EMBEDDED_APP_LOGIN, createDatabaseIfMissing } from '../../src/config/database';
import { loadDemoData } from '../../src/config/demo-data';
import { initOrm, migrate } from '../../src/config/orm';
import { startScratchDatabase, type ScratchDatabase } from '../../src/config/scratch-database';

declare global {
  // eslint-disable-next-line no-var
  var __PASSERELLE_TEST_CLUSTER__: ScratchDatabase | undefined;
}

/**
 * Starts the run's PostgreSQL (embedded in a temporary directory on a free port,
 * unless DATABASE_URL is set) and builds the template database: migrations, then
 * the demo data set. Test files clone it; nothing is truncated between tests.
 */
export default async function globalSetup(): Promise<void> {
  const templateName = `passerelle_template_${randomBytes(4).toString('hex')}`;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    // Commit timestamps order the race tests' writes by commit (tests/integration/write-races.test.ts).
    const cluster = await startScratchDatabase('postgres', { track_commit_timestamp: 'on' });
    globalThis.__PASSERELLE_TEST_CLUSTER__ = cluster;
    serverUrl = cluster.url;
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${templateName}`;
  await createDatabaseIfMissing(templateUrl.toString());
  const orm = await initOrm(templateUrl.toString());
  try {
    // The application's login, as on the embedded cluster: the tests' servers run under it.
    await migrate(orm, EMBEDDED_APP_LOGIN);
    await loadDemoData(orm);
  } finally {
    await orm.close();
  }
  // MikroORM keeps entity metadata on globalThis; when jest runs a single file in this
  // process (--runInBand), the test realm would inherit it and fail on foreign Maps.
  for (const key of Object.keys(globalThis).filter((name) => name.startsWith('mikro-orm-'))) {
    delete (globalThis as Record<string, unknown>)[key];
  }
  // Workers start after this function and inherit these variables.
  process.env.PASSERELLE_TEST_TEMPLATE_URL = templateUrl.toString();
}
