// What each stage kind takes and gives, in one place for grid.ts (which writes params), executors.ts
// (which reads params and inputs and writes results) and results.ts (which reads stored results).
// Params and results are stored in the ledger as JSON with these field names; stage ids and cache
// keys hash the params, so a field is only ever added (optional, absent in older ledgers).
import type { EvalResult, MaskUpdateRecord, ParameterPathResult, PerStateCertificate, TrainingPoint } from '@rlprune/analysis';
import type { ExperimentSpec } from '../spec/experiment-spec';

export type StageKind = 'train' | 'prune' | 'prepare' | 'evaluate' | 'certify';

/** SA-PPO's regulariser of a train stage (kappa > 0). */
export interface SaParams {
  kappa: number;
  method: string;
  epsilon: number;
  /** Only present when true (stages of specs without it keep their ids). */
  detach_stdev?: true;
  /** Only present when not crown-ibp (same reason). */
  convex_bounds?: string;
}

/** Pruning during a train stage (modes during and one_shot). */
export interface TrainPruningParams {
  /** Only one_shot names its kind, so micro-pruning stages keep their ids. */
  kind?: 'one_shot';
  criterion: string;
  scope: string;
  structured: boolean;
  final_sparsity: number;
  start_fraction: number;
  end_fraction: number;
  interval: number;
}

export interface StageParams {
  train: { env: string; seed: number; train: ExperimentSpec['train']; sa: SaParams | null; pruning: TrainPruningParams | null };
  prune: { criterion: string; sparsity: number; scope: string; structured: boolean; seed: number };
  /** params: a robust sarsa sweep setting (eps_q, reg_coef), when the grid sweeps the attack. */
  prepare: { env: string; seed: number; attack: string; epsilon: number; params?: Record<string, number> };
  /** attack null: the clean evaluation (the only one that samples states for certificates). */
  evaluate: { env: string; seed: number; episodes: number; deterministic: boolean; attack: string | null; epsilon?: number; state_sample: number };
  /** certified_radius: absent in stages planned before it existed, which computed no radius. */
  certify: { epsilon: number; methods: string[]; tv_threshold: number; certified_radius?: boolean };
}

/** A certificate's per-state statistics, as stored (the radius absent in ledgers from before it). */
export type PerStateResult = Omit<PerStateCertificate, 'meanCertifiedRadius'> & { meanCertifiedRadius?: number | null };

export interface GlobalBoundsResult {
  lipschitzSurrogate: number;
  spectralProduct: number;
  tv: number;
}

export interface StageResult {
  /** mask_updates: absent in ledgers from before they were recorded. */
  train: { policy: string; final_mean_return: number; curve: TrainingPoint[]; mask_updates?: MaskUpdateRecord[] };
  prune: { policy: string; lipschitz_before: number; lipschitz_after: number; sparsity: number };
  prepare: { prepared: string };
  /** The simulator's summary (without its state sample) and the sampled states' artifact, if any. */
  evaluate: EvalResult & { episodes: number; lengths: number[]; states: string | null };
  /** constant and parameterPath: absent in ledgers from before they existed. */
  certify: {
    epsilon: number;
    global: GlobalBoundsResult | null;
    perState: PerStateResult[];
    layers: unknown[];
    constant?: boolean;
    parameterPath?: ParameterPathResult | null;
  };
}

/** A stage that yields a policy (train, or prune for post-hoc pruning). */
export type PolicyResult = StageResult['train'] | StageResult['prune'];

/** The results a stage consumes, by the role its dependency plays (grid.ts names the roles). */
export interface StageInputs {
  policy?: PolicyResult;
  /** A prepared attack (rs, rs_mad, learned). */
  prepared?: StageResult['prepare'];
  /** The clean evaluation whose sampled states a certificate bounds. */
  states?: StageResult['evaluate'];
  /** The dense policy of the same run (the parameter path's start). */
  reference?: PolicyResult;
}
