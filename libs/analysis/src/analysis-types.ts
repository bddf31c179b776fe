// What analyse() returns: plain JSON-able data (numbers, strings, booleans, null, arrays, objects),
// ordered deterministically, so the report, the CSV and the JSONL are pure functions of it.

import type { Stat } from './stats';
import type { AnalysisOptions, PruningArm } from './types';

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
  /** Same, divided by the seed's reference (options.normalise); null when it cannot be normalised. */
  normalised: Stat | null;
}

export interface PerStateSummary {
  method: string;
  meanTv: Stat;
  medianTv: Stat;
  maxTv: Stat;
  certifiedFraction: Stat;
  meanWidth: Stat;
  /** Over the seeds whose certify stage computed it; null when none did. */
  meanCertifiedRadius: Stat | null;
}

/**
 * What one bound is at one grid point: 'ok', 'vacuous' (it says nothing: see certificates.ts for the
 * rule per method) or 'constant' (the policy ignores its observation, so there is nothing to certify).
 */
export type BoundLabel = 'ok' | 'vacuous' | 'constant';

/**
 * One certification method's certified robustness in a condition at one epsilon. Constant seeds are
 * left out of every statistic here (they are listed in CertifySummary.constantSeeds).
 */
export interface MethodCertificate {
  /** 'surrogate' (the global TV bound of the Lipschitz surrogate), or a per-state method ('crown', 'ibp'). */
  method: string;
  /** Mean over the sampled states of 1 - TV bound (surrogate: 1 - global TV), seed statistics; null if every seed is constant. */
  certifiedRobustness: Stat | null;
  /** Fraction of sampled states whose TV bound is within the threshold; null for the surrogate (no per-state bound). */
  certifiedFraction: Stat | null;
  /** Mean certified L-inf radius; null for the surrogate or when the stage did not compute it. */
  meanCertifiedRadius: Stat | null;
  /** Label of this bound for each seed, aligned with CertifySummary.seeds; null where that seed lacks this method. */
  labels: Array<BoundLabel | null>;
  /** Certified robustness of each seed, aligned with CertifySummary.seeds; null where that seed is constant or lacks this method. */
  seedValues: Array<number | null>;
  /** Some seed's bound is vacuous, constant or missing: the condition is left out of correlations of this bound. */
  excludedFromCorrelations: boolean;
}

/** The certificates of one condition at one epsilon, over the seeds certified there. */
export interface CertifySummary {
  /** The certified L-inf radius (every seed of the summary has this epsilon: it is a Stat for older readers). */
  epsilon: Stat;
  lipschitzSurrogate: Stat;
  spectralProduct: Stat;
  globalTv: Stat;
  perState: PerStateSummary[];
  /** Ascending seeds certified at this epsilon. */
  seeds: number[];
  /** Seeds whose policy is constant (certify.constant): labelled so and left out of certified gains and correlations. */
  constantSeeds: number[];
  /** 'surrogate' first, then the per-state methods by name. */
  methods: MethodCertificate[];
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
  /**
   * The clean return with sampled actions (GridPointResult.cleanSampled) and its ratio to the same
   * seed's dense sampled-action clean return (null without one); both absent when not evaluated.
   */
  cleanSampled?: number;
  cleanSampledNormalised?: number | null;
  /**
   * Aligned with GroupAnalysis.targets; null where this seed was not attacked so. `reference` is what
   * the return was divided by (options.normalise); null where it cannot be normalised.
   */
  robust: Array<{ target: string; return: number | null; reference: number | null; normalised: number | null }>;
}

/** One (env, kappa, criterion, sparsity) aggregated over seeds. */
export interface ConditionSummary {
  sparsity: number;
  seeds: number[];
  /** The per-grid-point values the seed statistics below are taken over, by ascending seed. */
  perSeed: SeedScores[];
  clean: Stat;
  cleanNormalised: Stat | null;
  /** Seed statistics of SeedScores.cleanSampled(Normalised) over the seeds that have it; absent when no seed does. */
  cleanSampled?: Stat;
  cleanSampledNormalised?: Stat | null;
  /** Aligned with GroupAnalysis.targets. */
  robust: RobustSummary[];
  /** One per certified epsilon, ascending; empty if uncertified. Pair a bound with an attack at the attack's epsilon. */
  certificates: CertifySummary[];
}

/**
 * The sweet spot's certified robustness by one method against the dense policy's, at the epsilon of
 * the spot's attack target (seed means). Null numbers come with the note saying why.
 */
export interface CertifiedGain {
  method: string;
  epsilon: number;
  /** Certified robustness (mean over states of 1 - TV bound) at the sweet spot; null if not certified or constant. */
  sweet: number | null;
  /** The same for the dense baseline. */
  dense: number | null;
  /** (sweet - dense) / dense * 100; null over a near-zero dense value (see note) or when either is missing. */
  gainPercent: number | null;
  /** (sweet - dense) * 100: percentage points of the largest possible certified robustness, 1. */
  gainPoints: number | null;
  sweetLabel: BoundLabel | null;
  denseLabel: BoundLabel | null;
  /** Why a number is null, e.g. 'gain over a near-zero baseline'. */
  note: string | null;
}

