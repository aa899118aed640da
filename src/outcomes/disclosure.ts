/**
 * Statistical disclosure control of outcome tables.
 *
 * A cube holds, for one calendar year, every table an evaluator may ask for: the total and
 * the tables by one or two dimensions ('*' for "all values" of a dimension). Tables share
 * their margins, so the cube is protected as a whole, once, and every query is a
 * projection of it.
 *
 * - Primary suppression: a count of 1 to 10 persons is never released. For an outcome
 *   measure (housed, rights, in care, employed), neither is a count whose complement in
 *   the cell (persons − measure) is 1 to 10, nor any measure of a cell whose persons are
 *   suppressed.
 * - Complementary suppression: the released cells and the additivity of the cube (each
 *   margin is the sum of its categories, along every dimension) form a linear system; a
 *   suppressed cell that this system determines exactly is protected by suppressing one
 *   more cell of one of its lines, chosen deterministically, until no suppressed cell is
 *   determined. The test is exact (Gaussian elimination modulo a prime).
 * - Periods: queries are answered per whole calendar year; a multi-year cell is the sum
 *   of its year cells and is released only when each of them is, so no combination of
 *   periods says more than the years themselves.
 */

export const ALL = '*';
export const SMALL_COUNT_MAX = 10;

/** Counts of one cell: persons and the outcome measures. */
export interface CellCounts {
  persons: number;
  housedAtRelease: number;
  rightsOpened: number;
  inCare: number;
  employed: number;
}

export type Measure = keyof CellCounts;
export const MEASURES: readonly Measure[] = ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'];
const OUTCOME_MEASURES = MEASURES.filter((m) => m !== 'persons');

export interface CubeCell {
  /** One value per dimension, ALL for a margin. */
  coords: string[];
  counts: CellCounts;
}

/** A cube after protection: for each cell, the measures it may not release. */
export interface ProtectedCell extends CubeCell {
  suppressed: Set<Measure>;
}

export function cellKey(coords: readonly string[]): string {
  return coords.join('\u0001');
}

export function isSmall(count: number): boolean {
  return count >= 1 && count <= SMALL_COUNT_MAX;
}

interface Line {
  margin: string;
  members: string[];
}

/** Every line of the cube: a margin and the cells that sum to it along one dimension. */
function linesOf(cells: Map<string, CubeCell>): Line[] {
  const lines = new Map<string, Line>();
  for (const [key, cell] of cells) {
    cell.coords.forEach((value, dimension) => {
      if (value === ALL) return;
      const marginCoords = [...cell.coords];
      marginCoords[dimension] = ALL;
      const margin = cellKey(marginCoords);
      const id = `${dimension}\u0002${margin}`;
      let line = lines.get(id);
      if (!line) {
        line = { margin, members: [] };
        lines.set(id, line);
      }
      line.members.push(key);
    });
  }
  return [...lines.values()];
}

const PRIME = 1_000_003;

