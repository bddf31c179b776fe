// Certificates per condition and epsilon: the seed statistics of each certify stage, the paper's
// certified robustness per method (mean over the sampled states of 1 - TV bound; for the global
// surrogate 1 - its global TV, the same for every state), and a label per bound.
//
// Labels (issue 15 item 3):
//   constant  the policy's action mean ignores the observation (CertifyResult.constant): every bound
//             is 0 and says nothing; the seed is left out of certified robustness, gains and
//             correlations, and named in a warning.
//   vacuous   surrogate: global TV >= VACUOUS_TV. Per-state method: no state certified
//             (certifiedFraction 0), certified radius 0 or not computed, and mean TV >= VACUOUS_TV.
//             A vacuous bound is kept in the tables (labelled) and left out of correlations.
//
// Which certificate pairs with which attack: a certify stage runs at every epsilon the spec's attacks
// use, so an attack target at epsilon E reads the certificate at E (both come from the same spec
// value; matched to a relative SAME_EPSILON_TOLERANCE so a value that crossed a float32 field still pairs). The worst case over attacks reads the certificate at the largest attacked
// epsilon of its group: a bound over the ball of radius E_max also bounds every attack with a smaller
// radius, so it covers the whole minimum (the env's default epsilon, certified too, is not an attack
// unless the spec attacks at it, so it has no target of its own).

import { compareStrings, WORST_CASE_KEY } from './aggregate';
import type { BoundLabel, CertifySummary, MethodCertificate, PerStateSummary, RobustTarget } from './analysis-types';
import { stat, statOfPresent, type Stat } from './stats';
import type { CertifyResult, GridPointResult, PerStateCertificate } from './types';

/** A TV bound at or above this is vacuous: TV never exceeds 1, and 0.999 leaves room for rounding. */
export const VACUOUS_TV = 0.999;

/** The name of the global-surrogate method among the per-state ones. */
export const SURROGATE_METHOD = 'surrogate';

/** Certified robustness of a per-state method: mean over states of 1 - TV = 1 - mean TV (TV capped at 1). */
export function perStateCertifiedRobustness(ps: PerStateCertificate): number {
  return 1 - Math.min(1, ps.meanTv);
}

/** Certified robustness of the surrogate: 1 - global TV (the global bound holds at every state alike). */
export function surrogateCertifiedRobustness(c: CertifyResult): number {
  return 1 - Math.min(1, c.globalTv);
}

export function surrogateLabel(c: CertifyResult): BoundLabel {
  if (c.constant) return 'constant';
  return c.globalTv >= VACUOUS_TV ? 'vacuous' : 'ok';
}

export function perStateLabel(c: CertifyResult, ps: PerStateCertificate): BoundLabel {
  if (c.constant) return 'constant';
  const noRadius = ps.meanCertifiedRadius === null || ps.meanCertifiedRadius === 0;
  return ps.certifiedFraction === 0 && noRadius && ps.meanTv >= VACUOUS_TV ? 'vacuous' : 'ok';
}

/** Relative difference under which two epsilons are the same radius (float32 rounding is ~6e-8). */
export const SAME_EPSILON_TOLERANCE = 1e-6;

