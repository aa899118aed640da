/**
 * An independent linear-programming attacker of a protected outcome cube (one year).
 *
 * What the attacker knows: every released count, which counts are suppressed, that absent
 * cells are zero, that every margin is the sum of the cells refining it along one dimension
 * (every "line", for persons and for each outcome measure), that counts are non-negative
 * and that no outcome measure exceeds the persons of its cell (the complement persons −
 * measure is non-negative). Unknowns: the suppressed counts. All five measures form one
 * linear program (they are tied by measure ≤ persons); it splits into independent blocks
 * (connected components of the unknowns through the constraints), each held in HiGHS once,
 * with only bounds and objectives changed between solves.
 *
 * Targets (LP relaxation: the unknowns are real numbers, which only widens ranges):
 * - every primary quantity: a persons count from 1 to 10, an outcome count from 1 to 10,
 *   an outcome complement (persons − measure) from 1 to 10;
 * - for every line and measure, the sum of its suppressed members whose true value (or
 *   complement) is from 1 to 10, when there are at least two of them (one alone is a
 *   primary quantity already).
 * A quantity is safe when its range runs from at most 1 to at least 11 (smallMax + 1).
 *
 * Two modes: `exact` minimises and maximises every target (two LPs each: fine for small
 * cubes); the default decides every target with feasibility probes and shared witness
 * points, exact for every violation, and reports for a safe target the values it was seen
 * to take (enough to prove it safe). See `decideRanges`.
 *
 * Written apart from src/outcomes/disclosure.ts: only its types and ALL are imported.
 */
import loadHighs, { type Basis, type Highs, type Model, type ModelData } from 'highs';
import { ALL, type Measure, type ProtectedCell } from '../../src/outcomes/disclosure';

const MEASURES: readonly Measure[] = ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'];
const M = MEASURES.length;
const PERSONS = 0;
/** Compact variable names in exported LP text: letter of the measure, index of the cell. */
const LETTER = ['p', 'h', 'r', 'c', 'e'];

/** `value`: the count of the measure; `complement`: persons − the count (outcomes only). */
export type Quantity = 'value' | 'complement';

/**
 * Values the quantity can take given what is released. Exact: the smallest and the largest
 * (max Infinity when unbounded). Not exact (by default, a safe quantity, or one that cannot
 * go down to 1): values seen at feasible points, so the true range holds [min, max]; for a
 * safe one min ≤ 1 and max ≥ 11 prove it safe, for the other min is exact.
 */
export interface Range {
  min: number;
  max: number;
  exact: boolean;
}

/** A primary quantity of one cell and the range an attacker can narrow it to. */
export interface PrimaryRange extends Range {
  coords: string[];
  measure: Measure;
  quantity: Quantity;
  trueValue: number;
  /** No suppressed count enters the quantity: it is published, or computable from published counts. */
  released: boolean;
}

/** The sum of the small suppressed members of one line (one measure) and its range. */
export interface LineSumRange extends Range {
  /** The margin of the line: its coordinates, with ALL at `dimension`. */
  margin: string[];
  dimension: number;
  measure: Measure;
  quantity: Quantity;
  /** Coordinates of the summed members. */
  members: string[][];
  trueValue: number;
}

export interface AttackStats {
  cells: number;
  lines: number;
  /** Suppressed (cell, measure) counts: the unknowns. */
  variables: number;
  /** Equalities and inequalities involving at least two unknowns (one-unknown ones are bounds). */
  rows: number;
  /** Independent blocks of the LP, and the unknowns of the largest one. */
  components: number;
  largestComponent: number;
  targets: number;
  lineSumTargets: number;
  /** Every HiGHS run: first solve and home LP of each block, spreads, probes that needed the solver, optimisations. */
  lpsSolved: number;
  /** Feasibility questions {q ≥ t} or {q ≤ t} (some answered by bounds alone, without the solver). */
  probes: number;
  /** LPs pushing many quantities past a threshold at once. */
  spreads: number;
  /** Full minimisations or maximisations. */
  optimisations: number;
  simplexIterations: number;
  buildSeconds: number;
  solveSeconds: number;
  seconds: number;
}

export interface AttackReport {
  /** Every primary quantity of the year, with its range. */
  ranges: PrimaryRange[];
  /** The primary quantities whose range does not run from at most 1 to at least 11. */
  violations: PrimaryRange[];
  lineSums: LineSumRange[];
  lineSumViolations: LineSumRange[];
  stats: AttackStats;
}

