// The paper's bound terms beside the regret identity (regret.ts keeps the identity), per sparsity
// and robust target, seed by seed, then aggregated. Each check compares a measured term with its bound.
//
// Constants (the simulation lemma; H = options.horizon):
//   (a) For two policies p, q over H-step episodes, the TV distance of their trajectory
//       distributions is <= H * max_s TV(p(.|s), q(.|s)) (a coupling that agrees at every step).
//   (b) For any return f with |f| <= G: |E_p f - E_q f| <= 2 G TV(p, q).
//   So |J(p) - J(q)| <= 2 G min(1, H * TV_step), and a bound >= 2G says no more than |J| <= G:
//   such a bound is called vacuous. G should be H * R_max; we use the largest |episode return|
//   among the pair's evaluations, an empirical stand-in (R_max is not known for these tasks).
//
// Pruning loss (dense vs pruned, from GridPointResult.parameterPath):
//   action level   measured ||mu_pruned(s) - mu_dense(s)||_2 (mean over states) <= L_par * ||dtheta||_2.
//                  This must hold: L_par is the path average of the parameter Jacobian's operator norm.
//   in return      |J_clean(dense) - J_clean(pruned)| <= 2 G min(1, H * TV_par),
//                  TV_par = min(1, L_par ||dtheta|| / (sigma_min sqrt(2 pi))), the Gaussian TV bound of
//                  a mean shift at a shared covariance (ANCHORS.md, Certification).
//   Caveats, stated rather than hidden: L_par ||dtheta|| bounds the *mean* action shift over the sampled
//   states, where (a) wants the maximum over states; and the two policies' log-std differ (the pruned
//   one trained on), which the mean-shift TV does not cover. Where it fails, these are why.
// Robustness gap (pruned policy, clean vs attacked, from the certificate at the attack's epsilon):
//   J_clean(pruned) - J_attack(pruned) <= 2 G min(1, H * TV_cert), TV_cert the certified per-state max
//   TV: crown if certified, else ibp, else the global surrogate TV (the tightest available). An
//   attack moves only the observation, so the attacked policy is the composition pi(.|s + delta(s)),
//   whose per-step TV from pi(.|s) is <= TV_cert at every state within the ball. A constant policy is
//   left out (its TV is 0 and says nothing). Caveat: the certifier takes the max over the states it
//   sampled from clean episodes, not over every state an attacked episode visits.
// holds = measured <= bound for every seed; the comparison is exact (no tolerance): a failure is reported.

import { robustReturn, WORST_CASE_KEY } from './aggregate';
import type { BoundCheck, RegretBoundRow, RobustTarget } from './analysis-types';
import { certificateAt } from './certificates';
import { formatNumber } from './format';
import { stat } from './stats';
import type { CertifyResult, EvalResult, GridPointResult } from './types';

interface Measured {
  measured: number;
  bound: number;
  /** 2G for the return-level bounds; null at the action level. */
  scale: number | null;
}

/** Largest |episode return| among evaluations: the empirical G. */
export function returnScale(...evals: readonly EvalResult[]): number {
  return Math.max(...evals.flatMap((e) => [Math.abs(e.minReturn), Math.abs(e.maxReturn)]));
}

/** TV of a mean shift of `shift` (L2) between Gaussians sharing a covariance with smallest std sigmaMin. */
export function meanShiftTv(shift: number, sigmaMin: number): number {
  return Math.min(1, shift / (sigmaMin * Math.sqrt(2 * Math.PI)));
}

/** 2 G min(1, H TV): the simulation-lemma bound on a return difference. */
export function returnBound(g: number, horizon: number, tv: number): number {
  return 2 * g * Math.min(1, horizon * tv);
}

/** The tightest certified per-state max TV of a certificate, and which method gave it. */
export function certifiedMaxTv(c: CertifyResult): { tv: number; method: string } {
  for (const method of ['crown', 'ibp']) {
    const ps = c.perState.find((x) => x.method.toLowerCase() === method);
    if (ps) return { tv: Math.min(1, ps.maxTv), method };
  }
  return { tv: Math.min(1, c.globalTv), method: 'surrogate' };
}

