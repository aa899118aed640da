/**
 * Synthetic cohorts and their outcome cubes, for testing disclosure control.
 *
 * A cube is built the way the SQL builds it: for one year, a cell per distinct combination
 * of the total and of every table by one or two dimensions, only for non-empty cells (an
 * absent cell is zero). Nothing here protects anything: `primarySuppression` only marks
 * the cells the rule forbids, a naive pattern for testing attackers.
 */
import { ALL, type CubeCell, type Measure, type ProtectedCell } from '../../src/outcomes/disclosure';
import type { SeededRandom } from '../../seeds/demo/random';

/** One person of a cohort: a value per dimension and the outcomes. */
export interface Person {
  coords: string[];
  housedAtRelease: boolean;
  rightsOpened: boolean;
  inCare: boolean;
  employed: boolean;
}

const OUTCOMES = ['housedAtRelease', 'rightsOpened', 'inCare', 'employed'] as const;

/** The total and every table by at most `maxGrouped` of the dimensions (2, as served). */
export function cubeOf(persons: readonly Person[], dimensions: number, maxGrouped = 2): CubeCell[] {
  const patterns: number[][] = [[]];
  const extend = (prefix: number[], from: number) => {
    for (let d = from; d < dimensions; d++) {
      const pattern = [...prefix, d];
      if (pattern.length > maxGrouped) continue;
      patterns.push(pattern);
      extend(pattern, d + 1);
    }
  };
  extend([], 0);
  const cells = new Map<string, CubeCell>();
  for (const person of persons) {
    for (const kept of patterns) {
      const coords = person.coords.map((value, d) => (kept.includes(d) ? value : ALL));
      const key = coords.join('\u0001');
      let cell = cells.get(key);
      if (!cell) {
        cell = { coords, counts: { persons: 0, housedAtRelease: 0, rightsOpened: 0, inCare: 0, employed: 0 } };
        cells.set(key, cell);
      }
      cell.counts.persons += 1;
      for (const outcome of OUTCOMES) if (person[outcome]) cell.counts[outcome] += 1;
    }
  }
  return [...cells.values()];
}

/** Small random cohorts: skewed categories `v0`, `v1`… (a few large, a tail of small ones). */
export function population(random: SeededRandom, size: number, categories: number[]): Person[] {
  return Array.from({ length: size }, () => ({
    coords: categories.map((n) => `v${Math.min(n - 1, Math.floor(Math.pow(random.next(), 2) * n))}`),
    housedAtRelease: random.chance(0.6),
    rightsOpened: random.chance(0.5),
    inCare: random.chance(0.3),
    employed: random.chance(0.9),
  }));
}

/** The dimensions of the served cube, in the order of `Person.coords` for a volume-like cohort. */
export const VOLUME_DIMENSIONS = ['DEPARTEMENT', 'MEASURE', 'STRUCTURE_KIND', 'ACTION'] as const;

export interface VolumeProfile {
  /** Persons released in the year. */
  persons: number;
  departements: readonly string[];
  /** Judicial measures at release. */
  measures: readonly string[];
  /** Sets of partner kinds, NONE first. */
  structureKinds: readonly string[];
  /** Action ids (NONE is added, dominant). */
  actions: readonly string[];
  /** Share of persons in an action. */
  actionShare: number;
  /** Share of an action's participants who live in the action's département. */
  actionLocality: number;
}

const KINDS = ['ASSOCIATION', 'CSAPA', 'SIAO'];

/** NONE, then every '+'-joined non-empty subset of ASSOCIATION, CSAPA, SIAO (8 sets). */
export const STRUCTURE_KIND_SETS: readonly string[] = [
  'NONE',
  ...Array.from({ length: 7 }, (_, mask) => KINDS.filter((_, k) => ((mask + 1) >> k) & 1).join('+')).sort(
    (a, b) => a.split('+').length - b.split('+').length || a.localeCompare(b),
  ),
];

