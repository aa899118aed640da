import { withAdminClient } from '../../src/config/database';

export default async function globalTeardown(): Promise<void> {
  const templateUrl = process.env.PASSERELLE_TEST_TEMPLATE_URL;
  const cluster = globalThis.__PASSERELLE_TEST_CLUSTER__;
  if (cluster) {
    await cluster.stop();
  } else if (templateUrl) {
    const name = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
    await withAdminClient(templateUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
  }
}
