import 'reflect-metadata';
import { Account } from '../../src/accounts/account.entity';
import { signDevToken } from '../../src/auth/tokens';
import { loadDemoData } from '../../src/config/demo-data';
import { loadConfig } from '../../src/config/env';
import { initOrm, migrate } from '../../src/config/orm';
import { startScratchDatabase } from '../../src/config/scratch-database';
import { DEFAULT_PUBLICATION_DAY, outcomePublicationService, type PublishedYear } from '../../src/outcomes/outcome-publication.service';
import { createServer } from '../../src/server/app';
import { createLogger } from '../../src/server/logger';
import { toIsoDate } from '../../src/shared/scalars';
import { seedVolume } from '../../seeds/factories/bulk-volume';

export const GROUPINGS: string[][] = [[]];
const DIMENSIONS = ['DEPARTEMENT', 'MEASURE', 'STRUCTURE_KIND', 'ACTION'];
for (let a = 0; a < 4; a++) {
  GROUPINGS.push([DIMENSIONS[a]]);
  for (let b = a + 1; b < 4; b++) GROUPINGS.push([DIMENSIONS[a], DIMENSIONS[b]]);
}

const QUERY = `query Outcomes($from: Date!, $to: Date!, $groupBy: [OutcomeDimension!]) {
  programOutcomes(from: $from, to: $to, groupBy: $groupBy) { years { year publishedAt } rows { group persons { value suppressed }
  housedAtRelease { value suppressed } rightsOpened { value suppressed } inCare { value suppressed } employed { value suppressed } } } }`;

export interface Count {
  value: number | null;
  suppressed: boolean;
}
export interface Row {
  group: string[];
  persons: Count;
  housedAtRelease: Count;
  rightsOpened: Count;
  inCare: Count;
  employed: Count;
}

export interface VolumeServer {
  loadSeconds: number;
  published: PublishedYear[];
  publishSeconds: number;
  /** One report over HTTP as the demo evaluator; errors come back, they are not thrown. */
  ask(year: number, groupBy: string[]): Promise<{ rows: Row[]; errors?: { extensions?: { code?: string } }[] }>;
  stop(): Promise<void>;
}

/**
 * A scratch PostgreSQL with the demo data set and `persons` volume persons, every due year
 * published as the daily job does, and the API on a free port.
 */
export async function startVolumeServer(persons: number): Promise<VolumeServer> {
  const db = await startScratchDatabase('volume');
  const orm = await initOrm(db.url, { onDriverWarning: () => undefined });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  await migrate(orm);
  await loadDemoData(orm);
  const loaded = Date.now();
  await seedVolume(db.url, { persons, referralsPerPerson: 3 });
  const loadSeconds = (Date.now() - loaded) / 1000;
  const publishing = Date.now();
  const published = await outcomePublicationService.publishDue(orm.em.fork(), toIsoDate(new Date()), DEFAULT_PUBLICATION_DAY);
  const publishSeconds = (Date.now() - publishing) / 1000;
  const evaluator = await orm.em.fork().findOneOrFail(Account, { login: 'eval.ofdt' });
  const token = await signDevToken(config.jwt, evaluator);
  const server = await createServer({ config, orm, logger: createLogger('silent') });
  const port = await server.listen(0, '127.0.0.1');
  return {
    loadSeconds,
    published,
    publishSeconds,
    ask: async (year, groupBy) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY, variables: { from: `${year}-01-01`, to: `${year}-12-31`, groupBy } }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: { programOutcomes: { rows: Row[] } } };
      return { rows: body.data?.programOutcomes.rows ?? [], errors: body.errors };
    },
    stop: async () => {
      await server.stop();
      await orm.close();
      await db.stop();
    },
  };
}
