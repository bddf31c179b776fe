// Messages between a ThreadedVecEnv and its worker threads.
import type { VecStepResult } from './vec-env';

export interface WorkerSetup {
  /** Absolute path of tsx's CommonJS register API, which the worker loads before this TypeScript. */
  tsx: string;
  entry: string;
  envId: string;
  options: { numEnvs: number; seed?: number; resetNoise?: boolean; maxEpisodeSteps?: number };
  /** The worker's envs are [first, first + count) of the whole batch. */
  first: number;
  count: number;
}

export type WorkerRequest =
  | { id: number; op: 'reset' }
  /** indices: the worker's own env numbers (0-based within its share); null: all of its envs. */
  | { id: number; op: 'step'; indices: Int32Array | null; actions: Float64Array }
  | { id: number; op: 'save' }
  | { id: number; op: 'restore'; state: Uint8Array };

export interface WorkerError {
  name: string;
  message: string;
}

export type WorkerReply =
  | { id: number; obs: Float32Array }
  | { id: number; result: VecStepResult }
  | { id: number; state: Uint8Array }
  | { id: number; done: true }
  | { id: number; error: WorkerError };

export type WorkerHello = { ready: true; stateSize: number } | { ready: false; error: WorkerError };

/** A request before the ThreadedVecEnv numbers it. */
export type WorkerRequestBody = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;
