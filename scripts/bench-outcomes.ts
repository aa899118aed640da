/**
 * Benchmark of outcome publication and reading on a large record:
 *   npm run bench:outcomes [-- <persons>]     (default 1,000,000)
 * Starts a scratch PostgreSQL, loads the demo data and the volume data set (persons
 * released over ten years in twelve départements), publishes every due year as the daily
 * job does (timed per year), then times real HTTP requests by the evaluator: a published
 * year by each single dimension, and the total over ten years. Prints median and 95th
 * percentile latencies. Figures depend on the machine.
 */
import { startVolumeServer } from './support/outcomes-volume';

const RUNS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 1_000_000);
  console.log(`loading ${persons} volume persons (node ${process.version})...`);
  const volume = await startVolumeServer(persons);
  try {
    console.log(`volume loaded in ${volume.loadSeconds.toFixed(1)} s`);
    console.log(`published ${volume.published.length} years in ${volume.publishSeconds.toFixed(1)} s:`);
    console.log('year   cells  withheld  publish s');
    for (const p of volume.published) {
      console.log(`${p.year}  ${String(p.cells).padStart(6)}  ${String(p.suppressedCells).padStart(8)}  ${(p.milliseconds / 1000).toFixed(2).padStart(9)}`);
    }
    const year = volume.published[volume.published.length - 1].year;
    console.log(`\nprogramOutcomes over HTTP, ${RUNS} runs each after a warm-up`);
    console.log('query                          rows  withheld  median ms  p95 ms');
    const cases: [string, number, string[]][] = [
      ...['DEPARTEMENT', 'MEASURE', 'STRUCTURE_KIND', 'ACTION'].map((d): [string, number, string[]] => [`${year} by ${d}`, year, [d]]),
      [`${year} by DEPARTEMENT,ACTION`, year, ['DEPARTEMENT', 'ACTION']],
    ];
    for (const [label, y, groupBy] of cases) {
      const first = await volume.ask(y, groupBy);
      if (first.errors) throw new Error(JSON.stringify(first.errors));
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const t0 = process.hrtime.bigint();
        await volume.ask(y, groupBy);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      const withheld = first.rows.filter((r) => r.persons.suppressed).length;
      console.log(
        `${label.padEnd(30)} ${String(first.rows.length).padStart(4)}  ${String(withheld).padStart(8)}  ${percentile(times, 50).toFixed(1).padStart(9)}  ${percentile(times, 95).toFixed(1).padStart(6)}`,
      );
    }
  } finally {
    await volume.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
