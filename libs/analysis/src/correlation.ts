// Does a falling certified bound predict a rising robust return? For each (env, kappa, criterion, pruning arm)
// and pooled over all of them, the Spearman rank correlation between the relative decrease of a
// bound from the dense policy and the robust-return gain (in percent of the dense robust return)
// under one attack, across sparsities. The dense baseline itself takes part as the point (0, 0).
// Ties take average ranks; with fewer than 3 points, or a variable that never changes, the
// correlation is undefined and reported as null with the reason.
//
// The bound of a condition is read from its certificate at the attack's own epsilon (certificates.ts),
// so a bound and an attack always share the ball. 'surrogate-lipschitz' is the surrogate's Lipschitz
// value itself (the paper's Mechanism 1: elementwise pruning can only lower the product of the layers'
// norms), read from the same certificate: it does not depend on epsilon and is never vacuous (a value,
// not a probability), so only a constant policy or a missing certificate leaves it out. A condition
// whose bound is vacuous or constant for
// some seed (or missing at that epsilon) is left out and listed in `excluded`: a seed mean that mixes
// in a bound that says nothing is not a bound. Without a usable dense bound nothing can be measured
// against it, and the correlation is null with that reason.

import type { BoundName, CertifySummary, CorrelationPoint, CorrelationResult } from './analysis-types';
import { SURROGATE_METHOD } from './certificates';

export const BOUND_NAMES: readonly BoundName[] = ['surrogate', 'crown-mean-tv', 'ibp-mean-tv', 'surrogate-lipschitz'];

export type Exclusion = CorrelationResult['excluded'][number]['why'];

/** The certification method a bound name reads. */
export function boundMethod(bound: BoundName): string {
  if (bound === 'surrogate' || bound === 'surrogate-lipschitz') return SURROGATE_METHOD;
  return bound === 'crown-mean-tv' ? 'crown' : 'ibp';
}

/** Why a condition's bound may not take part in a correlation, or null when it may. */
export function boundExclusion(certify: CertifySummary | null, bound: BoundName): Exclusion | null {
  if (certify === null) return 'uncertified';
  const m = certify.methods.find((x) => x.method === boundMethod(bound));
  if (!m) return 'uncertified';
  if (m.labels.includes('constant')) return 'constant';
  if (m.labels.includes(null)) return 'uncertified';
  // The Lipschitz value is a number, not a probability: it says something even when its TV is 1.
  if (bound === 'surrogate-lipschitz') return null;
  return m.labels.includes('vacuous') ? 'vacuous' : null;
}

/** Fewest points a rank correlation is reported for. */
export const MIN_CORRELATION_POINTS = 3;

/** Seed-mean value of the bound in a condition, or null when it was not certified that way. */
export function boundValue(certify: CertifySummary | null, bound: BoundName): number | null {
  if (certify === null) return null;
  if (bound === 'surrogate' || bound === 'surrogate-lipschitz') return certify.lipschitzSurrogate.mean;
  const method = bound === 'crown-mean-tv' ? 'crown' : 'ibp';
  const found = certify.perState.find((ps) => ps.method === method);
  return found ? found.meanTv.mean : null;
}

/** (B(dense) - B(pruned)) / B(dense); null when the dense bound is 0 and nothing can fall. */
export function relativeDecrease(dense: number, pruned: number): number | null {
  return dense > 0 ? (dense - pruned) / dense : null;
}

/** 1-based ranks; tied values share the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const shared = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = shared;
    start = end + 1;
  }
  return ranks;
}

export interface Spearman {
  rho: number | null;
  reason: string | null;
}

/** Pearson correlation of the average ranks (the tie-corrected Spearman rho). */
export function spearman(x: readonly number[], y: readonly number[], yName = 'the robust-return gain'): Spearman {
  if (x.length !== y.length) throw new Error(`spearman: x and y must have equal length, got ${x.length} and ${y.length}`);
  const n = x.length;
  if (n < MIN_CORRELATION_POINTS) return { rho: null, reason: `needs at least ${MIN_CORRELATION_POINTS} points, got ${n}` };
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2; // mean of 1..n, kept by average ranks
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0) return { rho: null, reason: 'the bound decrease is the same at every point' };
  if (syy === 0) return { rho: null, reason: `${yName} is the same at every point` };
  const rho = sxy / Math.sqrt(sxx * syy);
  return { rho: Math.max(-1, Math.min(1, rho)), reason: null };
}

export function correlate(
  bound: BoundName,
  target: string,
  scope: 'group' | 'pooled',
  points: readonly CorrelationPoint[],
  excluded: CorrelationResult['excluded'] = [],
  /** Overrides the reason, e.g. when the dense bound is unusable and no point could be formed. */
  why: string | null = null,
): CorrelationResult {
  const { rho, reason } = spearman(
    points.map((p) => p.boundDecrease),
    points.map((p) => p.robustGainPercent),
  );
  return { bound, target, scope, rho, n: points.length, reason: why ?? reason, points: [...points], excluded: [...excluded] };
}
