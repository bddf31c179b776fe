// What analyse() returns: plain JSON-able data (numbers, strings, booleans, null, arrays, objects),
// ordered deterministically, so the report, the CSV and the JSONL are pure functions of it.

import type { Stat } from './stats';
import type { AnalysisOptions } from './types';

/** AnalysisOptions plus the knobs the input contract does not carry. */
export interface AnalyseOptions extends AnalysisOptions {
  /** Attack whose robust-return gain the bound decreases are rank-correlated with (default 'mad'). */
  correlationAttack: string;
}

/** A robust return to study: one attack at one budget, or the worst case over a point's attacks. */
export interface RobustTarget {
  /** Stable id: 'mad@0.075', or 'worst' for the worst case. */
  key: string;
  /** Attack name, or 'worst'. */
  attack: string;
  /** L-inf budget in normalised observation units; null for the worst case. */
  epsilon: number | null;
  /** Human-readable name for tables and legends. */
  label: string;
}

export interface RobustSummary {
  target: string;
  /** Seed statistics of the mean episode return under the target; null if no seed was attacked so. */
  return: Stat | null;
  /** Same, divided by the dense clean return of the seed; null when it cannot be normalised. */
  normalised: Stat | null;
}

export interface PerStateSummary {
  method: string;
  meanTv: Stat;
  medianTv: Stat;
  maxTv: Stat;
  certifiedFraction: Stat;
  meanWidth: Stat;
}

export interface CertifySummary {
  epsilon: Stat;
  lipschitzSurrogate: Stat;
  spectralProduct: Stat;
  globalTv: Stat;
  perState: PerStateSummary[];
}

/** One grid point's returns, raw and normalised by the dense clean return. */
export interface SeedScores {
  seed: number;
  /** True when normalised by the dense run of the same seed, false when by the dense seed mean. */
  ownBaseline: boolean;
  /** The dense clean return this seed is normalised by. */
  reference: number;
  clean: number;
  cleanNormalised: number | null;
  /** Aligned with GroupAnalysis.targets; null where this seed was not attacked so. */
  robust: Array<{ target: string; return: number | null; normalised: number | null }>;
}

/** One (env, kappa, criterion, sparsity) aggregated over seeds. */
export interface ConditionSummary {
  sparsity: number;
  seeds: number[];
  /** The per-grid-point values the seed statistics below are taken over, by ascending seed. */
  perSeed: SeedScores[];
  clean: Stat;
  cleanNormalised: Stat | null;
  /** Aligned with GroupAnalysis.targets. */
  robust: RobustSummary[];
  /** Over the seeds that were certified; null if none was. */
  certify: CertifySummary | null;
}

export interface SweetSpot {
  sparsity: number;
  /** Seed mean of (normalised clean + normalised robust) / 2: the quantity maximised. */
  score: number;
  /** Seed mean of the normalised clean return. */
  cleanRetention: number;
  /** Seed mean of the normalised robust return. */
  robustNormalised: number;
  /** cleanRetention >= keepFraction. */
  keepsClean: boolean;
  /** Seed mean of J_attack at the sweet spot. */
  robustReturn: number;
  /** Seed mean of J_attack at the dense baseline. */
  baselineRobustReturn: number;
  /** (J_attack(sweet) - J_attack(dense)) / |J_attack(dense)| * 100; null when J_attack(dense) is 0. */
  robustnessGainPercent: number | null;
}

export interface SweetSpotResult {
  target: string;
  spot: SweetSpot | null;
  /** Why there is no sweet spot, when there is none. */
  reason: string | null;
}

/**
 * Regret under attack at one sparsity, split in three (per seed, then aggregated):
 * J* - J_attack(pruned) = (J* - J_clean(dense)) + (J_clean(dense) - J_clean(pruned)) + (J_clean(pruned) - J_attack(pruned)).
 */
export interface RegretRow {
  sparsity: number;
  target: string;
  jStar: number;
  baselineCleanRegret: Stat;
  pruningLoss: Stat;
  robustnessGap: Stat;
  /** J* - J_attack(pruned), the sum of the three terms. */
  total: Stat;
}

export type BoundName = 'surrogate' | 'crown-mean-tv' | 'ibp-mean-tv';

export interface CorrelationPoint {
  env: string;
  kappa: number;
  criterion: string;
  sparsity: number;
  /** (B(dense) - B(pruned)) / B(dense), seed means. */
  boundDecrease: number;
  /** (J_attack(pruned) - J_attack(dense)) / |J_attack(dense)| * 100, seed means. */
  robustGainPercent: number;
}

export interface CorrelationResult {
  bound: BoundName;
  /** Robust target key, e.g. 'mad@0.075'. */
  target: string;
  /** 'group' for one (env, kappa, criterion); 'pooled' over all groups. */
  scope: 'group' | 'pooled';
  /** Spearman rank correlation; null when undefined (fewer than 3 points, or a constant variable). */
  rho: number | null;
  n: number;
  reason: string | null;
  points: CorrelationPoint[];
}

export interface TrainingCurvePoint {
  envSteps: number;
  meanReturn: Stat;
  sparsity: Stat;
  lipschitzBound: Stat;
}

export interface TrainingCurve {
  sparsity: number;
  points: TrainingCurvePoint[];
}

export interface BaselineInfo {
  sparsity: number;
  /** False when the grid has no sparsity 0 and the lowest sparsity stands in for the dense policy. */
  isDense: boolean;
  /** Seed mean of the baseline's clean return. */
  cleanMean: number;
}

/** Everything about one (env, kappa, criterion). */
export interface GroupAnalysis {
  env: string;
  kappa: number;
  criterion: string;
  baseline: BaselineInfo;
  jStar: number;
  jStarSource: 'option' | 'best-clean-of-env';
  targets: RobustTarget[];
  /** Ascending sparsity. */
  conditions: ConditionSummary[];
  /** Aligned with targets. */
  sweetSpots: SweetSpotResult[];
  /** Sparsity ascending, then target order. */
  regret: RegretRow[];
  correlations: CorrelationResult[];
  /** Ascending sparsity. */
  training: TrainingCurve[];
}

export interface Analysis {
  options: AnalyseOptions;
  pointCount: number;
  envs: string[];
  /** Sorted by env, kappa, criterion. */
  groups: GroupAnalysis[];
  pooledCorrelations: CorrelationResult[];
  /** Things a reader must know (fallback baselines, values that could not be normalised, ...). */
  warnings: string[];
}
