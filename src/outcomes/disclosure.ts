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

import { SMALL_COUNT, isSmallCount } from '../policy/directory-figures';

export const ALL = '*';
/** The one rule of small counts, shared with the directory figures. */
export const SMALL_COUNT_MAX = SMALL_COUNT.max;
/** A primary count must be feasible up to this value (and down to 1). */
const PROTECTED_UP_TO = SMALL_COUNT_MAX + 1;

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
export const OUTCOME_MEASURES: readonly Measure[] = MEASURES.filter((m) => m !== 'persons');

export interface CubeCell {
  /** One value per dimension, ALL for a margin. */
  coords: string[];
  counts: CellCounts;
}

/** A cube after protection: for each cell, the measures it may not release. */
export interface ProtectedCell extends CubeCell {
  suppressed: Set<Measure>;
}

/** What protecting a cube did, for tests and benchmarks. */
export interface ProtectionStats {
  cells: number;
  primary: Record<Measure, number>;
  suppressed: Record<Measure, number>;
  certificates: number;
  /** Certificates that moved the total: the dearest kind, counted to watch utility. */
  totalMoves: number;
  /** Primary counts left without certificates, whose whole measure was withheld instead (expected: 0). */
  fallbacks: number;
}

export function cellKey(coords: readonly string[]): string {
  return coords.join('\u0001');
}

export const isSmall = isSmallCount;

/** Index 0 is persons, 1 + i the outcome OUTCOME_MEASURES[i]. */
const PERSONS = 0;
const OUTCOMES = OUTCOME_MEASURES.length;

/** The quantity a certificate moves: persons, an outcome count, or an outcome's complement. */
type Quantity = { kind: 'p' } | { kind: 'm'; outcome: number } | { kind: 'k'; outcome: number };

/** How a certificate moves its quantity: with persons (a move), or with persons fixed (a flip). */
type Mode = 'move' | 'flip';

interface Cell {
  coords: string[];
  /** The dimensions fixed by the cell (not ALL), ascending. */
  fixed: number[];
  /** persons, then each outcome */
  values: number[];
}

/**
 * One shape of a certificate, as links: per unit of the amount, `weight` units leave the
 * cell `from` for the cell `to` (-1: none, persons enter or leave the year). Links of one
 * group share a spread: their weights add up to 1 and they carry the same unit together.
 */
interface Link {
  from: number;
  to: number;
  weight: number;
  group: number;
}
type Shape = Link[];

let groups = 0;
function link(from: number, to: number, weight = 1, group = ++groups): Link {
  return { from, to, weight, group };
}

class Cube {
  readonly cells: Cell[];
  readonly dimensions: number;
  private readonly single: Map<string, number>[];
  private readonly pairs: Map<string, Map<string, number>>[][];
  total = -1;
  private readonly lineCache = new Map<number, { margin: number; members: number[] }[]>();
  /** Values of each dimension present in the cube (from its one-dimension cells). */
  readonly values: string[][];

  constructor(cube: readonly CubeCell[]) {
    this.dimensions = cube[0]?.coords.length ?? 0;
    this.cells = cube.map((cell) => ({
      coords: cell.coords,
      fixed: cell.coords.flatMap((value, d) => (value === ALL ? [] : [d])),
      values: MEASURES.map((m) => cell.counts[m]),
    }));
    this.single = Array.from({ length: this.dimensions }, () => new Map<string, number>());
    this.pairs = Array.from({ length: this.dimensions }, () => Array.from({ length: this.dimensions }, () => new Map<string, Map<string, number>>()));
    this.cells.forEach((cell, i) => {
      const [d, e] = cell.fixed;
      if (cell.fixed.length === 0) this.total = i;
      else if (cell.fixed.length === 1) this.single[d].set(cell.coords[d], i);
      else if (cell.fixed.length === 2) {
        const rows = this.pairs[d][e];
        if (!rows.has(cell.coords[d])) rows.set(cell.coords[d], new Map());
        rows.get(cell.coords[d])!.set(cell.coords[e], i);
      }
    });
    this.values = Array.from({ length: this.dimensions }, () => [] as string[]);
    for (const cell of this.cells) {
      if (cell.fixed.length === 1) this.values[cell.fixed[0]].push(cell.coords[cell.fixed[0]]);
    }
    for (const list of this.values) list.sort();
  }

