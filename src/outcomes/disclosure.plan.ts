/**
 * A certificate of disclosure control (disclosure.ts) under construction: the shapes it is
 * made of, and the deltas they apply on top of the true values.
 */

import { type Cube, type Mode, OUTCOMES, PERSONS, type Quantity } from './disclosure.cube';

/**
 * One shape of a certificate, as links: per unit of the amount, `weight` units leave the
 * cell `from` for the cell `to` (-1: none, persons enter or leave the year). Links of one
 * group share a spread: their weights add up to 1 and they carry the same unit together.
 */
export interface Link {
  from: number;
  to: number;
  weight: number;
  group: number;
}
export type Shape = Link[];

let groups = 0;
/** A new group: links that carry the same unit together. */
export function nextGroup(): number {
  return ++groups;
}

export function link(from: number, to: number, weight = 1, group = nextGroup()): Link {
  return { from, to, weight, group };
}

/**
 * A certificate under construction: the deltas it applies, on top of the true values.
 * For persons, a move of persons. For an outcome (or its complement), either a move of
 * persons that carry it (persons and outcome change together) or a flip (the outcome
 * changes, persons stay). The attacker this answers knows the persons tables, and for
 * each outcome the persons and that outcome together (so its complement too).
 */
export class Plan {
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
