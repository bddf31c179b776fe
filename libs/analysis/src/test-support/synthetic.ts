// Deterministic grid point results for tests: closed-form returns with a known shape (clean
// return falls with sparsity, MAD return rises then falls, bounds fall and grow with epsilon),
// small per-seed offsets. Certificates come at several epsilons (the global TV is vacuous at 0.15
// for sparsities up to 37.5%, IBP at 0.15 for the dense policy), pruned points carry a parameter
// path whose action-level bound holds, and mask updates that never raise the surrogate.

import { DEFAULT_ARM, type CertifyResult, type EvalResult, type GridPointResult, type MaskUpdateRecord, type PruningArm } from '../types';

export function evalOf(meanReturn: number, episodes = 3): EvalResult {
  // Episodes symmetric around the mean, so every summary statistic is consistent with them.
  const returns = Array.from({ length: episodes }, (_, i) => meanReturn + (i - (episodes - 1) / 2) * 10);
  const std = Math.sqrt(returns.reduce((a, r) => a + (r - meanReturn) ** 2, 0) / episodes);
  return {
    meanReturn,
    stdReturn: std,
    medianReturn: meanReturn,
    minReturn: Math.min(...returns),
    maxReturn: Math.max(...returns),
    meanLength: 1000,
    returns,
  };
}

export interface SyntheticGrid {
  envs?: string[];
  kappas?: number[];
  criteria?: string[];
  sparsities?: number[];
  seeds?: number[];
  attacks?: Array<{ attack: string; epsilon: number }>;
  certify?: boolean;
  /** Epsilons certified at every point (default 0.075 and 0.15). */
  certifyEpsilons?: number[];
  trainingPoints?: number;
  /** Mask updates recorded by every pruned point's training (default 6). */
  maskUpdates?: number;
  /** The pruning arm of every point (default micro-pruning, elementwise). */
  arm?: PruningArm;
}

/** Certificates of a point at each epsilon: TVs scale with epsilon / 0.075 and fall with sparsity. */
export function syntheticCertificates(s: number, seed: number, epsilons: readonly number[]): CertifyResult[] {
  return epsilons.map((epsilon) => {
    const f = epsilon / 0.075;
    return {
      epsilon,
      lipschitzSurrogate: 50 * Math.pow(1 - s, 1.5) + seed * 0.1,
      spectralProduct: 20 * (1 - s) + seed * 0.05,
      globalTv: Math.min(1, 0.8 * (1 - s) * f),
      constant: false,
      perState: [
        { method: 'ibp', meanTv: Math.min(1, 0.5 * (1 - s) * f + seed * 0.001), medianTv: Math.min(1, 0.45 * (1 - s) * f), maxTv: Math.min(1, 0.9 * (1 - s) * f), certifiedFraction: s, meanWidth: (1 - s) * f, meanCertifiedRadius: 0.05 * s },
        { method: 'crown', meanTv: Math.min(1, 0.3 * (1 - s) * f + seed * 0.001), medianTv: 0.25 * (1 - s) * f, maxTv: Math.min(1, 0.6 * (1 - s) * f), certifiedFraction: s, meanWidth: 0.5 * (1 - s) * f, meanCertifiedRadius: 0.02 + 0.1 * s },
      ],
    };
  });
}

/** n mask updates ramping the sparsity from 0 to s; the surrogate 50 (1 - sparsity)^1.5 falls at each. */
export function syntheticMaskUpdates(s: number, n: number): MaskUpdateRecord[] {
  const bound = (sp: number): number => 50 * Math.pow(1 - sp, 1.5);
  return Array.from({ length: n }, (_, k) => {
    const from = (s * k) / n;
    const to = (s * (k + 1)) / n;
    return { envSteps: 2048 * (k + 1), gradientStep: 320 * (k + 1), sparsity: to, before: bound(from), after: bound(to) };
  });
}

/**
 * MAD return peaks at 75% sparsity. The best own-dense score is there too, but 75% keeps only ~79%
 * of the dense clean return (50%: ~92.5%), so under the 95% constraint the MAD sweet spot is 25%.
 */
export const MAD_SWEET_SPOT_SPARSITY = 0.25;
/** Where the MAD score peaks when clean retention is not required. */
export const MAD_UNCONSTRAINED_SPARSITY = 0.75;

export function syntheticPoints(grid: SyntheticGrid = {}): GridPointResult[] {
  const envs = grid.envs ?? ['Hopper-v4'];
  const kappas = grid.kappas ?? [0];
  const criteria = grid.criteria ?? ['magnitude'];
  const sparsities = grid.sparsities ?? [0, 0.25, 0.5, 0.75, 0.9];
  const seeds = grid.seeds ?? [1, 2, 3];
  const attacks = grid.attacks ?? [
    { attack: 'random', epsilon: 0.075 },
    { attack: 'mad', epsilon: 0.075 },
  ];
  const certify = grid.certify ?? true;
  const certifyEpsilons = grid.certifyEpsilons ?? [0.075, 0.15];
  const trainingPoints = grid.trainingPoints ?? 5;
  const maskUpdates = grid.maskUpdates ?? 6;
  const arm = grid.arm ?? DEFAULT_ARM;
  const points: GridPointResult[] = [];
  for (const env of envs) {
    for (const kappa of kappas) {
      for (const criterion of criteria) {
        for (const s of sparsities) {
          for (const seed of seeds) {
            const offset = ((seed * 7) % 5) - 2; // -2..2, differs per seed
            const clean = 3000 * (1 + 0.1 * s - 0.5 * s * s) * (1 + kappa * 0.1) + offset * 10;
            const robust: Record<string, number> = {
              random: clean * (0.9 - 0.1 * s),
              mad: 800 + 3000 * s - 2000 * s * s + offset * 5 + kappa * 100,
            };
            points.push({
              label: `${env}/seed=${seed}/kappa=${kappa}/${criterion}/s=${s}`,
              env,
              seed,
              kappa,
              criterion,
              mode: arm.mode,
              structured: arm.structured,
              sparsity: s,
              clean: evalOf(clean),
              attacks: attacks.map((a) => ({ attack: a.attack, epsilon: a.epsilon, result: evalOf(robust[a.attack] ?? clean * 0.5) })),
              certify: certify ? syntheticCertificates(s, seed, certifyEpsilons) : [],
              // The dense policy of the same seed is theta_dense; the measured shift is 60% of its bound.
              parameterPath: s === 0 ? null : { deltaNorm: 10 * s, lPar: 0.5 + seed * 0.01, measuredActionShift: 0.6 * (0.5 + seed * 0.01) * 10 * s, sigmaMin: 0.5 },
              training: Array.from({ length: trainingPoints }, (_, i) => ({
                envSteps: (i + 1) * 2048,
                meanReturn: clean * ((i + 1) / trainingPoints) + offset,
                sparsity: s * Math.min(1, i / Math.max(1, trainingPoints - 2)),
                lipschitzBound: 50 - i,
              })),
              maskUpdates: s === 0 ? [] : syntheticMaskUpdates(s, maskUpdates),
            });
          }
        }
      }
    }
  }
  return points;
}
