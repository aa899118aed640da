/**
 * The shapes a certificate of disclosure control (disclosure.ts) may take, from cheap to dear:
 * rectangles inside a two-dimension table, moves of persons between categories, moves between
 * two combinations of all dimensions, and persons added or removed at one combination.
 */

import type { Cube } from './disclosure.cube';
import { type Plan, type Shape, link, nextGroup } from './disclosure.plan';

/** Combinations tried on each side of a move between two combinations. */
const POINT_MOVE_CANDIDATES = 16;
/** Sources tried per free dimension when a thin cell must be fed from elsewhere. */
const TIER2_SOURCES = 12;
/** Values of that dimension tried inside the cell, the largest first. */
const TIER2_TARGETS = 4;

/** The shapes through a cell of one cube, each priced by the protector's cost of its cells. */
export class Shapes {
  private readonly pairCache = new Map<string, [number, number][]>();
  private allCombinations: Map<number, string>[] | null = null;

  constructor(
    private readonly cube: Cube,
    private readonly shapeCost: (plan: Plan, shape: Shape) => number,
  ) {}

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
  *rectangles(target: number, sign: number): Generator<Shape> {
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
  *moves(plan: Plan, target: number, sign: number, wanted: number, tier: number): Generator<Shape> {
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
      const group = nextGroup();
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
  *pointMoves(plan: Plan, target: number, sign: number): Generator<Shape> {
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
  *points(target: number, sign: number): Generator<Shape> {
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
