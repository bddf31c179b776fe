// N copies of one env id stepped as a batch, with auto-reset: when env i's episode ends, its final
// observation is kept in finalObs (for bootstrapping a truncated episode's value) and its row of obs
// already holds the first observation of the next episode. Env i draws its reset noise from
// deriveSeed(seed, 'env', i). The whole action batch is checked before any env moves, so rejected
// input leaves every env as it was.
import { deriveSeed } from '@rlprune/random';
import type { EnvSpec } from './env-spec';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { checkActionRows, checkEnvIndices } from './vec-env-checks';
import { MujocoEnv, resolveEnvOptions, type EnvOptions } from './mujoco-env';
import { loadMujoco } from './mujoco-module';
import { getTask } from './registry';

export interface VecEnvOptions extends EnvOptions {
  /** Number of env copies. */
  numEnvs: number;
}

/** Largest batch one VecEnv accepts; each copy holds about 1 MB of MuJoCo data. */
export const maxNumEnvs = 512;

export interface VecStepResult {
  /** [numEnvs * obsDim]; for an env whose episode ended, the first observation of its next episode. */
  obs: Float32Array;
  /** [numEnvs] reward of this step. */
  rewards: Float32Array;
  /** [numEnvs] 1 where the episode ended by termination. */
  terminated: Uint8Array;
  /** [numEnvs] 1 where the episode ended by the time limit. */
  truncated: Uint8Array;
  /** [numEnvs * obsDim] last observation of each episode that ended this step; zero rows elsewhere. */
  finalObs: Float32Array;
  /** [numEnvs] total reward of each episode that ended this step; zero elsewhere. */
  episodeReturns: Float32Array;
  /** [numEnvs] length of each episode that ended this step; zero elsewhere. */
  episodeLengths: Uint32Array;
}

/** A zeroed result of n rows. */
export function emptyStepResult(n: number, obsDim: number): VecStepResult {
  return {
    obs: new Float32Array(n * obsDim),
    rewards: new Float32Array(n),
    terminated: new Uint8Array(n),
    truncated: new Uint8Array(n),
    finalObs: new Float32Array(n * obsDim),
    episodeReturns: new Float32Array(n),
    episodeLengths: new Uint32Array(n),
  };
}

export class VecEnv {
  readonly spec: EnvSpec;
  readonly numEnvs: number;
  private readonly envs: MujocoEnv[];
  // Running totals of the current episode of each env (float64, so long episodes do not lose digits).
  private readonly returns: Float64Array;
  private readonly lengths: Uint32Array;
  private started = false;

  /** Prefer createVecEnv, which loads the MuJoCo module first. */
  constructor(envs: MujocoEnv[]) {
    if (envs.length === 0) throw new InvalidArgumentError('numEnvs', 'at least 1', '0');
    this.envs = envs;
    this.spec = envs[0].spec;
    this.numEnvs = envs.length;
    this.returns = new Float64Array(envs.length);
    this.lengths = new Uint32Array(envs.length);
  }

  /** Resets every env and returns the batch of first observations, [numEnvs * obsDim]. */
  reset(): Float32Array {
    this.checkOpen();
    const { obsDim } = this.spec;
    const obs = new Float32Array(this.numEnvs * obsDim);
    for (let i = 0; i < this.numEnvs; i++) this.envs[i].resetInto(obs, i * obsDim);
    this.returns.fill(0);
    this.lengths.fill(0);
    this.started = true;
    return obs;
  }

  /** Steps every env with its row of `actions` ([numEnvs * actDim]), resetting envs whose episode ended. */
  step(actions: Float32Array | Float64Array | ArrayLike<number>): VecStepResult {
    this.checkStarted();
    checkActionRows(actions, this.numEnvs, this.spec.actDim, 'numEnvs');
    return this.stepRows(null, actions);
  }

