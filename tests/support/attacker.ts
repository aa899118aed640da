/**
 * An independent differencing attacker: given equations "sum of these hidden base cells =
 * released value", tells whether a target combination of base cells is determined
 * exactly. Written apart from the code under test (a different prime, a different
 * method: the released equations are reduced once, then each target is reduced by them).
 */
const P = 67_108_859;

function power(base: number, exponent: number): number {
  let result = 1;
  base %= P;
  while (exponent > 0) {
    if (exponent % 2 === 1) result = (result * base) % P;
    base = (base * base) % P;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

export class Attacker {
  /** Rows in echelon form, each normalised to 1 at its pivot. */
  private readonly basis: { pivot: number; row: Float64Array }[] = [];

  constructor(private readonly width: number) {}

  private reduce(vector: number[]): Float64Array {
    const row = Float64Array.from(vector, (x) => ((x % P) + P) % P);
    for (const { pivot, row: b } of this.basis) {
      const factor = row[pivot];
      if (factor === 0) continue;
      for (let c = 0; c < this.width; c++) if (b[c] !== 0) row[c] = (row[c] - ((factor * b[c]) % P) + P) % P;
    }
    return row;
  }

  /** Learns one released equation. */
  learn(vector: number[]): void {
    const row = this.reduce(vector);
    const pivot = row.findIndex((x) => x !== 0);
    if (pivot === -1) return;
    const inverse = power(row[pivot], P - 2);
    for (let c = 0; c < this.width; c++) row[c] = (row[c] * inverse) % P;
    // Keep the basis reduced at this pivot so that later reductions stay one pass.
    for (const other of this.basis) {
      const factor = other.row[pivot];
      if (factor === 0) continue;
      for (let c = 0; c < this.width; c++) if (row[c] !== 0) other.row[c] = (other.row[c] - ((factor * row[c]) % P) + P) % P;
    }
    this.basis.push({ pivot, row });
  }

  /** Whether the target is a combination of what was released. */
  determines(target: number[]): boolean {
    return this.reduce(target).every((x) => x === 0);
  }
}

export function isDetermined(equations: number[][], target: number[]): boolean {
  const attacker = new Attacker(target.length);
  for (const equation of equations) attacker.learn(equation);
  return attacker.determines(target);
}
