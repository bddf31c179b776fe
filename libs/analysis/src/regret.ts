// Three-term regret decomposition under attack (the paper's Mechanism 2), per seed:
//   J* - J_attack(pruned) = [J* - J_clean(dense)]              baseline clean regret
//                         + [J_clean(dense) - J_clean(pruned)]  pruning loss
//                         + [J_clean(pruned) - J_attack(pruned)] robustness gap
// The terms are computed seed by seed (dense return of the same seed, else the dense seed mean)
// and then aggregated, so their means add up to the mean total.

import type { RegretRow } from './analysis-types';
import type { GroupPoints } from './aggregate';
import { stat } from './stats';

export interface RegretTerms {
  baselineCleanRegret: number;
  pruningLoss: number;
  robustnessGap: number;
  /** J* - J_attack(pruned). */
  total: number;
}

export function regretTerms(jStar: number, denseClean: number, prunedClean: number, prunedAttack: number): RegretTerms {
  const baselineCleanRegret = jStar - denseClean;
  const pruningLoss = denseClean - prunedClean;
  const robustnessGap = prunedClean - prunedAttack;
  return { baselineCleanRegret, pruningLoss, robustnessGap, total: jStar - prunedAttack };
}

export interface RegretSeed {
  /** Dense clean return for this seed (its own, else the dense seed mean). */
  denseClean: number;
  prunedClean: number;
  /** Null when this seed was not evaluated under the target; such seeds are left out. */
  prunedAttack: number | null;
}

export function regretRow(sparsity: number, target: string, jStar: number, seeds: readonly RegretSeed[]): RegretRow | null {
  const terms = seeds
    .filter((s) => s.prunedAttack !== null)
    .map((s) => regretTerms(jStar, s.denseClean, s.prunedClean, s.prunedAttack!));
  if (terms.length === 0) return null;
  return {
    sparsity,
    target,
    jStar,
    baselineCleanRegret: stat(terms.map((t) => t.baselineCleanRegret))!,
    pruningLoss: stat(terms.map((t) => t.pruningLoss))!,
    robustnessGap: stat(terms.map((t) => t.robustnessGap))!,
    total: stat(terms.map((t) => t.total))!,
  };
}

/**
 * Default J* of an env: the best seed-mean clean return of any of its conditions (any kappa,
 * criterion and sparsity), so the baseline clean regret of every group is >= 0 on average.
 */
export function bestCleanReturnOfEnv(groups: readonly GroupPoints[], env: string): number {
  let best = -Infinity;
  for (const g of groups) {
    if (g.env !== env) continue;
    for (const c of g.conditions) {
      const mean = stat(c.points.map((p) => p.clean.meanReturn))!.mean;
      if (mean > best) best = mean;
    }
  }
  return best;
}