function inverse(a: number): number {
  // Fermat: a^(p-2) mod p, products stay below 2^53.
  let result = 1;
  let base = ((a % PRIME) + PRIME) % PRIME;
  let exponent = PRIME - 2;
  while (exponent > 0) {
    if (exponent & 1) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** Reduced row echelon form modulo PRIME, in place; returns the variables alone in their row. */
function singletons(rows: Int32Array[], width: number): number[] {
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r++) {
      if (rows[r][col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot === -1) continue;
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    const top = rows[rank];
    const scale = inverse(top[col]);
    for (let c = col; c < width; c++) top[c] = (top[c] * scale) % PRIME;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (r === rank || row[col] === 0) continue;
      const factor = row[col];
      for (let c = col; c < width; c++) {
        if (top[c] !== 0) row[c] = (row[c] - ((factor * top[c]) % PRIME) + PRIME) % PRIME;
      }
    }
    rank += 1;
  }
  const alone: number[] = [];
  for (let r = 0; r < rank; r++) {
    let count = 0;
    let at = -1;
    for (let c = 0; c < width && count < 2; c++) {
      if (rows[r][c] !== 0) {
        count += 1;
        at = c;
      }
    }
    if (count === 1) alone.push(at);
  }
  return alone;
}

/**
 * The suppressed cells that the released ones determine: unknowns are the suppressed
 * cells, equations the lines that contain at least one of them (knowns move to the
 * constant side, which does not matter for determinacy). A variable is determined
 * exactly when a row of the reduced echelon form has it as its only non-zero entry.
 * Unknowns that share no equation are solved apart (connected components).
 */
export function determinedCells(lines: readonly Line[], suppressed: ReadonlySet<string>): string[] {
  const unknowns = [...suppressed].sort();
  const index = new Map(unknowns.map((key, i) => [key, i]));
  const equations: [number, number][][] = [];
  for (const line of lines) {
    const terms: [number, number][] = [];
    for (const member of line.members) {
      const i = index.get(member);
      if (i !== undefined) terms.push([i, 1]);
    }
    const m = index.get(line.margin);
    if (m !== undefined) terms.push([m, PRIME - 1]);
    if (terms.length > 0) equations.push(terms);
  }
  // Connected components of the unknowns through shared equations.
  const parent = unknowns.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const terms of equations) for (const [i] of terms.slice(1)) parent[find(i)] = find(terms[0][0]);
  const components = new Map<number, { variables: number[]; equations: [number, number][][] }>();
  unknowns.forEach((_, i) => {
    const root = find(i);
    if (!components.has(root)) components.set(root, { variables: [], equations: [] });
    components.get(root)!.variables.push(i);
  });
  for (const terms of equations) components.get(find(terms[0][0]))!.equations.push(terms);
  const determined: string[] = [];
  for (const { variables, equations: own } of components.values()) {
    const local = new Map(variables.map((v, j) => [v, j]));
    const rows = own.map((terms) => {
      const row = new Int32Array(variables.length);
      for (const [v, coefficient] of terms) {
        const j = local.get(v)!;
        row[j] = (row[j] + coefficient) % PRIME;
      }
      return row;
    });
    for (const j of singletons(rows, variables.length)) determined.push(unknowns[variables[j]]);
  }
  return determined.sort();
}

/** Protects one measure of a cube: primary suppressions given, complements added until nothing is determined. */
function protectMeasure(cells: Map<string, CubeCell>, lines: readonly Line[], measure: Measure, primary: Set<string>): Set<string> {
  const suppressed = new Set(primary);
  const linesByCell = new Map<string, Line[]>();
  for (const line of lines) {
    for (const key of [line.margin, ...line.members]) {
      if (!linesByCell.has(key)) linesByCell.set(key, []);
      linesByCell.get(key)!.push(line);
    }
  }
  for (;;) {
    const [key] = determinedCells(lines, suppressed);
    if (key === undefined) return suppressed;
    // One complement at a time, then look again: a released cell of one of its lines,
    // categories before margins, positive before zero, the smallest first.
    const candidates: { key: string; value: number; margin: boolean }[] = [];
    for (const line of linesByCell.get(key) ?? []) {
      for (const other of [...line.members, line.margin]) {
        if (other === key || suppressed.has(other) || !cells.has(other)) continue;
        candidates.push({ key: other, value: cells.get(other)!.counts[measure], margin: other === line.margin });
      }
    }
    candidates.sort(
      (a, b) =>
        Number(a.value === 0) - Number(b.value === 0) ||
        Number(a.margin) - Number(b.margin) ||
        a.value - b.value ||
        a.key.localeCompare(b.key),
    );
    if (candidates.length === 0) throw new Error(`disclosure control: no complement for ${key} (${measure})`);
    suppressed.add(candidates[0].key);
  }
}

/** Primary and complementary suppression of every measure of one year's cube. */
export function protectCube(cube: readonly CubeCell[]): Map<string, ProtectedCell> {
  const cells = new Map(cube.map((cell) => [cellKey(cell.coords), cell]));
  const lines = linesOf(cells);
  const personsPrimary = new Set([...cells].filter(([, cell]) => isSmall(cell.counts.persons)).map(([key]) => key));
  const personsSuppressed = protectMeasure(cells, lines, 'persons', personsPrimary);
  const result = new Map<string, ProtectedCell>(
    [...cells].map(([key, cell]) => [key, { ...cell, suppressed: new Set<Measure>(personsSuppressed.has(key) ? ['persons'] : []) }]),
  );
  for (const measure of OUTCOME_MEASURES) {
    const primary = new Set(
      [...cells]
        .filter(([key, cell]) => {
          const value = cell.counts[measure];
          return personsSuppressed.has(key) || isSmall(value) || isSmall(cell.counts.persons - value);
        })
        .map(([key]) => key),
    );
    for (const key of protectMeasure(cells, lines, measure, primary)) result.get(key)!.suppressed.add(measure);
  }
  return result;
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