  /** The cell fixing the given dimensions to the given values (others ALL), or -1 when absent (zero). */
  at(assignment: ReadonlyMap<number, string>, dims: readonly number[] = [...assignment.keys()]): number {
    if (dims.length === 0) return this.total;
    if (dims.length === 1) return this.at1(dims[0], assignment.get(dims[0])!);
    if (dims.length === 2) return this.at2(dims[0], assignment.get(dims[0])!, dims[1], assignment.get(dims[1])!);
    return -1;
  }

  at1(d: number, v: string): number {
    return this.single[d].get(v) ?? -1;
  }

  at2(d: number, v: string, e: number, w: string): number {
    if (d > e) return this.at2(e, w, d, v);
    return this.pairs[d][e].get(v)?.get(w) ?? -1;
  }

  /** The lines through a cell: for each fixed dimension, its margin and the members that sum to it. */
  linesThrough(i: number): { margin: number; members: number[] }[] {
    let lines = this.lineCache.get(i);
    if (!lines) {
      const cell = this.cells[i];
      const assignment = new Map(cell.fixed.map((d) => [d, cell.coords[d]] as [number, string]));
      lines = cell.fixed.map((d) => {
        const rest = cell.fixed.filter((e) => e !== d);
        const members = this.values[d]
          .map((value) => this.at(new Map([...assignment, [d, value]]), cell.fixed))
          .filter((j) => j >= 0);
        return { margin: this.at(assignment, rest), members };
      });
      this.lineCache.set(i, lines);
    }
    return lines;
  }
}

/** Suppression state of a cube: persons, and each outcome (which also covers persons). */
class Suppression {
  readonly persons: Uint8Array;
  readonly outcomes: Uint8Array[];

  constructor(size: number) {
    this.persons = new Uint8Array(size);
    this.outcomes = Array.from({ length: OUTCOMES }, () => new Uint8Array(size));
  }

  has(i: number, quantity: Quantity, mode: Mode): boolean {
    if (this.persons[i]) return true;
    return quantity.kind !== 'p' && mode === 'flip' ? this.outcomes[quantity.outcome][i] === 1 : false;
  }

  add(i: number, quantity: Quantity, mode: Mode): void {
    if (quantity.kind !== 'p' && mode === 'flip') this.outcomes[quantity.outcome][i] = 1;
    else this.persons[i] = 1;
  }
}

/**
 * A certificate under construction: the deltas it applies, on top of the true values.
 * For persons, a move of persons. For an outcome (or its complement), either a move of
 * persons that carry it (persons and outcome change together) or a flip (the outcome
 * changes, persons stay). The attacker this answers knows the persons tables, and for
 * each outcome the persons and that outcome together (so its complement too).
 */
class Plan {
  readonly deltas = new Map<number, Float64Array>();
  cost = 0;
  readonly cells = new Set<number>();
  usedTotal = false;

  constructor(
    private readonly cube: Cube,
    readonly quantity: Quantity,
    readonly mode: Mode,
  ) {}

  private delta(i: number): Float64Array {
    let delta = this.deltas.get(i);
    if (!delta) {
      delta = new Float64Array(1 + OUTCOMES);
      this.deltas.set(i, delta);
    }
    return delta;
  }

  persons(i: number): number {
    return this.cube.cells[i].values[PERSONS] + (this.deltas.get(i)?.[PERSONS] ?? 0);
  }

  outcome(i: number, j: number): number {
    return this.cube.cells[i].values[1 + j] + (this.deltas.get(i)?.[1 + j] ?? 0);
  }

  /** The certificate's quantity at a cell, as the plan leaves it. */
  value(i: number): number {
    const q = this.quantity;
    if (q.kind === 'p') return this.persons(i);
    if (q.kind === 'm') return this.outcome(i, q.outcome);
    return this.persons(i) - this.outcome(i, q.outcome);
  }

