/**
 * The vocabulary of disclosure control (disclosure.ts): the cells of a year's cube, their
 * measures, and the one rule of small counts.
 */

import { SMALL_COUNT, isSmallCount } from '../policy/directory-figures';

export const ALL = '*';
/** The one rule of small counts, shared with the directory figures. */
export const SMALL_COUNT_MAX = SMALL_COUNT.max;

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
