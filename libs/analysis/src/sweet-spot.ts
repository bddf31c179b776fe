// The sweet spot of one (env, kappa, criterion) under one robust target: the sparsity whose seed
// means maximise (normalised clean + normalised robust) / 2, whether it keeps enough of the dense
// clean return, and how much robust return it gains over the dense baseline.

import type { SweetSpot, SweetSpotResult } from './analysis-types';

export interface SweetSpotCandidate {
  sparsity: number;
  /** Seed mean of the clean return normalised by the dense clean return; null if not normalisable. */
  cleanNormalised: number | null;
  /** Seed mean of the robust return normalised by the dense clean return; null if not normalisable. */
  robustNormalised: number | null;
  /** Seed mean of the raw robust return; null if the condition was not attacked so. */
  robustReturn: number | null;
}

export interface SweetSpotInput {
  target: string;
  /** One per sparsity of the group, the baseline among them. */
  candidates: readonly SweetSpotCandidate[];
  /** Seed mean of the robust return of the dense baseline. */
  baselineRobustReturn: number | null;
  /** Fraction of the dense clean return the sweet spot must keep (0.95 keeps 95%). */
  keepFraction: number;
}

export function findSweetSpot(input: SweetSpotInput): SweetSpotResult {
  const { target, candidates, baselineRobustReturn, keepFraction } = input;
  if (baselineRobustReturn === null) {
    return { target, spot: null, reason: 'the dense baseline was not evaluated under this attack' };
  }

  // Highest score wins; an exact tie goes to the sparser policy, which is cheaper for the same merit.
  let best: { c: SweetSpotCandidate; score: number } | null = null;
  for (const c of candidates) {
    if (c.cleanNormalised === null || c.robustNormalised === null || c.robustReturn === null) continue;
    const score = (c.cleanNormalised + c.robustNormalised) / 2;
    if (best === null || score > best.score || (score === best.score && c.sparsity > best.c.sparsity)) {
      best = { c, score };
    }
  }
  if (best === null) {
    return { target, spot: null, reason: 'no sparsity has both a normalised clean and a normalised robust return' };
  }

  const robustReturn = best.c.robustReturn!;
  const spot: SweetSpot = {
    sparsity: best.c.sparsity,
    score: best.score,
    cleanRetention: best.c.cleanNormalised!,
    robustNormalised: best.c.robustNormalised!,
    keepsClean: best.c.cleanNormalised! >= keepFraction,
    robustReturn,
    baselineRobustReturn,
    robustnessGainPercent: robustnessGainPercent(robustReturn, baselineRobustReturn),
  };
  return { target, spot, reason: null };
}

/** (J(pruned) - J(dense)) / |J(dense)| * 100; null when J(dense) is 0 and the ratio is undefined. */
export function robustnessGainPercent(pruned: number, dense: number): number | null {
  if (dense === 0) return null;
  return ((pruned - dense) / Math.abs(dense)) * 100;
}