  /** For a flip: the other side of the outcome (the complement of an outcome count, and the reverse). */
  other(i: number): number {
    const q = this.quantity;
    if (q.kind === 'p') return Infinity;
    return q.kind === 'm' ? this.persons(i) - this.outcome(i, q.outcome) : this.outcome(i, q.outcome);
  }

  /** The largest amount (up to `wanted`) the shape can carry on top of the plan. */
  capacity(shape: Shape, wanted: number): number {
    let cap = wanted;
    for (const { from, to, weight } of shape) {
      if (from >= 0) cap = Math.min(cap, this.value(from) / weight);
      if (to >= 0 && this.mode === 'flip') cap = Math.min(cap, this.other(to) / weight);
      if (cap <= 0) return 0;
    }
    return Math.max(0, cap);
  }

  apply(shape: Shape, amount: number, cost: number): void {
    const q = this.quantity;
    for (const { from, to, weight } of shape) {
      const change = weight * amount;
      for (const [i, sign] of [
        [from, -1],
        [to, 1],
      ] as const) {
        if (i < 0) continue;
        const delta = this.delta(i);
        if (q.kind === 'p') {
          delta[PERSONS] += sign * change;
        } else if (this.mode === 'flip') {
          delta[1 + q.outcome] += (q.kind === 'm' ? sign : -sign) * change;
        } else {
          delta[PERSONS] += sign * change;
          if (q.kind === 'm') delta[1 + q.outcome] += sign * change;
        }
        this.cells.add(i);
        if (this.cube.cells[i].fixed.length === 0) this.usedTotal = true;
      }
    }
    this.cost += cost;
  }
}

/** Cost of suppressing a cell that is not yet: its size, more for margins, most for the total. */
function cellCost(cell: Cell): number {
  const level = cell.fixed.length === 0 ? 1e9 : cell.fixed.length === 1 ? 200 : 1;
  return level + cell.values[PERSONS];
}

const MAX_ROUNDS = 64;
const MIN_PART = 0.25;
const POINT_MOVES_TIER = 3;
const POINTS_TIER = 4;
/** Combinations tried on each side of a move between two combinations. */
const POINT_MOVE_CANDIDATES = 16;
/** Sources tried per free dimension when a thin cell must be fed from elsewhere. */
const TIER2_SOURCES = 12;
/** Values of that dimension tried inside the cell, the largest first. */
const TIER2_TARGETS = 4;

/** Suppressing persons withholds every outcome of the cell too. */
const MODE_WEIGHT: Record<Mode, number> = { flip: 1, move: 5 };

/** Builds and applies the certificates of one cube. */
class Protector {
  readonly suppression: Suppression;
  certificates = 0;
  totalMoves = 0;

  private readonly pairCache = new Map<string, [number, number][]>();
  private allCombinations: Map<number, string>[] | null = null;
  private readonly cost: Float64Array;

  constructor(private readonly cube: Cube) {
    this.suppression = new Suppression(cube.cells.length);
    this.cost = Float64Array.from(cube.cells, cellCost);
  }

  private shapeCost(plan: Plan, shape: Shape): number {
    // The cells of a shape are distinct: each link joins cells of its own table.
    let cost = 0;
    for (const { from, to } of shape) {
      if (from >= 0 && !plan.cells.has(from) && !this.suppression.has(from, plan.quantity, plan.mode)) cost += this.cost[from];
      if (to >= 0 && !plan.cells.has(to) && !this.suppression.has(to, plan.quantity, plan.mode)) cost += this.cost[to];
    }
    return plan.mode === 'move' ? cost * MODE_WEIGHT.move : cost;
  }

  /** Columns x of the table (d, f) where both (fromValue, x) and (toValue, x) exist, cached. */
  private columnPairs(d: number, fromValue: string, toValue: string, f: number): [number, number][] {
    const key = `${d}\u0001${fromValue}\u0001${toValue}\u0001${f}`;
    let pairs = this.pairCache.get(key);
    if (!pairs) {
      pairs = [];
      for (const x of this.cube.values[f]) {
        const source = this.cube.at2(d, fromValue, f, x);
        const destination = this.cube.at2(d, toValue, f, x);
        if (source >= 0 && destination >= 0) pairs.push([source, destination]);
      }
      this.pairCache.set(key, pairs);
    }
    return pairs;
  }

