/**
 * The protector of disclosure control (disclosure.ts): for a primary count, the cheapest
 * certificate up to 11 and down to 1, checked, and the cells it needs suppressed.
 */

import { SMALL_COUNT_MAX } from './disclosure.cells';
import { type Cell, type Cube, type Mode, OUTCOMES, PERSONS, type Quantity, Suppression } from './disclosure.cube';
import { Plan, type Shape } from './disclosure.plan';
import { Shapes } from './disclosure.shapes';

/** A primary count must be feasible up to this value (and down to 1). */
const PROTECTED_UP_TO = SMALL_COUNT_MAX + 1;

/** Cost of suppressing a cell that is not yet: its size, more for margins, most for the total. */
function cellCost(cell: Cell): number {
  const level = cell.fixed.length === 0 ? 1e9 : cell.fixed.length === 1 ? 200 : 1;
  return level + cell.values[PERSONS];
}

const MAX_ROUNDS = 64;
const MIN_PART = 0.25;
const POINT_MOVES_TIER = 3;
const POINTS_TIER = 4;

/** Suppressing persons withholds every outcome of the cell too. */
const MODE_WEIGHT: Record<Mode, number> = { flip: 1, move: 5 };

/** Builds and applies the certificates of one cube. */
export class Protector {
  readonly suppression: Suppression;
  certificates = 0;
  totalMoves = 0;

  private readonly cost: Float64Array;
  private readonly shapes: Shapes;

  constructor(private readonly cube: Cube) {
    this.suppression = new Suppression(cube.cells.length);
    this.cost = Float64Array.from(cube.cells, cellCost);
    this.shapes = new Shapes(cube, (plan, shape) => this.shapeCost(plan, shape));
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
          ? chain(this.shapes.rectangles(target, sign), this.shapes.moves(plan, target, sign, remaining, 0))
          : tier < POINT_MOVES_TIER
            ? this.shapes.moves(plan, target, sign, remaining, tier)
            : tier === POINT_MOVES_TIER
              ? this.shapes.pointMoves(plan, target, sign)
              : this.shapes.points(target, sign);
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
