// Where Prepare and evaluation get environments from. Abstract so the attacker service can plug in a
// remote simulator session (whose steps are async) while tests use libs/envs in-process.
import { createVecEnv } from '@rlprune/envs';

/** What one batched step returns; libs/envs' VecStepResult has this shape. */
export interface VecStepLike {
  /** [numEnvs * obsDim] raw observations; rows of ended episodes already hold the next first observation. */
  obs: Float32Array;
  /** [numEnvs] rewards. */
  rewards: Float32Array;
  /** [numEnvs] 1 where the episode ended by termination. */
  terminated: Uint8Array;
  /** [numEnvs] 1 where the episode ended by the time limit. */
  truncated: Uint8Array;
  /** [numEnvs * obsDim] last raw observation of each episode that ended this step. */
  finalObs: Float32Array;
}

/** A vectorised environment with auto-reset, like libs/envs' VecEnv (which satisfies it). */
export interface VecEnvLike {
  readonly numEnvs: number;
  readonly spec: { readonly obsDim: number; readonly actDim: number };
  /** Raw first observations [numEnvs * obsDim]. */
  reset(): Float32Array | Promise<Float32Array>;
  step(actions: Float32Array): VecStepLike | Promise<VecStepLike>;
  close(): void | Promise<void>;
}

export interface EnvRequest {
  envId: string;
  numEnvs: number;
  /** Seed of the reset noise. */
  seed: number;
  /** Truncate episodes after this many steps; default the env's own limit. */
  maxEpisodeSteps?: number;
}

export type EnvFactory = (request: EnvRequest) => Promise<VecEnvLike>;

/** Environments from libs/envs in this process. */
export const localEnvFactory: EnvFactory = (request) =>
  createVecEnv(request.envId, {
    numEnvs: request.numEnvs,
    seed: request.seed,
    ...(request.maxEpisodeSteps === undefined ? {} : { maxEpisodeSteps: request.maxEpisodeSteps }),
  });