  /** Rectangles inside the two-dimension table of the cell: the margins do not move. */
  private *rectangles(target: number, sign: number): Generator<Shape> {
    const cube = this.cube;
    const cell = cube.cells[target];
    if (cell.fixed.length !== 2) return;
    const [d, e] = cell.fixed;
    const v = cell.coords[d];
    const w = cell.coords[e];
    for (const w2 of cube.values[e]) {
      if (w2 === w) continue;
      const rowCell = cube.at2(d, v, e, w2);
      if (rowCell < 0) continue;
      for (const v2 of cube.values[d]) {
        if (v2 === v) continue;
        const columnCell = cube.at2(d, v2, e, w);
        const opposite = cube.at2(d, v2, e, w2);
        if (columnCell < 0 || opposite < 0) continue;
        // Up: the row and the column give to the cell and the opposite corner; down: the reverse.
        yield sign > 0 ? [link(rowCell, target), link(columnCell, opposite)] : [link(target, rowCell), link(opposite, columnCell)];
      }
    }
  }

  /**
   * Moves of persons between the cell and other categories: along one of its dimensions
   * (tier 0), both of them (tier 1), or its dimensions and one more (tier 2, when the cell's
   * own lines are too thin to feed it). Every table a moved dimension enters changes; in a
   * table pairing it with an unmoved free dimension the move is spread over columns. The
   * total never moves.
   */
  private *moves(plan: Plan, target: number, sign: number, wanted: number, tier: number): Generator<Shape> {
    const cube = this.cube;
    const cell = cube.cells[target];
    const fixed = cell.fixed;
    const inside = new Map(fixed.map((d) => [d, cell.coords[d]] as [number, string]));
    const others = (d: number, value: string) => cube.values[d].filter((v) => v !== value);
    if (tier === 0) {
      for (const d of fixed) {
        for (const v of others(d, cell.coords[d])) yield* this.moveShape(plan, sign, wanted, inside, new Map([[d, v]]));
      }
    } else if (tier === 1 && fixed.length === 2) {
      const [d, e] = fixed;
      for (const v of others(d, cell.coords[d])) {
        for (const w of others(e, cell.coords[e])) {
          if (cube.at2(d, v, e, w) >= 0) yield* this.moveShape(plan, sign, wanted, inside, new Map([[d, v], [e, w]]));
        }
      }
    } else if (tier === 2 && fixed.length > 0) {
      const free = Array.from({ length: cube.dimensions }, (_, d) => d).filter((d) => !fixed.includes(d));
      for (const f of free) {
        // Inside: the cell's values and a value of f its persons have; outside: other values of
        // all of them, the richest first (only they can feed a thin cell).
        const dims = [...fixed, f];
        const insideValues = cube.values[f]
          .filter((x) => fixed.every((d) => cube.at2(d, cell.coords[d], f, x) >= 0))
          .sort((x, y) => plan.value(cube.at2(fixed[0], cell.coords[fixed[0]], f, y)) - plan.value(cube.at2(fixed[0], cell.coords[fixed[0]], f, x)));
        const outsides: { values: Map<number, string>; supply: number }[] = [];
        const walk = (k: number, chosen: Map<number, string>) => {
          if (k === dims.length) {
            const main = cube.at(chosen, dims.length === 3 ? [fixed[0], fixed[1]] : [fixed[0], f]);
            if (main >= 0) outsides.push({ values: new Map(chosen), supply: plan.value(main) });
            return;
          }
          const d = dims[k];
          for (const v of d === f ? cube.values[f] : others(d, cell.coords[d])) {
            chosen.set(d, v);
            if ([...chosen.keys()].every((e) => e === d || cube.at2(e, chosen.get(e)!, d, v) >= 0)) walk(k + 1, chosen);
            chosen.delete(d);
          }
        };
        walk(0, new Map());
        outsides.sort((a, b) => b.supply - a.supply);
        for (const x of insideValues.slice(0, TIER2_TARGETS)) {
          const within = new Map([...inside, [f, x] as [number, string]]);
          for (const outside of outsides.slice(0, TIER2_SOURCES)) {
            if (outside.values.get(f) === x) continue;
            yield* this.moveShape(plan, sign, wanted, within, outside.values);
          }
        }
      }
    }
  }

