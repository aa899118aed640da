import { ALL, type CubeCell, protectCube, protectCubeWithStats } from '../../src/outcomes/disclosure';
import { SeededRandom } from '../../seeds/demo/random';
import { attackYear, describeRange } from '../support/lp-attacker';
import { cubeOf, population, primarySuppression, volumeLikeCube } from '../support/outcome-cubes';

const counts = (persons: number, housed: number) => ({ persons, housedAtRelease: housed, rightsOpened: 0, inCare: 0, employed: 0 });

/**
 * The protection against an attacker who solves the linear programs of a whole year (every
 * released cell, additivity, non-negativity, outcomes within their persons): no count
 * suppressed for being 1 to 10 (nor outcome complement) can be narrowed below [1, 11].
 * The attacker (tests/support/lp-attacker.ts, HiGHS) shares no code with the protection.
 */
describe('protection intervals against a linear-programming attacker', () => {
  it('does not let two small départements be known to sum to 6: a large one is withheld with them', async () => {
    const cube: CubeCell[] = [
      { coords: [ALL], counts: counts(126, 80) },
      { coords: ['38'], counts: counts(5, 3) },
      { coords: ['49'], counts: counts(1, 1) },
      { coords: ['73'], counts: counts(60, 40) },
      { coords: ['69'], counts: counts(60, 36) },
    ];
    const naive = await attackYear(primarySuppression(cube));
    expect(naive.violations.filter((r) => r.measure === 'persons').map((r) => [r.coords[0], r.min, r.max])).toEqual([
      ['38', 0, 6],
      ['49', 0, 6],
    ]);
    const report = await attackYear(protectCube(cube).values());
    expect(report.violations.map(describeRange)).toEqual([]);
  });

  it.each([
    [2, [4, 6], 120],
    [3, [3, 7, 5], 300],
    [3, [5, 4, 6], 800],
    [4, [3, 7, 6, 3], 600],
  ])('leaves no small count narrowed in a random %i-dimension year (%j categories, %i persons)', async (dimensions, categories, size) => {
    const { cube, stats } = protectCubeWithStats(cubeOf(population(new SeededRandom(31 + size), size, categories as number[]), dimensions as number));
    expect(stats.fallbacks).toBe(0);
    const report = await attackYear(cube.values());
    expect(report.ranges.length).toBeGreaterThan(0);
    expect(report.violations.map(describeRange)).toEqual([]);
  });

  it('leaves no small count narrowed in a year as large as the volume data set (primary suppression alone is narrowed: lp-attacker.test.ts)', async () => {
    const cells = volumeLikeCube(new SeededRandom(1));
    const { cube, stats } = protectCubeWithStats(cells);
    const report = await attackYear(cube.values());
    console.log(
      `volume-like year protected: ${stats.cells} cells, primaries ${JSON.stringify(stats.primary)}, withheld ${JSON.stringify(stats.suppressed)}, ` +
        `${stats.certificates} certificates (${stats.totalMoves} moving the total); attacker: ${report.stats.targets} primary quantities, ` +
        `${report.stats.lpsSolved} LPs in ${report.stats.seconds.toFixed(1)} s, ${report.violations.length} violations, ` +
        `${report.lineSumViolations.length} sums of small withheld cells on a line narrowed ` +
        `(${report.lineSumViolations.filter((r) => r.max < 11).length} proven small, ${report.lineSumViolations.filter((r) => r.min > 1).length} proven non-empty)`,
    );
    expect(stats.cells).toBeGreaterThan(1000);
    expect(report.violations.map(describeRange)).toEqual([]);
    // The one-dimension tables stay readable: what is withheld there is small, or needed by a certificate.
    expect(stats.totalMoves).toBe(0);
    expect(stats.fallbacks).toBe(0);
  }, 600_000);
});
