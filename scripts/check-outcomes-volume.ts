/**
 * Asks every published year by every grouping, as an evaluator, on the volume data set at
 * several sizes, and counts what must never happen: an error, a released count from 1 to 10.
 *   npm run outcomes:check -- [<persons> ...]     (default 20000 100000)
 * Each size gets its own scratch PostgreSQL with the demo data set.
 */
import { GROUPINGS, startVolumeServer } from './support/outcomes-volume';

const MEASURES = ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'] as const;

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  let failures = 0;
  console.log('persons   years  reports  errors  rows   counts  withheld  small released  publish s');
  for (const persons of sizes.length > 0 ? sizes : [20_000, 100_000]) {
    const volume = await startVolumeServer(persons);
    try {
      let reports = 0;
      let errors = 0;
      let rows = 0;
      let counts = 0;
      let withheld = 0;
      let small = 0;
      for (const { year } of volume.published) {
        for (const groupBy of GROUPINGS) {
          const answer = await volume.ask(year, groupBy);
          reports += 1;
          if (answer.errors) errors += 1;
          rows += answer.rows.length;
          for (const row of answer.rows) {
            for (const measure of MEASURES) {
              counts += 1;
              const { value, suppressed } = row[measure];
              if (suppressed) withheld += 1;
              else if (value !== null && value >= 1 && value <= 10) small += 1;
            }
          }
        }
      }
      failures += errors + small;
      console.log(
        `${String(persons).padStart(7)}  ${String(volume.published.length).padStart(6)}  ${String(reports).padStart(7)}  ${String(errors).padStart(6)}  ${String(rows).padStart(5)}  ${String(counts).padStart(7)}  ${String(withheld).padStart(8)}  ${String(small).padStart(14)}  ${volume.publishSeconds.toFixed(1).padStart(9)}`,
      );
    } finally {
      await volume.stop();
    }
  }
  if (failures > 0) {
    console.error(`${failures} failures`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