  /**
   * One move between `inside` (the cell's values, and those of a moved free dimension) and
   * `outside` (other values of the moved dimensions): up moves persons in, down out.
   */
  private *moveShape(
    plan: Plan,
    sign: number,
    wanted: number,
    inside: ReadonlyMap<number, string>,
    outside: ReadonlyMap<number, string>,
  ): Generator<Shape> {
    const cube = this.cube;
    const moved = [...outside.keys()];
    const known = [...inside.keys()];
    const outsideFull = new Map([...inside, ...outside]);
    const from = sign > 0 ? outsideFull : inside;
    const to = sign > 0 ? inside : outsideFull;
    const shape: Shape = [];
    for (const dims of tablesWithin(known)) {
      if (!dims.some((d) => moved.includes(d))) continue;
      const source = cube.at(from, dims);
      const destination = cube.at(to, dims);
      if (source < 0 || destination < 0) return;
      shape.push(link(source, destination));
    }
    let cap = plan.capacity(shape, wanted);
    if (cap <= 0) return;
    const free = Array.from({ length: cube.dimensions }, (_, d) => d).filter((d) => !known.includes(d));
    const spreads: { source: number; destination: number; take: number }[][] = [];
    for (const d of moved) {
      for (const f of free) {
        const columns: { source: number; destination: number; cap: number; cost: number }[] = [];
        for (const [source, destination] of this.columnPairs(d, from.get(d)!, to.get(d)!, f)) {
          const pair = [link(source, destination)];
          const pairCap = plan.capacity(pair, cap);
          if (pairCap > 0) columns.push({ source, destination, cap: pairCap, cost: this.shapeCost(plan, pair) });
        }
        columns.sort((a, b) => a.cost / a.cap - b.cost / b.cap || b.cap - a.cap);
        const spread: { source: number; destination: number; take: number }[] = [];
        let left = cap;
        for (const column of columns) {
          if (left <= 1e-9) break;
          const take = Math.min(left, column.cap);
          spread.push({ source: column.source, destination: column.destination, take });
          left -= take;
        }
        if (cap - left <= 1e-9) return;
        cap -= left;
        spreads.push(spread);
      }
    }
    for (const spread of spreads) {
      const carried = spread.reduce((sum, column) => sum + column.take, 0);
      const group = ++groups;
      for (const column of spread) shape.push(link(column.source, column.destination, column.take / carried, group));
    }
    yield shape;
  }

  /** Every combination of all dimensions whose projections all exist (computed once). */
  private combinations(): Map<number, string>[] {
    if (!this.allCombinations) {
      const found: Map<number, string>[] = [];
      const assignment = new Map<number, string>();
      const assign = (d: number) => {
        if (d === this.cube.dimensions) {
          found.push(new Map(assignment));
          return;
        }
        for (const x of this.cube.values[d]) {
          assignment.set(d, x);
          if (this.consistent(assignment, d)) assign(d + 1);
          assignment.delete(d);
        }
      };
      assign(0);
      this.allCombinations = found;
    }
    return this.allCombinations;
  }

