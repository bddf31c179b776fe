// Normalisation by the dense baseline. The dense policy of a group is its sparsity-0 condition; a
// grid without sparsity 0 falls back to its lowest sparsity (flagged, so the report can say so).
// A return is divided by the baseline's clean return of the same seed when that seed was run
// densely, else by the baseline's seed mean. A ratio to a non-positive return has no meaning
// (HalfCheetah returns can be negative), so such values are null rather than sign-flipped.
//
// Robust returns (issue 15 item 1): with 'own_dense', the paper's score, a return under attack A at
// epsilon E is divided by the dense policy's return under A at E (same seed, else the dense seed
// mean); with 'dense_clean' by the dense clean return, as before. A dense attacked return that is
// not above NEAR_ZERO_RETURN_FRACTION of the dense clean return leaves own_dense undefined (a ratio
// to ~0 is a huge number, not a score): those values are null and analyse() warns.

import type { BaselineInfo, RobustTarget } from './analysis-types';
import { robustReturn, type GroupPoints } from './aggregate';
import type { AnalysisOptions } from './types';

export type Normalisation = AnalysisOptions['normalise'];

/** A dense attacked return at or below this fraction of the dense clean return is "near zero". */
export const NEAR_ZERO_RETURN_FRACTION = 0.05;

export interface DenseBaseline extends BaselineInfo {
  /** Clean mean return of the baseline per seed. */
  cleanBySeed: Map<number, number>;
  /** The same with sampled actions, for the seeds evaluated so (GridPointResult.cleanSampled). */
  sampledCleanBySeed: Map<number, number>;
  /** Per robust target key: the baseline's return under it per seed (seeds not attacked so are absent). */
  robustBySeed: Map<string, Map<number, number>>;
}

function mean(values: Iterable<number>): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    sum += v;
    n++;
  }
  return sum / n;
}

export function denseBaseline(group: GroupPoints, targets: readonly RobustTarget[]): DenseBaseline {
  const lowest = group.conditions[0]!;
  const cleanBySeed = new Map(lowest.points.map((p) => [p.seed, p.clean.meanReturn] as const));
  const sampledCleanBySeed = new Map(lowest.points.flatMap((p) => (p.cleanSampled ? [[p.seed, p.cleanSampled.meanReturn] as const] : [])));
  const robustBySeed = new Map(
    targets.map((t) => [
      t.key,
      new Map(lowest.points.flatMap((p) => {
        const r = robustReturn(p, t);
        return r === null ? [] : [[p.seed, r] as const];
      })),
    ]),
  );
  return { sparsity: lowest.sparsity, isDense: lowest.sparsity === 0, cleanMean: mean(cleanBySeed.values()), cleanBySeed, sampledCleanBySeed, robustBySeed };
}

/**
 * What a robust return of this seed under the target is divided by, or null when it cannot be
 * normalised: the dense clean return is not positive, or (own_dense) the dense attacked return is
 * missing or not above NEAR_ZERO_RETURN_FRACTION of the dense clean return.
 */
export function robustReference(baseline: DenseBaseline, seed: number, target: string, mode: Normalisation): number | null {
  const clean = baselineClean(baseline, seed);
  if (!(clean > 0)) return null;
  if (mode === 'dense_clean') return clean;
  const bySeed = baseline.robustBySeed.get(target);
  if (!bySeed || bySeed.size === 0) return null;
  // The same seed's dense run when it has one; else both dense seed means, so the ratio stays a same-run ratio.
  const own = baseline.cleanBySeed.has(seed) ? bySeed.get(seed) : mean(bySeed.values());
  if (own === undefined) return null;
  return own > NEAR_ZERO_RETURN_FRACTION * clean ? own : null;
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
