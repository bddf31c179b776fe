// The short answer of an experiment (what GetReport returns inline): which normalisation the
// scores use, sweet spots with both gains (robust return and certified robustness) and each seed's own, pooled
// correlations and the certified-gain correlations per group, how many regret bounds held, and how often a mask update raised the surrogate.

import type { Analysis, CertifiedCorrelationResult, CertifiedGain, SeedSweetSpot } from './analysis-types';
import { armFields } from './pruning-arm';
import type { PruningArm } from './types';

export interface ReportSummary {
  pointCount: number;
  envs: string[];
  keepFraction: number;
  /** How robust returns were normalised: 'own_dense' (the paper's score) or 'dense_clean'. */
  normalise: Analysis['options']['normalise'];
  horizon: number;
  warnings: string[];
  /** A group's mode and structured are there only when its arm is not micro-pruning elementwise (pruning-arm.ts). */
  sweetSpots: Array<{
    env: string;
    kappa: number;
    criterion: string;
  } & Partial<PruningArm> & {
    target: string;
    sparsity: number | null;
    score: number | null;
    cleanRetention: number | null;
    robustnessGainPercent: number | null;
    robustnessGainPoints: number | null;
    robustnessGainNote: string | null;
    certificateEpsilon: number | null;
    certifiedGains: CertifiedGain[];
    reason: string | null;
    /** Each seed's own sweet spot under the same rule, ascending seed. */
    perSeed: SeedSweetSpot[];
    /** [lowest, highest] per-seed sweet-spot sparsity; null when fewer than 2 seeds have one. */
    locationRange: [number, number] | null;
  }>;
  pooledCorrelations: Array<{ bound: string; target: string; rho: number | null; n: number; reason: string | null }>;
  /** Per group and attack: the Lipschitz surrogate's fall against the certified robustness gain, with the seeds' spread. */
  certifiedCorrelations: Array<
    { env: string; kappa: number; criterion: string } & Partial<PruningArm> & Pick<
      CertifiedCorrelationResult,
      'bound' | 'method' | 'target' | 'epsilon' | 'rho' | 'n' | 'reason' | 'seedSpread'
    >
  >;
  /** Over every regret-bound row with that check: how many rows held for every seed, and how many were vacuous. */
  regretBounds: Record<'actionShift' | 'pruningLoss' | 'robustnessGap', { rows: number; holds: number; vacuous: number }>;
  /** Mask updates over all conditions, and how many raised the Lipschitz surrogate (expected 0). */
  monotonicity: { updates: number; rises: number };
}

export function summarise(analysis: Analysis): ReportSummary {
  const bounds = analysis.groups.flatMap((g) => g.regretBounds);
  const tally = (k: 'actionShift' | 'pruningLoss' | 'robustnessGap'): { rows: number; holds: number; vacuous: number } => {
    const checks = bounds.flatMap((b) => (b[k] ? [b[k]] : []));
    return { rows: checks.length, holds: checks.filter((c) => c.holds).length, vacuous: checks.filter((c) => c.vacuous === true).length };
  };
  const mono = analysis.groups.flatMap((g) => g.monotonicity);
  return {
    pointCount: analysis.pointCount,
    envs: analysis.envs,
    keepFraction: analysis.options.keepFraction,
    normalise: analysis.options.normalise,
    horizon: analysis.options.horizon,
    warnings: analysis.warnings,
    sweetSpots: analysis.groups.flatMap((g) =>
      g.sweetSpots.map((s) => ({
        env: g.env,
        kappa: g.kappa,
        criterion: g.criterion,
        ...armFields(g),
        target: s.target,
        sparsity: s.spot?.sparsity ?? null,
        score: s.spot?.score ?? null,
        cleanRetention: s.spot?.cleanRetention ?? null,
        robustnessGainPercent: s.spot?.robustnessGainPercent ?? null,
        robustnessGainPoints: s.spot?.robustnessGainPoints ?? null,
        robustnessGainNote: s.spot?.robustnessGainNote ?? null,
        certificateEpsilon: s.spot?.certificateEpsilon ?? null,
        certifiedGains: s.spot?.certifiedGains ?? [],
        reason: s.reason,
        perSeed: s.perSeed,
        locationRange: s.locationRange,
      })),
    ),
    pooledCorrelations: analysis.pooledCorrelations.map((r) => ({ bound: r.bound, target: r.target, rho: r.rho, n: r.n, reason: r.reason })),
    certifiedCorrelations: analysis.groups.flatMap((g) =>
      g.certifiedCorrelations.map((r) => ({
        env: g.env,
        kappa: g.kappa,
        criterion: g.criterion,
        ...armFields(g),
        bound: r.bound,
        method: r.method,
        target: r.target,
        epsilon: r.epsilon,
        rho: r.rho,
        n: r.n,
        reason: r.reason,
        seedSpread: r.seedSpread,
      })),
    ),
    regretBounds: { actionShift: tally('actionShift'), pruningLoss: tally('pruningLoss'), robustnessGap: tally('robustnessGap') },
    monotonicity: { updates: mono.reduce((n, m) => n + m.updates, 0), rises: mono.reduce((n, m) => n + m.rises, 0) },
  };
}