  /**
   * Moves between two combinations of every dimension, one inside the cell and one outside:
   * every projection where they differ changes, the total does not. For a cell so thin that
   * no table of its own can feed it.
   */
  private *pointMoves(plan: Plan, target: number, sign: number): Generator<Shape> {
    const cube = this.cube;
    const cell = cube.cells[target];
    const tables = projections(cube.dimensions).filter((dims) => dims.length > 0);
    const inCell = (point: Map<number, string>) => cell.fixed.every((d) => point.get(d) === cell.coords[d]);
    const cellsOf = (point: Map<number, string>) => tables.map((dims) => cube.at(point, dims));
    const ranked = (points: Map<number, string>[]) => {
      const best: { cells: number[]; supply: number }[] = [];
      for (const point of points) {
        const cells = cellsOf(point);
        let supply = Infinity;
        for (const i of cells) supply = Math.min(supply, plan.value(i));
        if (best.length < POINT_MOVE_CANDIDATES || supply > best[best.length - 1].supply) {
          best.push({ cells, supply });
          best.sort((a, b) => b.supply - a.supply);
          if (best.length > POINT_MOVE_CANDIDATES) best.pop();
        }
      }
      return best;
    };
    const all = this.combinations();
    // The side that gives must have supply; the side that receives only needs to exist.
    const givers = ranked(all.filter((point) => (sign > 0 ? !inCell(point) : inCell(point))));
    const takers = ranked(all.filter((point) => (sign > 0 ? inCell(point) : !inCell(point))));
    for (const giver of givers) {
      for (const taker of takers) {
        const shape: Shape = [];
        giver.cells.forEach((source, k) => {
          if (source !== taker.cells[k]) shape.push(link(source, taker.cells[k]));
        });
        yield shape;
      }
    }
  }

  /**
   * Adding (or removing) persons at one combination of every dimension inside the cell:
   * all its projections move, the total too. Combinations are taken where every
   * projection exists, so nothing released as zero would become non-zero.
   */
  private *points(target: number, sign: number): Generator<Shape> {
    const cube = this.cube;
    const cell = cube.cells[target];
    const free = Array.from({ length: cube.dimensions }, (_, d) => d).filter((d) => !cell.fixed.includes(d));
    const assignment = new Map(cell.fixed.map((d) => [d, cell.coords[d]] as [number, string]));
    const self = this;
    function* assign(k: number): Generator<Shape> {
      if (k === free.length) {
        const shape: Shape = [];
        for (const dims of projections(cube.dimensions)) {
          const i = cube.at(assignment, dims);
          if (i < 0) return;
          shape.push(sign > 0 ? link(-1, i) : link(i, -1));
        }
        yield shape;
        return;
      }
      const f = free[k];
      for (const x of cube.values[f]) {
        assignment.set(f, x);
        // Prune: every projection over the dimensions assigned so far must exist.
        if (self.consistent(assignment, f)) yield* assign(k + 1);
        assignment.delete(f);
      }
    }
    yield* assign(0);
  }

  private consistent(assignment: Map<number, string>, last: number): boolean {
    const x = assignment.get(last)!;
    if (this.cube.at1(last, x) < 0) return false;
    for (const [d, v] of assignment) if (d !== last && this.cube.at2(d, v, last, x) < 0) return false;
    return true;
  }

  /** The cheapest plan moving the quantity at the target by sign × amount, or null. */
  private plan(target: number, quantity: Quantity, mode: Mode, sign: number, amount: number): Plan | null {
    const plan = new Plan(this.cube, quantity, mode);
    let remaining = amount;
    // Cheaper kinds first: rectangles and moves along one dimension, then along two, then with
    // a free dimension, then between two combinations of all dimensions, then points (the
    // total moves).
    let tier = 0;
    let rounds = 0;
    while (remaining > 1e-9) {
      // Each round carries a shape's full room; a plan needing very many is not worth it.
      if (++rounds > MAX_ROUNDS) {
        return null;
      }
      let best: { shape: Shape; cost: number; ratio: number; amount: number } | null = null;
      const shapes =
        tier === 0
          ? chain(this.rectangles(target, sign), this.moves(plan, target, sign, remaining, 0))
          : tier < POINT_MOVES_TIER
            ? this.moves(plan, target, sign, remaining, tier)
            : tier === POINT_MOVES_TIER
              ? this.pointMoves(plan, target, sign)
              : this.points(target, sign);
      for (const shape of shapes) {
        const cap = plan.capacity(shape, remaining);
        // Slivers are not worth a round: a shape carries a useful part or the rest.
        if (cap < Math.min(remaining, MIN_PART)) continue;
        const cost = this.shapeCost(plan, shape);
        if (cost === 0) {
          // Free: only suppressed cells. Taken at once, as far as it has room.
          plan.apply(shape, cap, 0);
          remaining -= cap;
          if (remaining <= 1e-9) break;
          continue;
        }
        const ratio = cost / cap;
        if (!best || ratio < best.ratio || (ratio === best.ratio && cap > best.amount)) best = { shape, cost, ratio, amount: cap };
      }
      if (remaining <= 1e-9) break;
      if (!best) {
        // Flips are the cheap way for outcomes; the full ladder is the moves'.
        if (tier === (mode === 'flip' ? 1 : POINTS_TIER)) return null;
        tier += 1;
        continue;
      }
      // Free shapes taken meanwhile may have used some of its room.
      const amount = plan.capacity(best.shape, remaining);
      if (amount < Math.min(remaining, MIN_PART)) continue;
      plan.apply(best.shape, amount, this.shapeCost(plan, best.shape));
      remaining -= amount;
    }
    return plan;
  }

