// One Gymnasium-equivalent env on mujoco-js: MujocoEnv.step is Gymnasium's MujocoEnv.do_simulation
// (ctrl, then frame_skip mj_step calls) plus the task's observation, reward and termination, and
// TimeLimit truncation. Actions are clipped to the action range first, as CleanRL's ClipAction
// wrapper does, so the control cost is that of the clipped action.
import { deriveSeed, Rng } from '@rlprune/random';
import type { EnvSpec } from './env-spec';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { loadMujoco, type MjData, type MjModel, type MujocoModule } from './mujoco-module';
import { sharedModel } from './model-store';
import { getTask } from './registry';
import type { Task } from './tasks/task';

export interface EnvOptions {
  /** Seed of the reset-noise stream; the env draws from deriveSeed(seed, 'env', 0). Default 0. */
  seed?: number;
  /** false: every episode starts exactly at the model's initial state. Default true. */
  resetNoise?: boolean;
  /** Truncate episodes after this many steps. Default: the spec's (1000). */
  maxEpisodeSteps?: number;
}

export interface StepResult {
  obs: Float64Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

/** Physical state of an env, e.g. to check that rejected input changed nothing. */
export interface EnvState {
  qpos: Float64Array;
  qvel: Float64Array;
  elapsedSteps: number;
}

export class MujocoEnv {
  readonly spec: EnvSpec;
  private readonly task: Task;
  private readonly mujoco: MujocoModule;
  private readonly model: MjModel;
  private data: MjData | null;
  private readonly rng: Rng;
  private readonly resetNoise: boolean;
  /** Gymnasium's dt: model timestep x frame skip, the divisor of the x velocity. */
  private readonly dt: number;
  private readonly initQpos: Float64Array;
  private readonly initQvel: Float64Array;
  private readonly clippedAction: Float64Array;
  // Views into the WebAssembly heap; they go stale (length 0) when the heap grows, see refreshViews.
  private qpos: Float64Array;
  private qvel: Float64Array;
  private ctrl: Float64Array;
  private elapsed = 0;
  private started = false;

  /** Prefer createEnv; this is for callers that already hold a loaded module (VecEnv, workers). */
  constructor(mujoco: MujocoModule, task: Task, noiseSeed: number, options: { resetNoise: boolean; maxEpisodeSteps: number }) {
    this.mujoco = mujoco;
    this.task = task;
    this.spec = { ...task.spec, maxEpisodeSteps: options.maxEpisodeSteps };
    this.model = sharedModel(mujoco, task);
    this.data = new mujoco.MjData(this.model);
    this.rng = new Rng(noiseSeed);
    this.resetNoise = options.resetNoise;
    this.dt = this.model.opt.timestep * task.frameSkip;
    this.qpos = this.data.qpos as Float64Array;
    this.qvel = this.data.qvel as Float64Array;
    this.ctrl = this.data.ctrl as Float64Array;
    // Gymnasium's init_qpos / init_qvel: the state of freshly made data (qpos0, zero velocity).
    this.initQpos = Float64Array.from(this.qpos);
    this.initQvel = Float64Array.from(this.qvel);
    this.clippedAction = new Float64Array(task.spec.actDim);
  }

  /** Starts a new episode and returns its first observation. */
  reset(): Float64Array {
    const obs = new Float64Array(this.spec.obsDim);
    this.resetInto(obs, 0);
    return obs;
  }

  /**
   * Advances one env step. Stepping on after an episode ended continues the physics (as a bare
   * Gymnasium env does) with the step counter still running; callers normally reset instead.
   */
  step(action: ArrayLike<number>): StepResult {
    this.checkAction(action, 'action');
    const obs = new Float64Array(this.spec.obsDim);
    const { reward, terminated, truncated } = this.stepInto(action, 0, obs, 0);
    return { obs, reward, terminated, truncated };
  }

  /** Copy of the physical state. */
  getState(): EnvState {
    this.refreshViews();
    return { qpos: Float64Array.from(this.qpos), qvel: Float64Array.from(this.qvel), elapsedSteps: this.elapsed };
  }

  /** Frees the env's MuJoCo data; later calls throw EnvStateError. Safe to call twice. */
  close(): void {
    if (this.data !== null) {
      this.data.delete();
      this.data = null;
    }
  }

  get closed(): boolean {
    return this.data === null;
  }

