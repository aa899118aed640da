import { ALL, type CellCounts, type Measure, type ProtectedCell } from '../../src/outcomes/disclosure';
import { SeededRandom } from '../../seeds/demo/random';
import {
  type AttackReport,
  type LineSumRange,
  type PrimaryRange,
  attackYear,
  describeRange,
  exportYearLp,
  highsSolver,
} from '../support/lp-attacker';
import { cubeOf, population, primarySuppression, volumeLikeCube } from '../support/outcome-cubes';

const EVERY_MEASURE: Measure[] = ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'];
const NO_OUTCOME = { housedAtRelease: 0, rightsOpened: 0, inCare: 0, employed: 0 };

/** A cell of a year: its coordinates, its true counts, what it does not release. */
function cell(coords: string[], counts: Partial<CellCounts> & { persons: number }, suppressed: Measure[] = []): ProtectedCell {
  return { coords, counts: { ...NO_OUTCOME, ...counts }, suppressed: new Set(suppressed) };
}

/** `persons of 49: [0, 6]`, `housedAtRelease complement of a: [0, 25]`: what a test reads. */
const ranges = (report: AttackReport) => Object.fromEntries(report.ranges.map((r) => [label(r), [r.min, r.max]]));
const violations = (report: AttackReport) => report.violations.map(label).sort();
const lineSums = (report: AttackReport) => Object.fromEntries(report.lineSums.map((r) => [label(r), [r.min, r.max]]));

function label(range: PrimaryRange | LineSumRange): string {
  const what = range.quantity === 'value' ? range.measure : `${range.measure} complement`;
  const where = 'coords' in range ? range.coords.join(',') : `line ${range.margin.join(',')} along ${range.dimension}`;
  return `${what} of ${where}`;
}

const MODES = [
  ['exact ranges', { exact: true }],
  ['decided ranges (default)', {}],
] as const;

