/**
 * Statistical disclosure control of outcome tables.
 *
 * A cube holds, for one calendar year, every table an evaluator may ask for: the total and
 * the tables by one or two dimensions ('*' for "all values" of a dimension). Tables share
 * their margins, so the cube is protected as a whole, once, and every query is a
 * projection of it.
 *
 * - Primary suppression: a count of 1 to 10 persons is never released. For an outcome
 *   (housed, rights, in care, employed), neither is a count of 1 to 10, nor a count whose
 *   complement in the cell (persons − outcome) is 1 to 10, nor any outcome of a cell whose
 *   persons are suppressed.
 * - Protection intervals. An attacker knows every released cell of the year, that each
 *   margin is the sum of its categories (for persons and for every outcome), that no count
 *   is negative and that no outcome exceeds its persons. For each primary count v (or
 *   complement v), the suppression pattern must leave a feasible range that runs from at
 *   most 1 to at least 11. This is proven cell by cell with certificates: a direction that
 *   changes only suppressed cells, keeps every margin equal to its sum and every count
 *   non-negative, and moves the primary by +(11 − v) (or −(v − 1)). The true table plus a
 *   certificate is a table the attacker cannot exclude, so the range is guaranteed. Cells
 *   are suppressed as complements exactly when a certificate needs them, choosing the
 *   cheapest certificate (already suppressed cells are free; small cells of two-dimension
 *   tables are cheap; one-dimension margins dear; the total dearest).
 * - Certificates, from cheap to dear: a rectangle inside a two-dimension table (its
 *   margins do not move: the hypercube method of tau-ARGUS in two dimensions); a move of
 *   persons between categories of the cell's dimensions, then of one more, then between two
 *   combinations of all dimensions (one-dimension margins move, the total does not); last,
 *   adding or removing persons at one combination (the total moves). For outcomes, a certificate may also flip persons from
 *   "outcome" to "no outcome" with the persons fixed, which needs only outcome cells.
 *   Amounts may be spread over several shapes. Adding persons needs no supply at all, so a
 *   certificate always exists once the total is 11 or more; below that every cell is
 *   small, hence suppressed, and the year is protected whole. Protection never fails.
 * - Periods: queries are answered per whole calendar year; a multi-year cell is the sum
 *   of its year cells and is released only when each of them is, so no combination of
 *   periods says more than the years themselves.
 */

import { ALL, type CubeCell, type Measure, MEASURES, OUTCOME_MEASURES, type ProtectedCell, type ProtectionStats, cellKey, isSmall } from './disclosure.cells';
import { type Cell, Cube, OUTCOMES, PERSONS, type Quantity } from './disclosure.cube';
import { Protector } from './disclosure.protector';

export { ALL, SMALL_COUNT_MAX, MEASURES, OUTCOME_MEASURES, cellKey, isSmall } from './disclosure.cells';
export type { CellCounts, CubeCell, Measure, ProtectedCell, ProtectionStats } from './disclosure.cells';

/** The primary cells of a quantity, smallest tables first (their certificates serve finer ones). */
function primaries(cube: Cube, quantity: Quantity): { cell: number; value: number }[] {
  const value = (cell: Cell) =>
    quantity.kind === 'p'
      ? cell.values[PERSONS]
      : quantity.kind === 'm'
        ? cell.values[1 + quantity.outcome]
        : cell.values[PERSONS] - cell.values[1 + quantity.outcome];
  return cube.cells
    .map((cell, i) => ({ cell: i, value: value(cell), level: cell.fixed.length }))
    .filter((entry) => isSmall(entry.value))
    .sort((a, b) => a.level - b.level || a.value - b.value || a.cell - b.cell);
}