export interface AttackOptions {
  /** Largest count the rule forbids (10). A range is safe when min ≤ 1 and max ≥ smallMax + 1. */
  smallMax?: number;
  /** Slack on the LP optimum when judging a range (1e-6); values this close to an integer are snapped to it. */
  tolerance?: number;
  /** Compute line sums (true). */
  lineSums?: boolean;
  /** Solve each connected component as its own LP (true); false solves one LP over the whole year, for comparison. */
  decompose?: boolean;
  /**
   * Exact range of every quantity, two full LPs each (false: exact for every violation,
   * and for the rest values seen at feasible points, enough to prove them safe; far faster).
   */
  exact?: boolean;
  /** HiGHS options for the model of each block (probes, optimisations), over output off and Dantzig dual pricing. */
  highsOptions?: Record<string, string | number | boolean>;
}

let loading: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded once per module registry (once per jest test file). */
export function highsSolver(): Promise<Highs> {
  return (loading ??= loadHighs());
}

/** A linear expression over the unknowns, plus a constant (the released part). */
interface Expr {
  vars: number[];
  coefs: number[];
  constant: number;
}

interface Row {
  vars: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

interface Line {
  dimension: number;
  marginCoords: string[];
  /** Index of the margin cell, -1 when absent (zero). */
  margin: number;
  members: number[];
}

interface Target {
  expr: Expr;
  result: PrimaryRange | LineSumRange;
}

const keyOf = (coords: readonly string[]) => coords.join('\u0001');

/** The constraints of one year, built once. */
class YearSystem {
  readonly cells: ProtectedCell[];
  readonly lines: Line[] = [];
  /** Unknown of (cell, measure) at cell * M + measure, -1 when released. */
  readonly varOf: Int32Array;
  readonly varCell: number[] = [];
  readonly varMeasure: number[] = [];
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly rows: Row[] = [];
  readonly rowNames: string[] = [];
  /** Row persons − measure ≥ 0 of a cell, by `${persons unknown},${measure unknown}`. */
  readonly complementRow = new Map<string, number>();

  constructor(cube: Iterable<ProtectedCell>) {
    this.cells = [...cube];
    const index = new Map<string, number>();
    const dimensions = this.cells[0]?.coords.length ?? 0;
    this.cells.forEach((cell, i) => {
      const key = keyOf(cell.coords);
      if (cell.coords.length !== dimensions) throw new Error(`cell ${key} has ${cell.coords.length} dimensions, expected ${dimensions}`);
      if (index.has(key)) throw new Error(`cell ${cell.coords.join(',')} appears twice`);
      index.set(key, i);
      const { persons } = cell.counts;
      for (const measure of MEASURES) {
        const value = cell.counts[measure];
        if (!Number.isInteger(value) || value < 0 || value > persons) {
          throw new Error(`cell ${cell.coords.join(',')}: ${measure} = ${value} is not a count from 0 to persons (${persons})`);
        }
      }
    });

    // Lines: a margin and the cells refining it along one dimension.
    const lineIds = new Map<string, number>();
    this.cells.forEach((cell, i) => {
      cell.coords.forEach((value, dimension) => {
        if (value === ALL) return;
        const marginCoords = [...cell.coords];
        marginCoords[dimension] = ALL;
        const marginKey = keyOf(marginCoords);
        const id = `${dimension}\u0002${marginKey}`;
        let line = lineIds.get(id);
        if (line === undefined) {
          line = this.lines.length;
          lineIds.set(id, line);
          this.lines.push({ dimension, marginCoords, margin: index.get(marginKey) ?? -1, members: [] });
        }
        this.lines[line].members.push(i);
      });
    });
    for (const line of this.lines) {
      for (const measure of MEASURES) {
        const sum = line.members.reduce((total, i) => total + this.cells[i].counts[measure], 0);
        const margin = line.margin < 0 ? 0 : this.cells[line.margin].counts[measure];
        if (sum !== margin) {
          throw new Error(`inconsistent cube: ${measure} of ${line.marginCoords.join(',')} is ${margin}, its line along dimension ${line.dimension} sums to ${sum}`);
        }
      }
    }

    // Unknowns: the suppressed counts, non-negative.
    this.varOf = new Int32Array(this.cells.length * M).fill(-1);
    this.cells.forEach((cell, i) => {
      MEASURES.forEach((measure, m) => {
        if (!cell.suppressed.has(measure)) return;
        this.varOf[i * M + m] = this.varCell.length;
        this.varCell.push(i);
        this.varMeasure.push(m);
        this.colLower.push(0);
        this.colUpper.push(Infinity);
      });
    });

    // Additivity of every line, for every measure.
    this.lines.forEach((line, l) => {
      for (let m = 0; m < M; m++) {
        const expr: Expr = { vars: [], coefs: [], constant: 0 };
        for (const i of line.members) this.addTerm(expr, i, m, 1);
        if (line.margin >= 0) this.addTerm(expr, line.margin, m, -1);
        if (expr.vars.length === 0) continue;
        const rhs = 0 - expr.constant; // +0 when the constant is 0 (unary minus would write "-0")
        this.rows.push({ vars: expr.vars, coefs: expr.coefs, lower: rhs, upper: rhs });
        this.rowNames.push(`l${l}${LETTER[m]}`);
      }
    });

    // No outcome exceeds the persons of its cell: persons − measure ≥ 0.
    this.cells.forEach((cell, i) => {
      const p = this.varOf[i * M + PERSONS];
      for (let m = 1; m < M; m++) {
        const x = this.varOf[i * M + m];
        if (p >= 0 && x >= 0) {
          this.complementRow.set(`${p},${x}`, this.rows.length);
          this.rows.push({ vars: [p, x], coefs: [1, -1], lower: 0, upper: Infinity });
          this.rowNames.push(`k${i}${LETTER[m]}`);
        } else if (p >= 0) {
          this.colLower[p] = Math.max(this.colLower[p], cell.counts[MEASURES[m]]);
        } else if (x >= 0) {
          this.colUpper[x] = Math.min(this.colUpper[x], cell.counts.persons);
        }
      }
    });
  }