export function sameEpsilon(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_EPSILON_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** A point's certificate at this epsilon, or null. */
export function certificateAt(point: GridPointResult, epsilon: number): CertifyResult | null {
  return point.certify.find((c) => sameEpsilon(c.epsilon, epsilon)) ?? null;
}

/**
 * The epsilon whose certificate a robust target pairs with: the attack's own, or for the worst case
 * the largest attacked epsilon of the group (see the header). Null when nothing was attacked.
 */
export function certificateEpsilon(target: RobustTarget, targets: readonly RobustTarget[]): number | null {
  if (target.key !== WORST_CASE_KEY) return target.epsilon;
  const eps = targets.filter((t) => t.key !== WORST_CASE_KEY).map((t) => t.epsilon!);
  return eps.length === 0 ? null : Math.max(...eps);
}

/** Per-state methods certified anywhere among these results, lower-cased and sorted. */
function perStateMethods(certs: readonly CertifyResult[]): string[] {
  return [...new Set(certs.flatMap((c) => c.perState.map((ps) => ps.method.toLowerCase())))].sort(compareStrings);
}

function findMethod(c: CertifyResult, method: string): PerStateCertificate | undefined {
  return c.perState.find((ps) => ps.method.toLowerCase() === method);
}

/** Seed statistics of one condition's certificates at one epsilon; `certs` are aligned with ascending `seeds`. */
export function summariseCertificates(epsilon: number, seeds: readonly number[], certs: readonly CertifyResult[]): CertifySummary {
  const of = (f: (c: CertifyResult) => number): Stat => stat(certs.map(f))!;
  const methods = perStateMethods(certs);
  const perState: PerStateSummary[] = methods.map((method) => {
    const rows = certs.flatMap((c) => (findMethod(c, method) ? [findMethod(c, method)!] : []));
    const s = (f: (r: PerStateCertificate) => number): Stat => stat(rows.map(f))!;
    return {
      method,
      meanTv: s((r) => r.meanTv),
      medianTv: s((r) => r.medianTv),
      maxTv: s((r) => r.maxTv),
      certifiedFraction: s((r) => r.certifiedFraction),
      meanWidth: s((r) => r.meanWidth),
      meanCertifiedRadius: statOfPresent(rows.map((r) => r.meanCertifiedRadius)),
    };
  });

  const live = certs.filter((c) => !c.constant);
  // the seed statistic is over each seed's own value (constant seeds have none)
  const surrogateSeedValues = certs.map((c) => (c.constant ? null : surrogateCertifiedRobustness(c)));
  const surrogate: MethodCertificate = {
    method: SURROGATE_METHOD,
    certifiedRobustness: statOfPresent(surrogateSeedValues),
    certifiedFraction: null,
    meanCertifiedRadius: null,
    labels: certs.map(surrogateLabel),
    seedValues: surrogateSeedValues,
    excludedFromCorrelations: false,
  };
  const perStateCerts: MethodCertificate[] = methods.map((method) => {
    const rows = live.flatMap((c) => (findMethod(c, method) ? [findMethod(c, method)!] : []));
    const seedValues = certs.map((c) => {
      const ps = c.constant ? undefined : findMethod(c, method);
      return ps ? perStateCertifiedRobustness(ps) : null;
    });
    return {
      method,
      certifiedRobustness: statOfPresent(seedValues),
      certifiedFraction: statOfPresent(rows.map((r) => r.certifiedFraction)),
      meanCertifiedRadius: statOfPresent(rows.map((r) => r.meanCertifiedRadius)),
      // null: this seed was not certified by the method (it then counts as excluded below).
      labels: certs.map((c) => (c.constant ? 'constant' : findMethod(c, method) ? perStateLabel(c, findMethod(c, method)!) : null)),
      seedValues,
      excludedFromCorrelations: false,
    };
  });
  const all = [surrogate, ...perStateCerts].map((m) => ({ ...m, excludedFromCorrelations: m.labels.some((l) => l !== 'ok') }));
  return {
    // Built from the exact value (a mean of equal floats need not equal them), so summaryAt can match it.
    epsilon: { mean: epsilon, std: certs.length > 1 ? 0 : null, n: certs.length },
    lipschitzSurrogate: of((c) => c.lipschitzSurrogate),
    spectralProduct: of((c) => c.spectralProduct),
    globalTv: of((c) => c.globalTv),
    perState,
    seeds: [...seeds],
    constantSeeds: seeds.filter((_, i) => certs[i]!.constant),
    methods: all,
  };
}

/** One summary per epsilon certified in the condition, ascending; points are in ascending seed order. */
export function conditionCertificates(points: readonly GridPointResult[]): CertifySummary[] {
  const epsilons = [...new Set(points.flatMap((p) => p.certify.map((c) => c.epsilon)))].sort((a, b) => a - b);
  return epsilons.map((eps) => {
    const at = points.flatMap((p) => {
      const c = certificateAt(p, eps);
      return c ? [{ seed: p.seed, c }] : [];
    });
    return summariseCertificates(
      eps,
      at.map((x) => x.seed),
      at.map((x) => x.c),
    );
  });
}

/** A condition's certificate summary at this epsilon, or null. */
export function summaryAt(certificates: readonly CertifySummary[], epsilon: number | null): CertifySummary | null {
  if (epsilon === null) return null;
  return certificates.find((c) => sameEpsilon(c.epsilon.mean, epsilon)) ?? null;
}