  /**
   * Steps only the envs listed in `envIndices` (distinct, each in [0, numEnvs)), in that order, with
   * one row of `actions` per listed env; the result has one row per listed env. A client whose envs
   * live in another process steps them in groups so that one group's round trip overlaps the
   * policy's work on another (the Session's env_indices).
   */
  stepEnvs(envIndices: ArrayLike<number>, actions: Float32Array | Float64Array | ArrayLike<number>): VecStepResult {
    this.checkStarted();
    checkEnvIndices(envIndices, this.numEnvs);
    checkActionRows(actions, envIndices.length, this.spec.actDim, 'listed envs', envIndices);
    return this.stepRows(envIndices, actions);
  }

  /** Row r of the result is env indices[r] (env r when indices is null). */
  private stepRows(indices: ArrayLike<number> | null, actions: ArrayLike<number>): VecStepResult {
    const { obsDim, actDim } = this.spec;
    const n = indices ? indices.length : this.numEnvs;
    const result = emptyStepResult(n, obsDim);
    for (let r = 0; r < n; r++) {
      const i = indices ? indices[r]! : r;
      const env = this.envs[i];
      const { reward, terminated, truncated } = env.stepInto(actions, r * actDim, result.obs, r * obsDim);
      result.rewards[r] = reward;
      result.terminated[r] = terminated ? 1 : 0;
      result.truncated[r] = truncated ? 1 : 0;
      this.returns[i] += reward;
      this.lengths[i] += 1;
      if (terminated || truncated) {
        result.finalObs.set(result.obs.subarray(r * obsDim, (r + 1) * obsDim), r * obsDim);
        result.episodeReturns[r] = this.returns[i];
        result.episodeLengths[r] = this.lengths[i];
        this.returns[i] = 0;
        this.lengths[i] = 0;
        env.resetInto(result.obs, r * obsDim);
      }
    }
    return result;
  }

  /** Frees every env's MuJoCo data. Safe to call twice. */
  close(): void {
    for (const env of this.envs) env.close();
  }

  private checkOpen(): void {
    if (this.envs[0].closed) throw new EnvStateError(`${this.spec.id}: the vec env is closed`);
  }

  private checkStarted(): void {
    this.checkOpen();
    if (!this.started) throw new EnvStateError(`${this.spec.id}: call reset() before step()`);
  }
}

/** Creates numEnvs copies of an env id; env i draws its reset noise from deriveSeed(seed, 'env', i). */
export async function createVecEnv(envId: string, options: VecEnvOptions): Promise<VecEnv> {
  return createVecEnvSlice(envId, options, 0, options.numEnvs);
}

/**
 * Envs [first, first + count) of createVecEnv(envId, options), seeded as they are there: the share of
 * one worker thread of a ThreadedVecEnv, so threaded and unthreaded envs run the same episodes.
 */
export async function createVecEnvSlice(envId: string, options: VecEnvOptions, first: number, count: number): Promise<VecEnv> {
  const task = getTask(envId);
  const resolved = resolveEnvOptions(task, options);
  checkNumEnvs(options.numEnvs);
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(count) && first >= 0 && count >= 1 && first + count <= options.numEnvs)) {
    throw new InvalidArgumentError('slice', `a range of envs inside [0, ${options.numEnvs})`, `[${first}, ${first + count})`);
  }
  const mujoco = await loadMujoco();
  const envs: MujocoEnv[] = [];
  try {
    for (let i = first; i < first + count; i++) envs.push(new MujocoEnv(mujoco, task, deriveSeed(resolved.seed, 'env', i), resolved));
  } catch (err) {
    for (const env of envs) env.close();
    throw err;
  }
  return new VecEnv(envs);
}

/** numEnvs must be an integer in [1, maxNumEnvs]. */
export function checkNumEnvs(numEnvs: unknown): void {
  if (typeof numEnvs !== 'number' || !Number.isSafeInteger(numEnvs) || numEnvs < 1 || numEnvs > maxNumEnvs) {
    throw new InvalidArgumentError('numEnvs', `an integer in [1, ${maxNumEnvs}]`, show(numEnvs));
  }
}