  /**
   * Certificates up to 11 and down to 1 for a primary count; false when either is missing,
   * or when finding them failed unexpectedly (the caller then withholds the whole measure:
   * a publication never fails).
   */
  certifyBoth(target: number, quantity: Quantity, value: number): boolean {
    try {
      return this.certify(target, quantity, +1, PROTECTED_UP_TO - value) && this.certify(target, quantity, -1, value - 1);
    } catch {
      return false;
    }
  }

  /** Finds, checks and applies the cheapest certificate; false when there is none. */
  certify(target: number, quantity: Quantity, sign: number, amount: number): boolean {
    if (amount <= 0) return true;
    const modes: Mode[] = quantity.kind === 'p' ? ['move'] : ['flip', 'move'];
    let best: Plan | null = null;
    for (const mode of modes) {
      const plan = this.plan(target, quantity, mode, sign, amount);
      if (plan && this.valid(plan, target, sign * amount) && (!best || plan.cost < best.cost)) best = plan;
      if (best && best.cost === 0) break;
    }
    if (!best) {
      return false;
    }
    for (const i of best.cells) this.suppression.add(i, quantity, best.mode);
    this.certificates += 1;
    if (best.usedTotal) this.totalMoves += 1;
    return true;
  }

  /**
   * A certificate is checked before it is trusted: it reaches the wanted value, keeps every
   * count non-negative and every outcome within its persons, and every line through a
   * changed cell still adds up.
   */
  private valid(plan: Plan, target: number, change: number): boolean {
    const cube = this.cube;
    const before = cube.cells[target];
    const q = plan.quantity;
    const original = q.kind === 'p' ? before.values[PERSONS] : q.kind === 'm' ? before.values[1 + q.outcome] : before.values[PERSONS] - before.values[1 + q.outcome];
    if (Math.abs(plan.value(target) - (original + change)) > 1e-6) return false;
    for (const i of plan.deltas.keys()) {
      const persons = plan.persons(i);
      if (persons < -1e-9) return false;
      if (q.kind !== 'p') {
        const outcome = plan.outcome(i, q.outcome);
        if (outcome < -1e-9 || outcome > persons + 1e-9) return false;
      }
      for (const line of cube.linesThrough(i)) {
        for (let m = 0; m <= OUTCOMES; m++) {
          const marginDelta = plan.deltas.get(line.margin)?.[m] ?? 0;
          let sum = 0;
          for (const member of line.members) sum += plan.deltas.get(member)?.[m] ?? 0;
          if (Math.abs(sum - marginDelta) > 1e-6) return false;
        }
      }
    }
    return true;
  }
}

function* chain<T>(...generators: Iterable<T>[]): Generator<T> {
  for (const generator of generators) yield* generator;
}


/** The served tables over some dimensions: each one, and each pair. */
function tablesWithin(dims: readonly number[]): number[][] {
  const tables: number[][] = dims.map((d) => [d]);
  for (let a = 0; a < dims.length; a++) for (let b = a + 1; b < dims.length; b++) tables.push([dims[a], dims[b]].sort((x, y) => x - y));
  return tables;
}

/** Every table of the cube: the total, then one and two dimensions. */
function projections(dimensions: number): number[][] {
  const result: number[][] = [[]];
  for (let a = 0; a < dimensions; a++) {
    result.push([a]);
    for (let b = a + 1; b < dimensions; b++) result.push([a, b]);
  }
  return result;
}

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
