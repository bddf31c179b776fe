// What the trainer needs from a batch of envs, whether they run in this process (LocalVecEnv over
// libs/envs) or in the simulator service (a gRPC Session adapter). Actions sent are the raw Gaussian
// samples; the env clips them to its action range (as CleanRL's ClipAction wrapper does).

import type { VecStepResult } from '@rlprune/envs';

/** One step of every env: libs/envs' VecStepResult (the envs auto-reset), local or remote. */
export type VecStep = VecStepResult;

export interface VecEnvLike {
  readonly numEnvs: number;
  readonly obsDim: number;
  readonly actDim: number;
  /** Resets every env: the batch of first observations, [numEnvs * obsDim]. */
  reset(): Promise<Float32Array>;
  /** Steps every env with its row of actions ([numEnvs * actDim]). */
  step(actions: Float32Array): Promise<VecStep>;
  /**
   * Everything needed to continue exactly where the envs are (physics, reset-noise streams, step
   * counters, running episode returns), as opaque bytes. Optional: without it a checkpoint resumes
   * on freshly reset envs, which continues training but not bit-identically.
   */
  saveState?(): Promise<Uint8Array>;
  /** Puts the envs back into a state from saveState of envs of the same id, count and seed. */
  restoreState?(state: Uint8Array): Promise<void>;
}
