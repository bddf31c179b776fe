// The sweet spot of one (env, kappa, criterion, pruning arm) under one robust target, as the paper defines it:
// among the sparsities that keep at least keepFraction of the dense clean return (a constraint, not
// a flag), the one whose seed means maximise score = (clean / dense clean + robust / reference) / 2,
// the reference being the dense return under the same attack and epsilon ('own_dense', the paper's
// normalisation) or the dense clean return ('dense_clean'; see normalise.ts). The dense policy is a
// candidate itself (score 1 with own_dense). When no sparsity keeps enough, there is no sweet spot
// and the reason names the best retention seen.
//
// Its robust-return gain over the dense policy is given two ways: relative to the dense attacked
// return (null over a near-zero baseline, where the ratio is noise: "+8303%" is not a result) and
// in percentage points of the dense clean return, which stays meaningful there. The certified gains
// (certified-gain.ts) are attached by analyse().

import type { SweetSpot, SweetSpotChoice, UnconstrainedBest } from './analysis-types';
import { formatNumber } from './format';
import { NEAR_ZERO_RETURN_FRACTION, type Normalisation } from './normalise';

export interface SweetSpotCandidate {
  sparsity: number;
  /** Seed mean of the clean return normalised by the dense clean return; null if not normalisable. */
  cleanNormalised: number | null;
  /** Seed mean of the robust return normalised by its reference; null if not normalisable. */
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
  /** Seed mean of the clean return of the dense baseline. */
  baselineCleanReturn: number;
  /** Fraction of the dense clean return the sweet spot must keep (0.95 keeps 95%). */
  keepFraction: number;
}

type Scored = { c: SweetSpotCandidate; score: number; clean: number; robust: number; robustReturn: number };

/** Highest score wins; an exact tie goes to the sparser policy, which is cheaper for the same merit. */
function best(scored: readonly Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const s of scored) {
    if (top === null || s.score > top.score || (s.score === top.score && s.c.sparsity > top.c.sparsity)) top = s;
  }
  return top;
}

export function findSweetSpot(input: SweetSpotInput): SweetSpotChoice {
  const { target, candidates, baselineRobustReturn, baselineCleanReturn, keepFraction } = input;
  if (baselineRobustReturn === null) {
    return { target, spot: null, reason: 'the dense baseline was not evaluated under this attack', unconstrained: null };
  }
  const scored: Scored[] = candidates.flatMap((c) =>
    c.cleanNormalised === null || c.robustNormalised === null || c.robustReturn === null
      ? []
      : [{ c, score: (c.cleanNormalised + c.robustNormalised) / 2, clean: c.cleanNormalised, robust: c.robustNormalised, robustReturn: c.robustReturn }],
  );
  const anyway = best(scored);
  if (anyway === null) {
    return { target, spot: null, reason: 'no sparsity has both a normalised clean and a normalised robust return', unconstrained: null };
  }
  const unconstrained: UnconstrainedBest = { sparsity: anyway.c.sparsity, score: anyway.score, cleanRetention: anyway.clean };

  const top = best(scored.filter((s) => s.clean >= keepFraction));
  if (top === null) {
    const retained = scored.reduce((a, b) => (b.clean > a.clean ? b : a));
    return {
      target,
      spot: null,
      reason:
        `no sparsity keeps ${formatNumber(keepFraction * 100, 4)}% of the dense clean return ` +
        `(best retention ${formatNumber(retained.clean, 4)} at s=${formatNumber(retained.c.sparsity, 4)})`,
      unconstrained,
    };
  }

  const gain = robustGain(top.robustReturn, baselineRobustReturn, baselineCleanReturn);
  const spot: SweetSpot = {
    sparsity: top.c.sparsity,
    score: top.score,
    cleanRetention: top.clean,
    robustNormalised: top.robust,
    keepsClean: true,
    robustReturn: top.robustReturn,
    baselineRobustReturn,
    baselineCleanReturn,
    robustnessGainPercent: gain.percent,
    robustnessGainPoints: gain.points,
    robustnessGainNote: gain.note,
    certificateEpsilon: null,
    certifiedGains: [],
  };
  return { target, spot, reason: null, unconstrained };
}

/** The dense policy's own values under the target (seed means, or one seed's), for explainUndefinedScores. */
export interface DenseScoreInputs {
  cleanNormalised: number | null;
  robustReturn: number | null;
  robustNormalised: number | null;
}

/**
 * findSweetSpot's choice, with the reason saying so when nothing could be scored because the dense
 * attacked return is near zero and own_dense leaves every score undefined (normalise.ts).
 */
export function explainUndefinedScores(found: SweetSpotChoice, dense: DenseScoreInputs, mode: Normalisation): SweetSpotChoice {
  const undefinedScores =
    found.spot === null && found.unconstrained === null && mode === 'own_dense' &&
    dense.cleanNormalised !== null && dense.robustReturn !== null && dense.robustNormalised === null;
  if (!undefinedScores) return found;
  return {
    ...found,
    reason:
      `the dense return under this attack is at or below ${formatNumber(NEAR_ZERO_RETURN_FRACTION * 100)}% of the dense clean return, ` +
      'so own-dense scores are undefined (normalise: dense_clean ranks by the dense clean return instead)',
  };
}

/** (J(pruned) - J(dense)) / |J(dense)| * 100; null when J(dense) is 0 and the ratio is undefined. */
export function robustnessGainPercent(pruned: number, dense: number): number | null {
  if (dense === 0) return null;
  return ((pruned - dense) / Math.abs(dense)) * 100;
}

export const NEAR_ZERO_BASELINE_NOTE = 'gain over a near-zero baseline';

export interface RobustGain {
  percent: number | null;
  /** Percentage points of the dense clean return; null when the dense clean return is 0. */
  points: number | null;
  note: string | null;
}

/**
 * Robust-return gain of a pruned policy over the dense one: relative (null, with the note, when
 * |J_attack(dense)| < NEAR_ZERO_RETURN_FRACTION * |J_clean(dense)|) and in points of dense clean.
 */
export function robustGain(pruned: number, dense: number, denseClean: number): RobustGain {
  const points = denseClean === 0 ? null : ((pruned - dense) / Math.abs(denseClean)) * 100;
  if (Math.abs(dense) < NEAR_ZERO_RETURN_FRACTION * Math.abs(denseClean) || dense === 0) {
    const note =
      `${NEAR_ZERO_BASELINE_NOTE} (|J_attack(dense)| = ${formatNumber(Math.abs(dense), 4)} < ` +
      `${formatNumber(NEAR_ZERO_RETURN_FRACTION * 100, 4)}% of J_clean(dense) = ${formatNumber(denseClean, 4)})`;
    return { percent: null, points, note };
  }
  return { percent: robustnessGainPercent(pruned, dense), points, note: null };
}