  /** Throws InvalidArgumentError unless `action` has actDim finite numbers; `field` names it in the message. */
  checkAction(action: ArrayLike<number>, field: string): void {
    const { actDim } = this.spec;
    if (action === null || typeof action !== 'object' || typeof action.length !== 'number') {
      throw new InvalidArgumentError(field, `an array of ${actDim} numbers`, show(action));
    }
    if (action.length !== actDim) {
      throw new InvalidArgumentError(field, `an action of length ${actDim} (actDim of ${this.spec.id})`, `length ${action.length}`);
    }
    for (let i = 0; i < actDim; i++) {
      const a = action[i];
      if (typeof a !== 'number' || !Number.isFinite(a)) {
        throw new InvalidArgumentError(`${field}[${i}]`, 'a finite number', show(a));
      }
    }
  }

  /** reset() writing the observation into out[offset..]; used by VecEnv to fill its batch in place. */
  resetInto(out: Float64Array | Float32Array, offset: number): void {
    const data = this.liveData();
    this.mujoco.mj_resetData(this.model, data);
    this.refreshViews();
    this.qpos.set(this.initQpos);
    this.qvel.set(this.initQvel);
    if (this.resetNoise) this.task.addResetNoise(this.rng, this.qpos, this.qvel);
    this.mujoco.mj_forward(this.model, data);
    this.elapsed = 0;
    this.started = true;
    this.task.observe(this.qpos, this.qvel, out, offset);
  }

  /**
   * step() on an action already checked with checkAction, read from action[actionOffset..] and with
   * the observation written into out[offset..]; used by VecEnv.
   */
  stepInto(
    action: ArrayLike<number>,
    actionOffset: number,
    out: Float64Array | Float32Array,
    offset: number,
  ): { reward: number; terminated: boolean; truncated: boolean } {
    const data = this.liveData();
    if (!this.started) throw new EnvStateError(`${this.spec.id}: call reset() before step()`);
    this.refreshViews();
    const { actionLow, actionHigh } = this.spec;
    for (let i = 0; i < this.clippedAction.length; i++) {
      const a = action[actionOffset + i];
      const clipped = a < actionLow[i] ? actionLow[i] : a > actionHigh[i] ? actionHigh[i] : a;
      this.clippedAction[i] = clipped;
      this.ctrl[i] = clipped;
    }
    const xBefore = this.qpos[0];
    for (let k = 0; k < this.task.frameSkip; k++) this.mujoco.mj_step(this.model, data);
    const xVelocity = (this.qpos[0] - xBefore) / this.dt;
    const { reward, terminated } = this.task.outcome(this.qpos, this.qvel, this.clippedAction, xVelocity);
    this.elapsed++;
    this.task.observe(this.qpos, this.qvel, out, offset);
    return { reward, terminated, truncated: this.elapsed >= this.spec.maxEpisodeSteps };
  }

  private liveData(): MjData {
    if (this.data === null) throw new EnvStateError(`${this.spec.id}: the env is closed`);
    return this.data;
  }

  // A typed-array view on WebAssembly memory is detached (length 0) once the memory grows, which
  // happens when another env allocates; re-fetch the views then.
  private refreshViews(): void {
    if (this.qpos.length === 0) {
      const data = this.liveData();
      this.qpos = data.qpos as Float64Array;
      this.qvel = data.qvel as Float64Array;
      this.ctrl = data.ctrl as Float64Array;
    }
  }
}

/** Checks the options shared by createEnv and createVecEnv and fills in defaults. */
export function resolveEnvOptions(
  task: Task,
  options: EnvOptions,
): { seed: number; resetNoise: boolean; maxEpisodeSteps: number } {
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError('seed', 'an integer', show(seed));
  }
  const resetNoise = options.resetNoise ?? true;
  if (typeof resetNoise !== 'boolean') throw new InvalidArgumentError('resetNoise', 'a boolean', show(resetNoise));
  const maxEpisodeSteps = options.maxEpisodeSteps ?? task.spec.maxEpisodeSteps;
  if (!Number.isSafeInteger(maxEpisodeSteps) || maxEpisodeSteps < 1) {
    throw new InvalidArgumentError('maxEpisodeSteps', 'an integer >= 1', show(maxEpisodeSteps));
  }
  return { seed, resetNoise, maxEpisodeSteps };
}

/** Creates one env; its reset noise is drawn from deriveSeed(seed, 'env', 0), like env 0 of a VecEnv. */
export async function createEnv(envId: string, options: EnvOptions = {}): Promise<MujocoEnv> {
  const task = getTask(envId);
  const resolved = resolveEnvOptions(task, options);
  const mujoco = await loadMujoco();
  return new MujocoEnv(mujoco, task, deriveSeed(resolved.seed, 'env', 0), resolved);
}