describe('LP attacker of a protected year', () => {
  describe.each(MODES)('%s', (_, options) => {
    it('finds two small départements hidden only by each other: each is 0 to 6, so both are known to be small', async () => {
      // Total 66 released, 44 has 60 released: 49 and 53 share the remaining 6. No outcome anywhere.
      const year = [
        cell([ALL], { persons: 66 }),
        cell(['44'], { persons: 60 }),
        cell(['49'], { persons: 5 }, EVERY_MEASURE),
        cell(['53'], { persons: 1 }, EVERY_MEASURE),
      ];
      const report = await attackYear(year, options);
      expect(ranges(report)).toEqual({
        'persons of 49': [0, 6],
        'persons of 53': [0, 6],
        // Every outcome is 0 in the line, so each complement (persons − outcome) is the persons.
        ...Object.fromEntries(
          ['49', '53'].flatMap((d) => EVERY_MEASURE.slice(1).map((m) => [`${m} complement of ${d}`, [0, 6]])),
        ),
      });
      expect(violations(report)).toEqual(Object.keys(ranges(report)).sort());
      expect(report.violations.every((r) => r.exact)).toBe(true);
      // Together they are exactly 6: the line sum says it too.
      expect(lineSums(report)['persons of line * along 0']).toEqual([6, 6]);
      expect(report.lineSumViolations.map(label)).toContain('persons of line * along 0');
    });

    it('finds a small département safe once a large one is suppressed with it: 0 to 25', async () => {
      const year = [
        cell([ALL], { persons: 66 }),
        cell(['44'], { persons: 41 }),
        cell(['49'], { persons: 5 }, EVERY_MEASURE),
        cell(['53'], { persons: 20 }, ['persons']),
      ];
      const report = await attackYear(year, options);
      if (options === MODES[0][1]) {
        expect(ranges(report)).toMatchObject({ 'persons of 49': [0, 25], 'housedAtRelease complement of 49': [0, 25] });
      } else {
        // Decided: the values seen prove the range runs from ≤ 1 to ≥ 11.
        const persons49 = report.ranges.find((r) => label(r) === 'persons of 49')!;
        expect(persons49.min).toBeLessThanOrEqual(1);
        expect(persons49.max).toBeGreaterThanOrEqual(11);
        expect(persons49.max).toBeLessThanOrEqual(25);
      }
      expect(violations(report)).toEqual([]);
      expect(report.lineSums).toEqual([]); // one small member per line: nothing more to sum
    });

    it('pins a small cell suppressed alone in a two-way table: its row and column margins give it away', async () => {
      // DEPARTEMENT × MEASURE: 44 × PROBATION = 3 is the only suppressed cell.
      const year = [
        cell([ALL, ALL], { persons: 98 }),
        cell(['44', ALL], { persons: 33 }),
        cell(['49', ALL], { persons: 65 }),
        cell([ALL, 'PROBATION'], { persons: 28 }),
        cell([ALL, 'NONE'], { persons: 70 }),
        cell(['44', 'PROBATION'], { persons: 3 }, EVERY_MEASURE),
        cell(['44', 'NONE'], { persons: 30 }),
        cell(['49', 'PROBATION'], { persons: 25 }),
        cell(['49', 'NONE'], { persons: 40 }),
      ];
      const report = await attackYear(year, options);
      expect(ranges(report)['persons of 44,PROBATION']).toEqual([3, 3]);
      expect(ranges(report)['employed complement of 44,PROBATION']).toEqual([3, 3]);
      expect(violations(report)).toEqual(
        ['persons of 44,PROBATION', ...EVERY_MEASURE.slice(1).map((m) => `${m} complement of 44,PROBATION`)].sort(),
      );
    });

    it('hides the same cell in a suppressed rectangle: 0 to 28', async () => {
      const year = [
        cell([ALL, ALL], { persons: 98 }),
        cell(['44', ALL], { persons: 33 }),
        cell(['49', ALL], { persons: 65 }),
        cell([ALL, 'PROBATION'], { persons: 28 }),
        cell([ALL, 'NONE'], { persons: 70 }),
        cell(['44', 'PROBATION'], { persons: 3 }, EVERY_MEASURE),
        cell(['44', 'NONE'], { persons: 30 }, ['persons']),
        cell(['49', 'PROBATION'], { persons: 25 }, ['persons']),
        cell(['49', 'NONE'], { persons: 40 }, ['persons']),
      ];
      const report = await attackYear(year, options);
      // x = 44 × PROBATION: 44 × NONE = 33 − x, 49 × PROBATION = 28 − x, 49 × NONE = 37 + x, all ≥ 0.
      if (options === MODES[0][1]) expect(ranges(report)['persons of 44,PROBATION']).toEqual([0, 28]);
      expect(violations(report)).toEqual([]);
    });

    it('reads an outcome complement: 30 persons released, housed 25 suppressed, the line gives 25, so 5 are not housed', async () => {
      const counts = (persons: number, housedAtRelease: number, other: number) => ({
        persons,
        housedAtRelease,
        rightsOpened: other,
        inCare: other,
        employed: other,
      });
      const year = [
        cell([ALL], counts(80, 55, 40)),
        cell(['a'], counts(30, 25, 15), ['housedAtRelease']),
        cell(['b'], counts(50, 30, 25)),
      ];
      const exposed = await attackYear(year, options);
      expect(ranges(exposed)).toEqual({ 'housedAtRelease complement of a': [5, 5] });
      expect(violations(exposed)).toEqual(['housedAtRelease complement of a']);

      // Suppress housed of b too: housed of a is 5 to 30 (at most its 30 persons, b at most 50), so 0 to 25 are not housed.
      year[2].suppressed.add('housedAtRelease');
      const hidden = await attackYear(year, options);
      if (options === MODES[0][1]) expect(ranges(hidden)).toEqual({ 'housedAtRelease complement of a': [0, 25] });
      expect(violations(hidden)).toEqual([]);
    });

    it('uses that no outcome exceeds the persons: a suppressed small cell with housed 8 released is at least 8', async () => {
      // 49 and 53 hide each other's persons (8 + 2 = 10 out of the total), but 49 releases housed = 8
      // (a released primary: its complement 0 is fine, its value 8 is not) and 53 releases housed = 0.
      const year = [
        cell([ALL], { persons: 70, housedAtRelease: 38 }),
        cell(['44'], { persons: 60, housedAtRelease: 30 }),
        cell(['49'], { persons: 8, housedAtRelease: 8 }, ['persons', 'rightsOpened', 'inCare', 'employed']),
        cell(['53'], { persons: 2, housedAtRelease: 0 }, ['persons', 'rightsOpened', 'inCare', 'employed']),
      ];
      const report = await attackYear(year, options);
      expect(ranges(report)['persons of 49']).toEqual([8, 10]);
      expect(ranges(report)['persons of 53']).toEqual([0, 2]);
      // The released housed count of 49 is a primary quantity in the open: a violation at its value.
      const housed49 = report.violations.find((r) => label(r) === 'housedAtRelease of 49')!;
      expect(housed49).toMatchObject({ min: 8, max: 8, released: true, exact: true });
    });

    it('counts an unbounded maximum as safe: margin and cell both suppressed', async () => {
      const year = [
        cell([ALL], { persons: 65 }, ['persons']),
        cell(['44'], { persons: 60 }),
        cell(['49'], { persons: 5 }, EVERY_MEASURE),
      ];
      const report = await attackYear(year, options);
      const persons49 = report.ranges.find((r) => label(r) === 'persons of 49')!;
      if (options === MODES[0][1]) expect([persons49.min, persons49.max]).toEqual([0, Infinity]);
      expect(violations(report)).toEqual([]);
    });
  });

  it('refuses a cube whose margins do not add up', async () => {
    const year = [cell([ALL], { persons: 10 }), cell(['44'], { persons: 6 }), cell(['49'], { persons: 5 }, ['persons'])];
    await expect(attackYear(year)).rejects.toThrow(/inconsistent cube: persons of \* is 10, its line along dimension 0 sums to 11/);
  });

  it('writes the year as CPLEX LP text that the text API of HiGHS solves to the same range', async () => {
    const year = [
      cell([ALL], { persons: 66 }),
      cell(['44'], { persons: 60 }),
      cell(['49'], { persons: 5 }, EVERY_MEASURE),
      cell(['53'], { persons: 1 }, EVERY_MEASURE),
    ];
    const lp = await exportYearLp(year);
    expect(lp).toContain('l0p: +1 p2 +1 p3 = +6'); // persons of 49 (cell 2) + 53 (cell 3) = 66 − 60
    expect(lp).toContain('k2h: +1 p2 -1 h2 >= +0'); // housed of 49 ≤ its persons
    const highs = await highsSolver();
    const solve = (sense: 'min' | 'max') => highs.solve(lp.replace(/^min\n obj: *$/m, `${sense}\n obj: p2`)).ObjectiveValue;
    expect([solve('min'), solve('max')]).toEqual([0, 6]);
  });

  it.each([
    [2, [4, 6], 120],
    [3, [3, 7, 5], 300],
    [3, [5, 4, 6], 800],
  ])('decides like the exact attacker on random %i-dimension years with primary suppression only', async (dimensions, categories, size) => {
    const year = primarySuppression(cubeOf(population(new SeededRandom(7 + size), size, categories), dimensions));
    const [exact, decided] = [await attackYear(year, { exact: true }), await attackYear(year)];
    expect(decided.violations.map(label).sort()).toEqual(exact.violations.map(label).sort());
    expect(decided.lineSumViolations.map(label).sort()).toEqual(exact.lineSumViolations.map(label).sort());
    const exactRanges = new Map([...exact.ranges, ...exact.lineSums].map((r) => [label(r), r]));
    for (const range of [...decided.ranges, ...decided.lineSums]) {
      const truth = exactRanges.get(label(range))!;
      // What is decided lies inside the exact range, and is the exact range when it says so.
      expect(range.min).toBeGreaterThanOrEqual(truth.min - 1e-6);
      expect(range.max).toBeLessThanOrEqual(truth.max + 1e-6);
      if (range.exact) expect([label(range), range.min, range.max]).toEqual([label(range), truth.min, truth.max]);
    }
    expect(exact.ranges.length).toBeGreaterThan(0);
  });

  it('attacks a volume-like year (10,000 persons, 4 dimensions) within a test run', async () => {
    const year = primarySuppression(volumeLikeCube(new SeededRandom(1)));
    const report = await attackYear(year);
    const { stats } = report;
    console.log(
      `volume-like year, primary suppression only: ${stats.cells} cells, ${stats.variables} suppressed counts, ` +
        `${stats.components} blocks (largest ${stats.largestComponent}), ${stats.targets} primary quantities and ` +
        `${stats.lineSumTargets} line sums: ${stats.lpsSolved} LPs (${stats.spreads} spreads, ${stats.probes} probes, ` +
        `${stats.optimisations} optimisations), ${stats.simplexIterations} simplex iterations, ${stats.seconds.toFixed(1)} s; ` +
        `${report.violations.length} violations, ${report.lineSumViolations.length} line-sum violations\n` +
        report.violations.slice(0, 3).map(describeRange).join('\n'),
    );
    expect(stats.cells).toBeGreaterThan(1000);
    expect(report.violations.length).toBeGreaterThan(0);
    // Every quantity that cannot reach 11 has its exact range.
    for (const r of report.violations) if (r.max < 11) expect(r.exact).toBe(true);
  }, 300_000);
});
