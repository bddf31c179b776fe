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
}

export interface CertifyResult {
  epsilon: number;
  /** prod_l min(||W||_F, sqrt(||W||_1 ||W||_inf)) */
  lipschitzSurrogate: number;
  spectralProduct: number;
  /** Global TV bound from the surrogate. */
  globalTv: number;
  perState: PerStateCertificate[];
}

/** One point of a training curve. */
export interface TrainingPoint {
  envSteps: number;
  meanReturn: number;
  sparsity: number;
  lipschitzBound: number;
}

export interface GridPointResult {
  /** e.g. "Hopper-v4/seed=1/kappa=0/magnitude/s=0.5" */
  label: string;
  env: string;
  seed: number;
  kappa: number;
  criterion: string;
  sparsity: number;
  clean: EvalResult;
  attacks: Array<{ attack: string; epsilon: number; result: EvalResult }>;
  certify: CertifyResult | null;
  training: TrainingPoint[];
}

export interface AnalysisOptions {
  /** J* for the regret decomposition; default: best clean return of the experiment per env. */
  jStar: number | null;
  /** The sweet spot must keep at least this fraction of the dense clean return (default 0.95). */
  keepFraction: number;
}