export const VOLUME_PROFILE: VolumeProfile = {
  persons: 10_000,
  departements: ['44', '49', '53', '72', '85', '38', '73', '74', '69', '13', '2A', '974'],
  measures: [
    'NONE',
    'CONDITIONAL_RELEASE',
    'PROBATION',
    'ELECTRONIC_MONITORING',
    'JUDICIAL_SUPERVISION',
    'SEMI_LIBERTY',
    'EXTERNAL_PLACEMENT',
    'SUSPENDED_SENTENCE',
    'HOME_DETENTION',
    'COMMUNITY_SERVICE',
  ],
  structureKinds: STRUCTURE_KIND_SETS,
  actions: Array.from({ length: 30 }, (_, i) => `action-${String(i + 1).padStart(2, '0')}`),
  actionShare: 0.2,
  actionLocality: 0.75,
};

/** Zipf-like weights: the k-th category weighs 1/(k+1)^s. */
function zipf(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, s));
}

function weighted(random: SeededRandom, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/**
 * A cohort shaped like a year of the volume data set: 12 départements × 10 measures × 8
 * partner-kind sets × 31 actions (NONE for about 80% of persons), skewed category sizes
 * (Zipf-like), actions mostly local to a département, outcome rates from 30% to 70%
 * depending on measure and partner kinds. About 1,300 non-empty cells at 10,000 persons.
 */
export function volumeLikePopulation(random: SeededRandom, profile: Partial<VolumeProfile> = {}): Person[] {
  const p = { ...VOLUME_PROFILE, ...profile };
  const departementWeights = zipf(p.departements.length, 0.8);
  const measureWeights = zipf(p.measures.length, 1.1);
  const kindWeights = zipf(p.structureKinds.length, 1.0);
  const actionWeights = zipf(p.actions.length, 0.9);
  // Each action is run in one département, large départements running more of them.
  const home = p.actions.map(() => weighted(random, departementWeights));
  const localActions = p.departements.map((_, d) => p.actions.map((_, a) => (home[a] === d ? actionWeights[a] : 0)));
  // Outcome rates per measure and per partner-kind set, each within [0.3, 0.7]; a person's rate is their mean.
  const rates = (n: number) => OUTCOMES.map(() => Array.from({ length: n }, () => 0.3 + 0.4 * random.next()));
  const byMeasure = rates(p.measures.length);
  const byKind = rates(p.structureKinds.length);
  return Array.from({ length: p.persons }, () => {
    const departement = weighted(random, departementWeights);
    const measure = weighted(random, measureWeights);
    const kind = weighted(random, kindWeights);
    let action = 'NONE';
    if (random.chance(p.actionShare)) {
      const local = localActions[departement];
      const hasLocal = local.some((w) => w > 0);
      action = p.actions[hasLocal && random.chance(p.actionLocality) ? weighted(random, local) : weighted(random, actionWeights)];
    }
    const outcome = (o: number) => random.chance((byMeasure[o][measure] + byKind[o][kind]) / 2);
    return {
      coords: [p.departements[departement], p.measures[measure], p.structureKinds[kind], action],
      housedAtRelease: outcome(0),
      rightsOpened: outcome(1),
      inCare: outcome(2),
      employed: outcome(3),
    };
  });
}

/** The cube of a volume-like year (4 dimensions, tables by up to two). */
export function volumeLikeCube(random: SeededRandom, profile: Partial<VolumeProfile> = {}): CubeCell[] {
  return cubeOf(volumeLikePopulation(random, profile), VOLUME_DIMENSIONS.length);
}

const isSmall = (count: number, smallMax: number) => count >= 1 && count <= smallMax;

/**
 * Primary suppression only, and nothing else (NOT a protection: a naive pattern for
 * testing attackers). Persons from 1 to `smallMax`; an outcome measure when it or its
 * complement in the cell (persons − measure) is from 1 to `smallMax`.
 */
export function primarySuppression(cube: readonly CubeCell[], smallMax = 10): ProtectedCell[] {
  return cube.map((cell) => {
    const suppressed = new Set<Measure>();
    if (isSmall(cell.counts.persons, smallMax)) suppressed.add('persons');
    for (const outcome of OUTCOMES) {
      const value = cell.counts[outcome];
      if (isSmall(value, smallMax) || isSmall(cell.counts.persons - value, smallMax)) suppressed.add(outcome);
    }
    return { coords: [...cell.coords], counts: { ...cell.counts }, suppressed };
  });
}
