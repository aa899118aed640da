import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { seedJusticeInterventions2019, seedReleasePreparation } from './actions';
import { seedDirectory } from './directory';
import { STORY_PERSONS, generatedPersons } from './people';
import { DemoClock } from './random';
import { DemoRecordBuilder } from './records';

/** Persons generated beside the story cases, per SPIP: 13 + 34 + 13 = 60 persons. */
const GENERATED_38 = 34;
const GENERATED_49 = 13;

/** The demo data set of shared/spec/contract.md, dated relative to the day it is loaded. */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const clock = new DemoClock();
    const year = clock.now.getUTCFullYear();
    const directory = seedDirectory(em, year);
    seedJusticeInterventions2019(em, directory.structures.csapa44);
    const preparation = seedReleasePreparation(em, directory, year);
    const builder = new DemoRecordBuilder(em, directory, clock, preparation);
    for (const plan of [...STORY_PERSONS, ...generatedPersons(GENERATED_38, GENERATED_49)]) {
      builder.build(plan);
    }
    await em.flush();
  }
}