  /** Adds sign × (count of measure m in cell i): an unknown if suppressed, else a constant. */
  addTerm(expr: Expr, i: number, m: number, sign: number): void {
    const v = this.varOf[i * M + m];
    if (v < 0) {
      expr.constant += sign * this.cells[i].counts[MEASURES[m]];
    } else {
      expr.vars.push(v);
      expr.coefs.push(sign);
    }
  }

  /** The quantity as an expression: the count, or persons − count. */
  quantity(i: number, m: number, quantity: Quantity, expr: Expr = { vars: [], coefs: [], constant: 0 }): Expr {
    if (quantity === 'value') {
      this.addTerm(expr, i, m, 1);
    } else {
      this.addTerm(expr, i, PERSONS, 1);
      this.addTerm(expr, i, m, -1);
    }
    return expr;
  }

  trueQuantity(i: number, m: number, quantity: Quantity): number {
    const counts = this.cells[i].counts;
    const value = counts[MEASURES[m]];
    return quantity === 'value' ? value : counts.persons - value;
  }

  variableName(v: number): string {
    return `${LETTER[this.varMeasure[v]]}${this.varCell[v]}`;
  }

  /** Connected components of the unknowns through the rows (and groups kept together): component id per unknown. */
  components(decompose: boolean, together: readonly (readonly number[])[] = []): { of: Int32Array; count: number } {
    const n = this.varCell.length;
    if (!decompose) return { of: new Int32Array(n), count: n > 0 ? 1 : 0 };
    const parent = Int32Array.from({ length: n }, (_, v) => v);
    const find = (v: number): number => {
      while (parent[v] !== v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
      }
      return v;
    };
    for (const group of [...this.rows.map((row) => row.vars), ...together]) {
      if (group.length === 0) continue;
      const root = find(group[0]);
      for (let k = 1; k < group.length; k++) {
        const other = find(group[k]);
        if (other !== root) parent[other] = root;
      }
    }
    const id = new Map<number, number>();
    const of = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      const root = find(v);
      let c = id.get(root);
      if (c === undefined) {
        c = id.size;
        id.set(root, c);
      }
      of[v] = c;
    }
    return { of, count: id.size };
  }

  /** The LP over a set of unknowns (all rows touching them), zero objective. */
  modelData(vars: readonly number[], rows: readonly number[], local: Int32Array, highs: Highs, names = false): ModelData {
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of rows) {
      const row = this.rows[r];
      row.vars.forEach((v, k) => {
        indices.push(local[v]);
        values.push(row.coefs[k]);
      });
      starts.push(indices.length);
    }
    const finite = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
    return {
      numCols: vars.length,
      numRows: rows.length,
      colCost: new Float64Array(vars.length),
      colLower: vars.map((v) => finite(this.colLower[v])),
      colUpper: vars.map((v) => finite(this.colUpper[v])),
      rowLower: rows.map((r) => finite(this.rows[r].lower)),
      rowUpper: rows.map((r) => finite(this.rows[r].upper)),
      matrix: { format: 'csr', numRows: rows.length, numCols: vars.length, starts, indices, values },
      ...(names ? { colNames: vars.map((v) => this.variableName(v)), rowNames: rows.map((r) => this.rowNames[r]) } : {}),
    };
  }
}

const isSmall = (count: number, smallMax: number) => count >= 1 && count <= smallMax;

function snap(value: number, tolerance: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Math.round(value);
  return Math.abs(value - rounded) <= tolerance ? rounded + 0 : value;
}

