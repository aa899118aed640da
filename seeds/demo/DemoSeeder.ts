import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { REFRESH_STALE_FACTS_SQL } from '../../src/outcomes/outcome.sql';
import { seedJusticeInterventions2019, seedReleasePreparation } from './actions';
import { insertPastCohorts } from './cohort-records';
import { pastCohortPlans } from './cohorts';
import { seedDirectory } from './directory';
import { demoCasePlans } from './people';
import { DemoClock } from './random';
import { DemoRecordBuilder } from './records';

/**
 * The demo data set of shared/spec/contract.md, dated relative to the day it is loaded:
 * the 60 persons of the demo cases, then the past release cohorts (seeds/demo/cohorts.ts).
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const clock = new DemoClock();
    const year = clock.now.getUTCFullYear();
    // One transaction: a load that fails leaves the database empty, to be loaded at the next start.
    await em.transactional(async (tx) => {
      const directory = seedDirectory(tx, year);
      seedJusticeInterventions2019(tx, directory.structures.csapa44);
      const preparation = seedReleasePreparation(tx, directory, year);
      const builder = new DemoRecordBuilder(tx, directory, clock, preparation);
      for (const plan of demoCasePlans()) builder.build(plan);
      await tx.flush();
      await insertPastCohorts(tx, directory, clock, preparation, pastCohortPlans(clock));
      // The triggers marked every person stale: compute the facts now rather than at the first report.
      await tx.getConnection().execute(REFRESH_STALE_FACTS_SQL, [], 'run', tx.getTransactionContext());
    });
  }
}
