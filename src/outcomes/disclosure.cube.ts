/**
 * A year's cube indexed for disclosure control (disclosure.ts): its cells by the dimensions
 * they fix, the lines through a cell, and what is suppressed so far.
 */

import { ALL, type CubeCell, MEASURES, OUTCOME_MEASURES } from './disclosure.cells';

/** Index 0 is persons, 1 + i the outcome OUTCOME_MEASURES[i]. */
export const PERSONS = 0;
export const OUTCOMES = OUTCOME_MEASURES.length;

/** The quantity a certificate moves: persons, an outcome count, or an outcome's complement. */
export type Quantity = { kind: 'p' } | { kind: 'm'; outcome: number } | { kind: 'k'; outcome: number };

/** How a certificate moves its quantity: with persons (a move), or with persons fixed (a flip). */
export type Mode = 'move' | 'flip';

export interface Cell {
  coords: string[];
  /** The dimensions fixed by the cell (not ALL), ascending. */
  fixed: number[];
  /** persons, then each outcome */
  values: number[];
}

export class Cube {
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
export class Suppression {
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