/** Every primary quantity and every small line sum of the year, as expressions. */
function targetsOf(system: YearSystem, smallMax: number, lineSums: boolean): { primaries: Target[]; sums: Target[] } {
  const primaries: Target[] = [];
  system.cells.forEach((cell, i) => {
    for (let m = 0; m < M; m++) {
      for (const quantity of m === PERSONS ? (['value'] as const) : (['value', 'complement'] as const)) {
        const trueValue = system.trueQuantity(i, m, quantity);
        if (!isSmall(trueValue, smallMax)) continue;
        const expr = system.quantity(i, m, quantity);
        const result: PrimaryRange = {
          coords: cell.coords,
          measure: MEASURES[m],
          quantity,
          trueValue,
          released: expr.vars.length === 0,
          min: trueValue,
          max: trueValue,
          exact: false,
        };
        primaries.push({ expr, result });
      }
    }
  });
  const sums: Target[] = [];
  if (lineSums) {
    for (const line of system.lines) {
      for (let m = 0; m < M; m++) {
        for (const quantity of m === PERSONS ? (['value'] as const) : (['value', 'complement'] as const)) {
          const members = line.members.filter(
            (i) => isSmall(system.trueQuantity(i, m, quantity), smallMax) && system.quantity(i, m, quantity).vars.length > 0,
          );
          if (members.length < 2) continue;
          const expr: Expr = { vars: [], coefs: [], constant: 0 };
          for (const i of members) system.quantity(i, m, quantity, expr);
          const result: LineSumRange = {
            margin: line.marginCoords,
            dimension: line.dimension,
            measure: MEASURES[m],
            quantity,
            members: members.map((i) => system.cells[i].coords),
            trueValue: members.reduce((total, i) => total + system.trueQuantity(i, m, quantity), 0),
            min: 0,
            max: 0,
            exact: false,
          };
          sums.push({ expr, result });
        }
      }
    }
  }
  return { primaries, sums };
}

/** A question on a quantity: can it be at least, or at most, some value? */
type Side = 'atLeast' | 'atMost';

const FEASIBLE_OR_OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;

/** A target restricted to one block: local columns, coefficients, and what is known of its range. */
interface BlockTarget {
  target: Target;
  columns: number[];
  coefs: number[];
  constant: number;
  /** A row of the block whose activity is Σ coefs·x (persons − measure), probed by its bounds. */
  row?: number;
  /** Smallest and largest values seen at feasible points (or proven optima when exact). */
  low: number;
  high: number;
  lowExact: boolean;
  highExact: boolean;
}

/**
 * One independent block of the year's LP, held in HiGHS with a zero objective. Two ways
 * to learn about a quantity q:
 * - probe: is {q ≥ t} (or {q ≤ t}) feasible? A bound change (one unknown) or the bounds of
 *   a spare "probe row" (several unknowns); the dual simplex restarts from the last basis
 *   and needs a few dozen pivots. A feasible answer comes with a point, where every
 *   quantity of the block is read (a witness of what the attacker cannot exclude).
 * - optimum: min or max of q, a full LP (cold start: on these degenerate systems a warm
 *   primal simplex is slower than a fresh dual simplex).
 */
class Block {
  readonly model: Model;
  private readonly lower: number[];
  private readonly upper: number[];
  private readonly rowLower: number[];
  private readonly rowUpper: number[];
  private readonly probeRow: number;
  private probeTarget: BlockTarget | undefined;
  /** Basis each kind of probe starts from, when set. */
  private readonly home: Partial<Record<Side, Basis>> = {};
  private lastProbe: { t: BlockTarget; side: Side } | undefined;
  lps = 0;
  probes = 0;
  spreads = 0;
  optima = 0;
  iterations = 0;

  constructor(
    private readonly highs: Highs,
    private readonly data: ModelData,
    readonly targets: BlockTarget[],
    highsOptions: Record<string, string | number | boolean> = {},
  ) {
    this.lower = Array.from(data.colLower as ArrayLike<number>);
    this.upper = Array.from(data.colUpper as ArrayLike<number>);
    this.rowLower = Array.from(data.rowLower as ArrayLike<number>);
    this.rowUpper = Array.from(data.rowUpper as ArrayLike<number>);
    this.probeRow = data.numRows;
    this.model = highs.createModel(data);
    // Dantzig pricing in the dual simplex: probes change the model between short solves, and
    // steepest-edge weights, recomputed after such changes, cost more than they save here.
    this.model.options.set({ output_flag: false, simplex_dual_edge_weight_strategy: 0, ...highsOptions });
    // The spare row, free and empty until a probe of several unknowns.
    this.model.addRow(-highs.infinity, highs.infinity, { indices: new Int32Array(0), values: new Float64Array(0) });
    this.rowLower.push(-highs.infinity);
    this.rowUpper.push(highs.infinity);
  }

  dispose(): void {
    this.model.dispose();
  }