export interface SweetSpot {
  sparsity: number;
  /** Seed mean of (normalised clean + normalised robust) / 2: the quantity maximised. */
  score: number;
  /** Seed mean of the normalised clean return. */
  cleanRetention: number;
  /** Seed mean of the normalised robust return (normalised as options.normalise says). */
  robustNormalised: number;
  /** cleanRetention >= keepFraction: always true, the sweet spot is chosen among the sparsities that keep it. */
  keepsClean: boolean;
  /** Seed mean of J_attack at the sweet spot. */
  robustReturn: number;
  /** Seed mean of J_attack at the dense baseline. */
  baselineRobustReturn: number;
  /** Seed mean of J_clean at the dense baseline (the unit of robustnessGainPoints). */
  baselineCleanReturn: number;
  /**
   * (J_attack(sweet) - J_attack(dense)) / |J_attack(dense)| * 100; null over a near-zero baseline
   * (|J_attack(dense)| < NEAR_ZERO_RETURN_FRACTION of J_clean(dense)), with robustnessGainNote saying so.
   */
  robustnessGainPercent: number | null;
  /** (J_attack(sweet) - J_attack(dense)) / |J_clean(dense)| * 100: percentage points of the dense clean return. */
  robustnessGainPoints: number | null;
  /** Why robustnessGainPercent is null, e.g. 'gain over a near-zero baseline'. */
  robustnessGainNote: string | null;
  /** Epsilon of the certificates the certified gains are read at (see certificates.ts); null if none. */
  certificateEpsilon: number | null;
  /** One per certification method, 'surrogate' first. */
  certifiedGains: CertifiedGain[];
}

/** The best score over every sparsity, ignoring the clean-retention constraint (for the reader's comparison). */
export interface UnconstrainedBest {
  sparsity: number;
  score: number;
  cleanRetention: number;
}

/** What findSweetSpot chooses from one set of candidates (the seed means, or one seed's returns). */
export interface SweetSpotChoice {
  target: string;
  spot: SweetSpot | null;
  /** Why there is no sweet spot, when there is none. */
  reason: string | null;
  /** Where the best score lies without the constraint; null when nothing has a score. */
  unconstrained: UnconstrainedBest | null;
}

/** One seed's own sweet spot: the seed-mean rule applied to this seed's returns alone (seed-sweet-spots.ts). */
export interface SeedSweetSpot {
  seed: number;
  /** True when the seed is normalised by its own dense run; false: by the dense seed mean (it had no dense run). */
  ownBaseline: boolean;
  /** The seed's sweet spot; null (with the reason) when none of its sparsities qualifies or its scores are undefined. */
  sparsity: number | null;
  /** This seed's (normalised clean + normalised robust) / 2 there. */
  score: number | null;
  /** This seed's clean return there over its dense clean return. */
  cleanRetention: number | null;
  reason: string | null;
}

