// Normalisation by the dense baseline. The dense policy of a group is its sparsity-0 condition; a
// grid without sparsity 0 falls back to its lowest sparsity (flagged, so the report can say so).
// A return is divided by the baseline's clean return of the same seed when that seed was run
// densely, else by the baseline's seed mean. A ratio to a non-positive return has no meaning
// (HalfCheetah returns can be negative), so such values are null rather than sign-flipped.

import type { BaselineInfo } from './analysis-types';
import type { GroupPoints } from './aggregate';

export interface DenseBaseline extends BaselineInfo {
  /** Clean mean return of the baseline per seed. */
  cleanBySeed: Map<number, number>;
}

export function denseBaseline(group: GroupPoints): DenseBaseline {
  const lowest = group.conditions[0]!;
  const cleanBySeed = new Map(lowest.points.map((p) => [p.seed, p.clean.meanReturn] as const));
  let sum = 0;
  for (const v of cleanBySeed.values()) sum += v;
  return { sparsity: lowest.sparsity, isDense: lowest.sparsity === 0, cleanMean: sum / cleanBySeed.size, cleanBySeed };
}

/** The baseline's clean return for this seed: its own when available, else the seed mean. */
export function baselineClean(baseline: DenseBaseline, seed: number): number {
  return baseline.cleanBySeed.get(seed) ?? baseline.cleanMean;
}

/** value / reference, or null when the reference is not a positive return. */
export function normalise(value: number, reference: number): number | null {
  return reference > 0 ? value / reference : null;
}

/** Whether this seed's returns are normalised by its own dense run (false: by the seed mean). */
export function hasOwnBaseline(baseline: DenseBaseline, seed: number): boolean {
  return baseline.cleanBySeed.has(seed);
}