  private run(): number {
    const status = this.model.run().modelStatus;
    this.lps += 1;
    this.iterations += Number(this.model.info.get('simplex_iteration_count'));
    return status;
  }

  /** Reads every quantity of the block at the current solution. */
  private harvest(): void {
    this.harvestPoint(this.model.getSolution().colValue);
  }

  private harvestPoint(x: ArrayLike<number>): void {
    for (const t of this.targets) {
      let q = t.constant;
      for (let k = 0; k < t.columns.length; k++) q += t.coefs[k] * x[t.columns[k]];
      if (q < t.low && !t.lowExact) t.low = q;
      if (q > t.high && !t.highExact) t.high = q;
    }
  }

  /** Solves the block as it is (zero objective) and reads the point. */
  start(): void {
    const status = this.run();
    if (status !== FEASIBLE_OR_OPTIMAL) throw new Error(`the true counts satisfy the year's LP, yet HiGHS says status ${status}`);
    this.harvest();
  }

  /**
   * One LP to see many quantities reach a threshold at once: maximise Σ min(q, threshold)
   * ('atLeast') or minimise Σ max(q, threshold) ('atMost') over the given quantities, with
   * one more column y and row per quantity (y ≤ q, y ≤ threshold; or y ≥ q, y ≥ threshold).
   * Returns how many of them the optimum shows on the right side of the threshold.
   */
  spread(side: Side, targets: readonly BlockTarget[], threshold: number, tolerance: number): number {
    if (targets.length === 0) return 0;
    const { numCols: n, numRows: r, matrix } = this.data;
    const k = targets.length;
    const inf = this.highs.infinity;
    const starts = Array.from(matrix.starts as ArrayLike<number>);
    const indices = Array.from(matrix.indices as ArrayLike<number>);
    const values = Array.from(matrix.values as ArrayLike<number>);
    targets.forEach((t, i) => {
      indices.push(n + i);
      values.push(1);
      t.columns.forEach((j, c) => {
        indices.push(j);
        values.push(-t.coefs[c]);
      });
      starts.push(indices.length);
    });
    const atLeast = side === 'atLeast';
    const data: ModelData = {
      numCols: n + k,
      numRows: r + k,
      colCost: [...new Array<number>(n).fill(0), ...new Array<number>(k).fill(atLeast ? -1 : 1)],
      colLower: [...this.lower.slice(0, n), ...new Array<number>(k).fill(atLeast ? 0 : threshold)],
      colUpper: [...this.upper.slice(0, n), ...new Array<number>(k).fill(atLeast ? threshold : inf)],
      rowLower: [...this.rowLower.slice(0, r), ...targets.map((t) => (atLeast ? -inf : t.constant))],
      rowUpper: [...this.rowUpper.slice(0, r), ...targets.map((t) => (atLeast ? t.constant : inf))],
      matrix: { format: 'csr', numRows: r + k, numCols: n + k, starts, indices, values },
    };
    const model = this.highs.createModel(data);
    try {
      model.options.set({ output_flag: false });
      const status = model.run().modelStatus;
      this.lps += 1;
      this.spreads += 1;
      this.iterations += Number(model.info.get('simplex_iteration_count'));
      if (status !== FEASIBLE_OR_OPTIMAL) throw new Error(`HiGHS ended a spread LP with model status ${status}`);
      this.harvestPoint(model.getSolution().colValue.subarray(0, n));
    } finally {
      model.dispose();
    }
    return targets.filter((t) => (atLeast ? t.high >= threshold - tolerance : t.low <= threshold + tolerance)).length;
  }

  /** Is q ≥ threshold ('atLeast') or q ≤ threshold ('atMost') feasible? If so, reads the point. */
  probe(t: BlockTarget, side: Side, threshold: number): boolean {
    this.probes += 1;
    const bound = threshold - t.constant;
    if (t.columns.length === 1) {
      const [j] = t.columns;
      const c = t.coefs[0];
      // c·x ≥ bound is x ≥ bound/c when c > 0, x ≤ bound/c when c < 0 (and the other way for ≤).
      const lowerSide = (side === 'atLeast') === c > 0;
      const lower = lowerSide ? Math.max(this.lower[j], bound / c) : this.lower[j];
      const upper = lowerSide ? this.upper[j] : Math.min(this.upper[j], bound / c);
      if (lower > upper) return false;
      this.model.changeColBounds(j, lower, upper);
      try {
        return this.feasible(t, side);
      } finally {
        this.model.changeColBounds(j, this.lower[j], this.upper[j]);
      }
    }
    let row = t.row;
    if (row === undefined) {
      row = this.probeRow;
      this.useProbeRow(t);
    }
    const lower = side === 'atLeast' ? Math.max(this.rowLower[row], bound) : this.rowLower[row];
    const upper = side === 'atLeast' ? this.rowUpper[row] : Math.min(this.rowUpper[row], bound);
    if (lower > upper) return false;
    this.model.changeRowBounds(row, lower, upper);
    try {
      return this.feasible(t, side);
    } finally {
      this.model.changeRowBounds(row, this.rowLower[row], this.rowUpper[row]);
    }
  }