/** Primary suppression and protection intervals for every measure of one year's cube. */
export function protectCubeWithStats(cubeCells: readonly CubeCell[]): { cube: Map<string, ProtectedCell>; stats: ProtectionStats } {
  const cube = new Cube(cubeCells);
  const protector = new Protector(cube);
  const suppression = protector.suppression;
  const quantities: Quantity[] = [
    { kind: 'p' },
    ...Array.from({ length: OUTCOMES }, (_, j): Quantity[] => [
      { kind: 'm', outcome: j },
      { kind: 'k', outcome: j },
    ]).flat(),
  ];
  const primaryCounts = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  const countedPrimary = MEASURES.map(() => new Uint8Array(cube.cells.length));
  let fallbacks = 0;
  for (const quantity of quantities) {
    const measureIndex = quantity.kind === 'p' ? PERSONS : 1 + quantity.outcome;
    for (const { cell, value } of primaries(cube, quantity)) {
      if (quantity.kind === 'p') suppression.persons[cell] = 1;
      else suppression.outcomes[quantity.outcome][cell] = 1;
      countedPrimary[measureIndex][cell] = 1;
      if (!protector.certifyBoth(cell, quantity, value)) {
        fallbacks += 1;
        // Not expected (adding persons always certifies up; tests count these): kept so that
        // no data can ever make a publication fail. Withholding the whole measure is safe.
        for (let i = 0; i < cube.cells.length; i++) {
          if (quantity.kind === 'p') suppression.persons[i] = 1;
          else suppression.outcomes[quantity.outcome][i] = 1;
        }
      }
    }
  }
  const result = new Map<string, ProtectedCell>();
  const suppressedCounts = Object.fromEntries(MEASURES.map((m) => [m, 0])) as Record<Measure, number>;
  cube.cells.forEach((cell, i) => {
    const suppressed = new Set<Measure>();
    if (suppression.persons[i]) suppressed.add('persons');
    OUTCOME_MEASURES.forEach((measure, j) => {
      if (suppression.persons[i] || suppression.outcomes[j][i]) suppressed.add(measure);
    });
    MEASURES.forEach((measure, m) => {
      if (countedPrimary[m][i]) primaryCounts[measure] += 1;
      if (suppressed.has(measure)) suppressedCounts[measure] += 1;
    });
    result.set(cellKey(cell.coords), { coords: cell.coords, counts: cubeCells[i].counts, suppressed });
  });
  return {
    cube: result,
    stats: {
      cells: cube.cells.length,
      primary: primaryCounts,
      suppressed: suppressedCounts,
      certificates: protector.certificates,
      totalMoves: protector.totalMoves,
      fallbacks,
    },
  };
}

/** Primary suppression and protection intervals for every measure of one year's cube. */
export function protectCube(cube: readonly CubeCell[]): Map<string, ProtectedCell> {
  return protectCubeWithStats(cube).cube;
}

export interface ReleasedCount {
  value: number | null;
  suppressed: boolean;
}

export interface ReleasedRow {
  coords: string[];
  counts: Record<Measure, ReleasedCount>;
}

/**
 * The rows of a table grouped by some dimensions, over several protected year cubes: a
 * cell is the sum of its year cells and is released only when every one of them is.
 */
export function projectYears(years: readonly Map<string, ProtectedCell>[], grouped: readonly number[], dimensions: number): ReleasedRow[] {
  const rows = new Map<string, ReleasedRow>();
  for (const cube of years) {
    for (const cell of cube.values()) {
      const matches = cell.coords.every((value, d) => (grouped.includes(d) ? value !== ALL : value === ALL));
      if (!matches) continue;
      const key = cellKey(cell.coords);
      let row = rows.get(key);
      if (!row) {
        row = {
          coords: cell.coords.slice(0, dimensions),
          counts: Object.fromEntries(MEASURES.map((m) => [m, { value: 0, suppressed: false }])) as Record<Measure, ReleasedCount>,
        };
        rows.set(key, row);
      }
      for (const measure of MEASURES) {
        const count = row.counts[measure];
        if (cell.suppressed.has(measure)) {
          count.suppressed = true;
          count.value = null;
        } else if (!count.suppressed) {
          count.value = (count.value ?? 0) + cell.counts[measure];
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => cellKey(a.coords).localeCompare(cellKey(b.coords)));
}