export function boundCheck(rows: readonly Measured[]): BoundCheck | null {
  if (rows.length === 0) return null;
  const holdsSeeds = rows.filter((r) => r.measured <= r.bound).length;
  const scaled = rows.every((r) => r.scale !== null);
  const vacuousSeeds = scaled ? rows.filter((r) => r.bound >= r.scale!).length : null;
  return {
    measured: stat(rows.map((r) => r.measured))!,
    bound: stat(rows.map((r) => r.bound))!,
    holds: holdsSeeds === rows.length,
    holdsSeeds,
    vacuous: vacuousSeeds === null ? null : vacuousSeeds === rows.length,
    vacuousSeeds,
  };
}

/** The attack evaluation behind a point's robust return under the target (the worst one for 'worst'). */
function attackEval(p: GridPointResult, t: RobustTarget): EvalResult | null {
  const r = robustReturn(p, t);
  if (r === null) return null;
  if (t.key === WORST_CASE_KEY) return p.attacks.find((a) => a.result.meanReturn === r)!.result;
  return p.attacks.find((a) => a.attack === t.attack && a.epsilon === t.epsilon)!.result;
}

export interface RegretBoundInput {
  sparsity: number;
  target: RobustTarget;
  /** Epsilon of the certificate the robustness gap reads (certificates.ts certificateEpsilon). */
  epsilon: number | null;
  horizon: number;
  /** The condition's points, ascending seed. */
  points: readonly GridPointResult[];
  /** The dense policy's point per seed; empty when the group has no dense run. */
  denseBySeed: ReadonlyMap<number, GridPointResult>;
  /** This condition is the dense baseline itself (nothing was pruned). */
  isDense: boolean;
}

export function regretBoundRow(input: RegretBoundInput): RegretBoundRow {
  const { sparsity, target, epsilon, horizon, points, denseBySeed, isDense } = input;
  const notes: string[] = [];
  const action: Measured[] = [];
  const pruning: Measured[] = [];
  const tvPar: number[] = [];
  const gap: Measured[] = [];
  const tvCert: number[] = [];
  const methods = new Set<string>();
  const noPath: number[] = [];
  const noCert: number[] = [];
  const constant: number[] = [];

  for (const p of points) {
    const dense = denseBySeed.get(p.seed);
    if (!isDense) {
      if (p.parameterPath === null || dense === undefined) noPath.push(p.seed);
      else {
        const { deltaNorm, lPar, measuredActionShift, sigmaMin } = p.parameterPath;
        const shiftBound = lPar * deltaNorm;
        action.push({ measured: measuredActionShift, bound: shiftBound, scale: null });
        const tv = meanShiftTv(shiftBound, sigmaMin);
        tvPar.push(tv);
        const g = returnScale(dense.clean, p.clean);
        pruning.push({ measured: Math.abs(dense.clean.meanReturn - p.clean.meanReturn), bound: returnBound(g, horizon, tv), scale: 2 * g });
      }
    }
    const attacked = attackEval(p, target);
    const cert = epsilon === null ? null : certificateAt(p, epsilon);
    if (attacked === null) continue;
    if (cert === null) noCert.push(p.seed);
    else if (cert.constant) constant.push(p.seed);
    else {
      const { tv, method } = certifiedMaxTv(cert);
      methods.add(method);
      tvCert.push(tv);
      const g = returnScale(p.clean, attacked);
      gap.push({ measured: p.clean.meanReturn - attacked.meanReturn, bound: returnBound(g, horizon, tv), scale: 2 * g });
    }
  }

  if (isDense) notes.push('dense policy: no pruning loss to bound');
  else if (noPath.length > 0) notes.push(`no parameter path (or dense run) for seed(s) ${noPath.join(', ')}: no pruning-loss bound there`);
  if (noCert.length > 0) {
    notes.push(`no certificate at ε=${epsilon === null ? '–' : formatNumber(epsilon)} for seed(s) ${noCert.join(', ')}: no robustness-gap bound there`);
  }
  if (constant.length > 0) notes.push(`constant policy for seed(s) ${constant.join(', ')}: its certificate is not a bound, left out`);

  return {
    sparsity,
    target: target.key,
    epsilon,
    horizon,
    actionShift: boundCheck(action),
    tvPar: stat(tvPar),
    pruningLoss: boundCheck(pruning),
    tvCert: stat(tvCert),
    tvCertMethod: methods.size === 0 ? null : [...methods].sort().join('+'),
    robustnessGap: boundCheck(gap),
    notes,
  };
}