  /**
   * Sets where probes of one side start: min Σ x ('atMost': a point where everything is
   * low, close to any {q ≤ 1}), by a full LP whose basis is kept.
   */
  setHome(side: 'atMost'): void {
    const n = this.data.numCols;
    const all = { kind: 'range' as const, from: 0, to: n - 1 };
    this.model.changeColsCost(all, new Float64Array(n).fill(1));
    const status = this.run();
    if (status === FEASIBLE_OR_OPTIMAL) {
      this.harvest();
      this.home[side] = this.model.getBasis();
    }
    this.model.changeColsCost(all, new Float64Array(n));
  }

  /** Runs with the zero objective: feasible (and the point read) or not. */
  private feasible(t: BlockTarget, side: Side): boolean {
    // The first probe of a quantity on a side starts from home; the next ones from the last.
    const home = this.home[side];
    if (home && (this.lastProbe?.t !== t || this.lastProbe.side !== side)) this.model.setBasis(home);
    this.lastProbe = { t, side };
    const status = this.run();
    if (status === FEASIBLE_OR_OPTIMAL) {
      this.harvest();
      return true;
    }
    if (status === INFEASIBLE || status === UNBOUNDED_OR_INFEASIBLE) return false;
    throw new Error(`HiGHS ended a probe with model status ${status}`);
  }

  private useProbeRow(t: BlockTarget): void {
    if (this.probeTarget === t) return;
    if (this.probeTarget) for (const j of this.probeTarget.columns) this.model.changeCoefficient(this.probeRow, j, 0);
    t.columns.forEach((j, k) => this.model.changeCoefficient(this.probeRow, j, t.coefs[k]));
    this.probeTarget = t;
  }

  /** min q or max q over the block (±Infinity when unbounded), by a fresh LP. */
  optimum(t: BlockTarget, sense: 'min' | 'max'): number {
    this.optima += 1;
    const sign = sense === 'min' ? 1 : -1;
    const indices = [...t.columns.keys()].sort((a, b) => t.columns[a] - t.columns[b]);
    const selection = { kind: 'set' as const, indices: Int32Array.from(indices, (k) => t.columns[k]) };
    this.model.changeColsCost(selection, Float64Array.from(indices, (k) => sign * t.coefs[k]));
    this.model.clearSolver();
    const status = this.run();
    let value: number;
    if (status === FEASIBLE_OR_OPTIMAL) {
      value = t.constant + sign * this.model.getObjectiveValue();
      this.harvest();
    } else if (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE) {
      // The true counts are a feasible point: "unbounded or infeasible" is unbounded.
      value = sense === 'min' ? -Infinity : Infinity;
    } else {
      throw new Error(`HiGHS ended an optimisation with model status ${status}`);
    }
    this.model.changeColsCost(selection, new Float64Array(indices.length));
    return value;
  }
}

/** Exact range of every quantity not yet known: two LPs each. */
function exactRanges(block: Block): void {
  for (const t of block.targets) {
    if (t.lowExact && t.highExact) continue;
    t.low = block.optimum(t, 'min');
    t.lowExact = true;
    t.high = block.optimum(t, 'max');
    t.highExact = true;
  }
}

/**
 * Settles one side of a quantity: safe (a point is seen past `safe`: ≥ 11 above, ≤ 1
 * below), or else its exact optimum on that side, by probes:
 * - a quantity never seen to move from its true value this way is likely pinned there:
 *   first ask whether it can go beyond what is seen, {q ≥ seen + δ};
 * - then {q ≥ safe}: feasible, it is safe;
 * - infeasible, its optimum lies between what is seen and `safe`: {q ≥ seen + δ} again,
 *   then bisection on the integers, then {q ≥ seen + δ} to confirm; an optimum that is
 *   not an integer (that last probe feasible) is found by a full LP.
 * (Mirrored for 'atMost'.) δ = 10 × tolerance.
 */
