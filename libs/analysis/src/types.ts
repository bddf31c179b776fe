// What the orchestrator hands to analysis: one record per grid point with the results of its stages.
// Produced from the run ledger; analysis never talks to services.

/** Summary of one evaluation (clean or under one attack). */
export interface EvalResult {
  meanReturn: number;
  stdReturn: number;
  medianReturn: number;
  minReturn: number;
  maxReturn: number;
  meanLength: number;
  returns: number[];
}

/** Per-state bound statistics of one certification method (IBP or CROWN). */
export interface PerStateCertificate {
  method: string;
  meanTv: number;
  medianTv: number;
  maxTv: number;
  certifiedFraction: number;
  meanWidth: number;
  /**
   * Mean over the sampled states of the largest L-inf radius at which this method's TV bound stays
   * <= the stage's tv_threshold (libs/certify certifiedRadius); null when the stage did not compute it.
   */
  meanCertifiedRadius: number | null;
}

/** One certify stage: the bounds of a policy at one epsilon. */
export interface CertifyResult {
  /** L-inf radius in normalised observation units; the same value as an attack's epsilon it pairs with. */
  epsilon: number;
  /** prod_l min(||W||_F, sqrt(||W||_1 ||W||_inf)) */
  lipschitzSurrogate: number;
  spectralProduct: number;
  /** Global TV bound from the surrogate. */
  globalTv: number;
  /**
   * The actor's action mean does not depend on the observation (a layer has no weight left, so the
   * surrogate is 0): a constant policy, not a certificate. Analysis keeps it out of certified gains
   * and correlations and labels it "constant".
   */
  constant: boolean;
  perState: PerStateCertificate[];
}

/**
 * The pruning-loss bound's inputs for a pruned point (null for the dense point): the dense policy of
 * the same (env, seed, kappa) against this one, along the straight parameter path
 * theta(t) = theta_dense + t (theta_pruned - theta_dense), on the states sampled from the pruned
 * policy's clean evaluation.
 */
export interface ParameterPathResult {
  /** ||theta_pruned - theta_dense||_2 over the actor's weights and biases. */
  deltaNorm: number;
  /**
   * L_par: mean over states of the path average (trapezoid, t in [0,1]) of ||d mu(s; theta) / d theta||_op
   * (the parameter Jacobian's L2 operator norm). L_par * deltaNorm bounds the mean action-mean shift.
   */
  lPar: number;
  /** Mean over the same states of ||mu_pruned(s) - mu_dense(s)||_2, measured. */
  measuredActionShift: number;
  /** Smallest action standard deviation of the two policies (turns an action shift into a TV bound). */
  sigmaMin: number;
}

/** The surrogate bound immediately before and after one mask update during training. */
export interface MaskUpdateRecord {
  envSteps: number;
  /** Gradient step (from 1) after which the masks were updated. */
  gradientStep: number;
  /** Actor sparsity after the update. */
  sparsity: number;
  before: number;
  after: number;
}

/** One point of a training curve. */
export interface TrainingPoint {
  envSteps: number;
  meanReturn: number;
  sparsity: number;
  lipschitzBound: number;
}

/** How the spec pruned (pruning.mode): during training (micro-pruning), once after burn-in, or a finished policy. */
export const PRUNING_MODES = ['during', 'one_shot', 'post_hoc'] as const;
export type PruningMode = (typeof PRUNING_MODES)[number];

/**
 * A point's pruning arm: how its policy was pruned. It is part of a group's identity (aggregate.ts),
 * so a one-shot or neuron-pruned curve is never read as the elementwise micro-pruning curve of the
 * same (env, kappa, criterion).
 */
export interface PruningArm {
  mode: PruningMode;
  /** Whole hidden units were removed (pruning.structured), not single weights. */
  structured: boolean;
}

/** The spec's defaults (micro-pruning, elementwise): the arm of every point published before the arm was recorded. */
export const DEFAULT_ARM: PruningArm = { mode: 'during', structured: false };

export interface GridPointResult extends PruningArm {
  /** e.g. "Hopper-v4/seed=1/kappa=0/magnitude/s=0.5" (the arm is not in it: it is spec-level) */
  label: string;
  env: string;
  seed: number;
  kappa: number;
  criterion: string;
  sparsity: number;
  clean: EvalResult;
  /**
   * Clean evaluation with actions sampled from the policy's Gaussian, beside the mean-action `clean`
   * (the spec's evaluation.sampled_clean); absent when the spec did not ask for it.
   */
  cleanSampled?: EvalResult;
  /** setting: for a swept attack (rs, rs_mad), the robust sarsa setting of the lowest mean return, reported as the result. */
  attacks: Array<{ attack: string; epsilon: number; result: EvalResult; setting?: string }>;
  /** One per certified epsilon (the attacks' epsilons and the env default), ascending; empty if uncertified. */
  certify: CertifyResult[];
  /** Null for a dense point, or when the stage did not run. */
  parameterPath: ParameterPathResult | null;
  training: TrainingPoint[];
  /** Every mask update of the training run behind the policy; empty without pruning during training. */
  maskUpdates: MaskUpdateRecord[];
}

export interface AnalysisOptions {
  /** J* for the regret decomposition; default: best clean return of the experiment per env. */
  jStar: number | null;
  /** The sweet spot must keep at least this fraction of the dense clean return (default 0.95). */
  keepFraction: number;
  /**
   * What normalises a return under attack A at epsilon E: 'own_dense' (the paper's score) divides by
   * the dense policy's return under A at E; 'dense_clean' divides by the dense policy's clean return.
   * Clean returns are always divided by the dense clean return. Default 'own_dense'.
   */
  normalise: 'own_dense' | 'dense_clean';
  /** Episode horizon H in the regret bounds (every task here is limited to 1000 steps). Default 1000. */
  horizon: number;
}