export interface SweetSpotResult extends SweetSpotChoice {
  /** Every seed of the group, ascending, with its own sweet spot under the same rule. */
  perSeed: SeedSweetSpot[];
  /** [lowest, highest] per-seed sweet-spot sparsity; null when fewer than 2 seeds have one (no spread to give). */
  locationRange: [number, number] | null;
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

/**
 * A bound whose fall from the dense policy is correlated with robustness gains: 'surrogate' is the
 * Lipschitz surrogate where its global TV bound is not vacuous, 'crown-mean-tv' / 'ibp-mean-tv' the
 * per-state mean TV, and 'surrogate-lipschitz' the Lipschitz surrogate's value wherever it was
 * certified (never vacuous: it is a value, not a probability).
 */
export type BoundName = 'surrogate' | 'crown-mean-tv' | 'ibp-mean-tv' | 'surrogate-lipschitz';

/** One bound of the regret decomposition against its measured term, over seeds. */
export interface BoundCheck {
  measured: Stat;
  bound: Stat;
  /** measured <= bound for every seed. */
  holds: boolean;
  /** Seeds where measured <= bound. */
  holdsSeeds: number;
  /** Every seed's bound is >= 2G (it says no more than |J| <= G); null where that notion does not apply (action level). */
  vacuous: boolean | null;
  vacuousSeeds: number | null;
}

/** The paper's bound terms beside the regret identity, at one sparsity and robust target (see regret-bounds.ts). */
export interface RegretBoundRow {
  sparsity: number;
  target: string;
  /** Epsilon of the certificate the robustness-gap bound uses; null when there is none. */
  epsilon: number | null;
  horizon: number;
  /** ||mu_pruned - mu_dense|| (mean over states) vs L_par * ||delta theta||; null for the dense policy or without a parameter path. */
  actionShift: BoundCheck | null;
  /** TV_par = min(1, L_par ||delta theta|| / (sigma_min sqrt(2 pi))) per seed. */
  tvPar: Stat | null;
  /** |J_clean(dense) - J_clean(pruned)| vs 2 G min(1, H TV_par). */
  pruningLoss: BoundCheck | null;
  /** Certified per-state max TV at the epsilon (crown, else ibp, else the global surrogate TV) per seed. */
  tvCert: Stat | null;
  /** Which certificate tvCert came from (methods joined by '+' when seeds differ). */
  tvCertMethod: string | null;
  /** J_clean(pruned) - J_attack(pruned) vs 2 G min(1, H TV_cert). */
  robustnessGap: BoundCheck | null;
  /** What is missing when a check is null. */
  notes: string[];
}

/** Surrogate bound before and after each mask update of one seed's training (possibly downsampled). */
export interface MonotonicityTrace {
  seed: number;
  /** Mask updates of this seed. */
  updates: number;
  /** True when the trace keeps only some updates (every rise among them). */
  downsampled: boolean;
  points: Array<{ envSteps: number; gradientStep: number; sparsity: number; before: number; after: number }>;
}

/** Did a mask update ever raise the surrogate bound? One condition, over its seeds. */
export interface MonotonicitySummary {
  sparsity: number;
  /** Mask updates over all seeds. */
  updates: number;
  /** Updates with after > before (exact comparison: see monotonicity.ts). Expected 0. */
  rises: number;
  /** Largest (after - before) / before over the rises; 0 when nothing rose, null without updates. */
  largestRelativeRise: number | null;
  traces: MonotonicityTrace[];
}

export interface CorrelationPoint {
  env: string;
  kappa: number;
  criterion: string;
  sparsity: number;
  /** Epsilon of the certificate, the attack's own. */
  epsilon: number;
  /** (B(dense) - B(pruned)) / B(dense), seed means. */
  boundDecrease: number;
  /** (J_attack(pruned) - J_attack(dense)) / |J_attack(dense)| * 100, seed means. */
  robustGainPercent: number;
}

export interface CorrelationResult {
  bound: BoundName;
  /** Robust target key, e.g. 'mad@0.075'. */
  target: string;
  /** 'group' for one (env, kappa, criterion, pruning arm); 'pooled' over all groups. */
  scope: 'group' | 'pooled';
  /** Spearman rank correlation; null when undefined (fewer than 3 points, or a constant variable). */
  rho: number | null;
  n: number;
  reason: string | null;
  points: CorrelationPoint[];
  /** Conditions left out and why: their bound is vacuous or constant, or there is no certificate at the attack's epsilon. */
  excluded: Array<{ env: string; kappa: number; criterion: string; sparsity: number; why: 'vacuous' | 'constant' | 'uncertified' }>;
}

/** One condition of a certified-gain correlation (seed means, or one seed's values in SeedCorrelation). */
export interface CertifiedCorrelationPoint {
  sparsity: number;
  /** 1 - L(pruned) / L(dense) of the Lipschitz surrogate. */
  boundDecrease: number;
  /** (R(pruned) - R(dense)) * 100: certified robustness gain in percentage points. */
  certifiedGainPoints: number;
}

/** The certified-gain correlation of one seed across its sparsities, against its own dense run. */
export interface SeedCorrelation {
  seed: number;
  rho: number | null;
  n: number;
  reason: string | null;
}

/**
 * Does the fall of a bound predict the gain in CERTIFIED robustness (rather than robust return)? One
 * (env, kappa, criterion, pruning arm) and attack target: Spearman across sparsities between the bound's relative
 * decrease and the gain in `method`'s certified robustness at the attack's epsilon, on seed means,
 * and once per seed for the seeds' spread.
 */
export interface CertifiedCorrelationResult {
  bound: BoundName;
  /** The per-state certification method whose certified robustness gain is the target, e.g. 'crown'. */
  method: string;
  /** Robust target key whose epsilon the certificates are read at, e.g. 'mad@0.075'. */
  target: string;
  epsilon: number;
  rho: number | null;
  n: number;
  reason: string | null;
  points: CertifiedCorrelationPoint[];
  excluded: CorrelationResult['excluded'];
  /** One per seed with a dense run of its own, ascending. */
  seeds: SeedCorrelation[];
  /** Mean, min and max of the defined per-seed rhos; null when fewer than 2 seeds have one. */
  seedSpread: { mean: number; min: number; max: number; n: number } | null;
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

/** Everything about one (env, kappa, criterion, pruning arm). */
export interface GroupAnalysis extends PruningArm {
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
  /** Aligned with regret: the bound terms beside each identity row. */
  regretBounds: RegretBoundRow[];
  correlations: CorrelationResult[];
  /** Bound fall vs certified robustness gain, per correlation-attack target (certified-correlation.ts). */
  certifiedCorrelations: CertifiedCorrelationResult[];
  /** Ascending sparsity; conditions trained without mask updates are left out. */
  monotonicity: MonotonicitySummary[];
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