function settle(block: Block, t: BlockTarget, side: Side, safe: number, tolerance: number): void {
  const up = side === 'atLeast';
  const seen = () => (up ? t.high : t.low);
  const isSafe = () => (up ? t.high >= safe - tolerance : t.low <= safe + tolerance);
  const beyondSeen = () => (up ? t.high + 10 * tolerance : t.low - 10 * tolerance);
  const exact = () => {
    if (up) t.highExact = true;
    else t.lowExact = true;
  };
  if (isSafe()) return;
  const trueValue = t.target.result.trueValue;
  const unmoved = up ? t.high <= trueValue + tolerance : t.low >= trueValue - tolerance;
  if (unmoved) {
    if (!block.probe(t, side, beyondSeen())) return exact();
    if (isSafe()) return;
  }
  if (block.probe(t, side, safe)) return;
  if (!unmoved && !block.probe(t, side, beyondSeen())) return exact();
  // Bisection on integers: `known` is feasible (seen), `wall` is not.
  let wall = safe;
  const known = () => (up ? Math.floor(seen() + tolerance) : Math.ceil(seen() - tolerance));
  while (Math.abs(wall - known()) > 1) {
    const mid = up ? Math.floor((known() + wall) / 2) : Math.ceil((known() + wall) / 2);
    if (!block.probe(t, side, mid)) wall = mid;
  }
  if (block.probe(t, side, beyondSeen())) {
    if (up) t.high = block.optimum(t, 'max');
    else t.low = block.optimum(t, 'min');
  }
  exact();
}

/**
 * Decides every quantity of a block with few LPs, exactly where it matters:
 * 1. points: the true counts, a first solution, then "spread" LPs, each pushing as many
 *    pending quantities as it can past 11 (then past 1 downwards), until one gains fewer
 *    than 20; every point is read for every quantity;
 * 2. each quantity not yet seen ≥ 11 is settled upwards (`settle`), each probe starting from
 *    the last basis;
 * 3. from a "home" basis where everything is low (min Σ x), each quantity not yet seen ≤ 1
 *    is settled downwards (its first probe from home, the next from the last basis).
 * A safe quantity keeps the values seen (min ≤ 1, max ≥ 11: inside its feasible range);
 * every quantity is ≥ 0, so a minimum seen at 0 is exact. A violation gets its exact
 * optimum on the side it fails; one that cannot reach 11 gets its exact minimum too (its
 * whole range exact), one that cannot go down to 1 keeps the maximum seen (≥ 11).
 */
function decideRanges(block: Block, smallMax: number, tolerance: number): void {
  block.start();
  const safeHigh = smallMax + 1;
  const open = block.targets.filter((t) => !(t.lowExact && t.highExact));
  const spread = (side: Side, threshold: number, pending: (t: BlockTarget) => boolean) => {
    for (let round = 0; round < 30; round++) {
      if (block.spread(side, open.filter(pending), threshold, tolerance) < 20) break;
    }
  };
  spread('atLeast', safeHigh, (t) => t.high < safeHigh - tolerance);
  spread('atMost', 1, (t) => t.low > 1 + tolerance);
  for (const t of open) settle(block, t, 'atLeast', safeHigh, tolerance);
  block.setHome('atMost');
  for (const t of open) settle(block, t, 'atMost', 1, tolerance);
  // A quantity that cannot reach 11 is reported with its exact minimum too (settled down to 0).
  for (const t of open) if (t.highExact && t.high < safeHigh - tolerance) settle(block, t, 'atMost', 0, tolerance);
  for (const t of block.targets) if (t.low <= tolerance) t.lowExact = true;
}

/**
 * Attacks one protected year: the range of every primary quantity and of every small line
 * sum, given what the year releases. By default the ranges are decided (exact for every
 * violation, witnessed for the rest: see `AttackOptions.exact`).
 */
export async function attackYear(cube: Iterable<ProtectedCell>, options: AttackOptions = {}): Promise<AttackReport> {
  const { smallMax = 10, tolerance = 1e-6, lineSums = true, decompose = true, exact = false, highsOptions } = options;
  const started = performance.now();
  const highs = await highsSolver();
  const system = new YearSystem(cube);
  const { primaries, sums } = targetsOf(system, smallMax, lineSums);
  const targets = [...primaries, ...sums];
  const components = system.components(decompose, targets.map((t) => t.expr.vars));

  // Unknowns, rows and targets of each block.
  const vars: number[][] = Array.from({ length: components.count }, () => []);
  const local = new Int32Array(system.varCell.length);
  for (let v = 0; v < system.varCell.length; v++) {
    const c = components.of[v];
    local[v] = vars[c].length;
    vars[c].push(v);
  }
  const rows: number[][] = Array.from({ length: components.count }, () => []);
  const localRow = new Int32Array(system.rows.length);
  system.rows.forEach((row, r) => {
    const block = rows[components.of[row.vars[0]]];
    localRow[r] = block.length;
    block.push(r);
  });
  const blockTargets: BlockTarget[][] = Array.from({ length: components.count }, () => []);
  const all: BlockTarget[] = [];
  for (const target of targets) {
    const { vars: tv, coefs, constant } = target.expr;
    const t: BlockTarget = {
      target,
      columns: tv.map((v) => local[v]),
      coefs: [...coefs],
      constant,
      low: target.result.trueValue,
      high: target.result.trueValue,
      lowExact: tv.length === 0,
      highExact: tv.length === 0,
    };
    const row = tv.length === 2 && coefs[0] === 1 && coefs[1] === -1 ? system.complementRow.get(`${tv[0]},${tv[1]}`) : undefined;
    if (row !== undefined) t.row = localRow[row];
    all.push(t);
    if (tv.length > 0) blockTargets[components.of[tv[0]]].push(t);
  }
  // A quantity equal to one equality row (up to sign) is determined: exact without LP.
  const equalities = new Map<string, number>();
  const canonical = (vars: readonly number[], coefs: readonly number[], sign: number) =>
    vars
      .map((v, k) => [v, sign * coefs[k]])
      .sort((a, b) => a[0] - b[0])
      .join(';');
  system.rows.forEach((row, r) => {
    if (row.lower === row.upper) equalities.set(canonical(row.vars, row.coefs, 1), r);
  });
  for (const t of all) {
    if (t.lowExact) continue;
    for (const sign of [1, -1]) {
      const r = equalities.get(canonical(t.target.expr.vars, t.target.expr.coefs, sign));
      if (r === undefined) continue;
      const value = t.constant + sign * system.rows[r].lower;
      if (Math.abs(value - t.target.result.trueValue) > tolerance) throw new Error(`determined quantity ${value} is not its true value`);
      t.low = t.high = value;
      t.lowExact = t.highExact = true;
      break;
    }
  }
  const built = performance.now();

  const stats = { lps: 0, probes: 0, spreads: 0, optima: 0, iterations: 0 };
  for (let c = 0; c < components.count; c++) {
    if (blockTargets[c].length === 0) continue;
    const block = new Block(highs, system.modelData(vars[c], rows[c], local, highs), blockTargets[c], highsOptions);
    try {
      if (exact) exactRanges(block);
      else decideRanges(block, smallMax, tolerance);
    } finally {
      block.dispose();
    }
    stats.lps += block.lps;
    stats.probes += block.probes;
    stats.spreads += block.spreads;
    stats.optima += block.optima;
    stats.iterations += block.iterations;
  }
  const solved = performance.now();

  for (const t of all) {
    t.target.result.min = snap(t.low, tolerance);
    t.target.result.max = snap(t.high, tolerance);
    t.target.result.exact = t.lowExact && t.highExact;
  }
  const safe = (range: Range) => range.min <= 1 + tolerance && range.max >= smallMax + 1 - tolerance;
  const ranges = primaries.map((t) => t.result as PrimaryRange);
  const lineSumRanges = sums.map((t) => t.result as LineSumRange);
  return {
    ranges,
    violations: ranges.filter((r) => !safe(r)),
    lineSums: lineSumRanges,
    lineSumViolations: lineSumRanges.filter((r) => !safe(r)),
    stats: {
      cells: system.cells.length,
      lines: system.lines.length,
      variables: system.varCell.length,
      rows: system.rows.length,
      components: components.count,
      largestComponent: vars.reduce((largest, block) => Math.max(largest, block.length), 0),
      targets: primaries.length,
      lineSumTargets: sums.length,
      lpsSolved: stats.lps,
      probes: stats.probes,
      spreads: stats.spreads,
      optimisations: stats.optima,
      simplexIterations: stats.iterations,
      buildSeconds: (built - started) / 1000,
      solveSeconds: (solved - built) / 1000,
      seconds: (solved - started) / 1000,
    },
  };
}

/**
 * The whole year as one LP in CPLEX LP text (zero objective), to read or to solve by hand
 * with `highs.solve(text)`. Unknowns are named by measure letter (p persons, h housed, r
 * rights, c in care, e employed) and cell index in the cube's order: `h12`; rows `l<line><letter>`
 * are additivity, `k<cell><letter>` persons − measure ≥ 0.
 */
export async function exportYearLp(cube: Iterable<ProtectedCell>): Promise<string> {
  const highs = await highsSolver();
  const system = new YearSystem(cube);
  const all = system.varCell.map((_, v) => v);
  const model = highs.createModel(system.modelData(all, system.rows.map((_, r) => r), Int32Array.from(all), highs, true));
  try {
    return model.exportModel('lp');
  } finally {
    model.dispose();
  }
}

/** One line for a failure message: `housedAtRelease complement of 49,*,*,* (true 5): [5, 5]`. */
export function describeRange(range: PrimaryRange | LineSumRange): string {
  const where =
    'coords' in range
      ? range.coords.join(',')
      : `line of ${range.margin.join(',')} along dimension ${range.dimension} (${range.members.length} members)`;
  const what = range.quantity === 'value' ? range.measure : `${range.measure} complement`;
  return `${what} of ${where} (true ${range.trueValue}): [${range.min}, ${range.max}]`;
}
