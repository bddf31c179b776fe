import type { Rng } from '@rlprune/random';
import type { EnvSpec } from '../env-spec';

/** What happened in one env step, as the task's reward and termination rules see it. */
export interface StepOutcome {
  reward: number;
  terminated: boolean;
}

/**
 * The Gymnasium semantics of one env id on top of its MuJoCo model: observation, reward,
 * termination and reset noise. The physics stepping itself is shared (see mujoco-env.ts).
 */
export interface Task {
  readonly spec: EnvSpec;
  /** MJCF file in libs/envs/models. */
  readonly modelFile: string;
  /** The model's timestep; checked against the compiled model so the two cannot drift apart. */
  readonly timestep: number;
  /** Physics steps per env step. */
  readonly frameSkip: number;
  /** Writes the observation of state (qpos, qvel) into out[offset .. offset + obsDim). */
  observe(qpos: Float64Array, qvel: Float64Array, out: Float64Array | Float32Array, offset: number): void;
  /**
   * Reward and termination after the frame-skip substeps. `action` is the clipped action and
   * `xVelocity` is (qpos[0] after - qpos[0] before) / dt, as Gymnasium computes it.
   */
  outcome(qpos: Float64Array, qvel: Float64Array, action: Float64Array, xVelocity: number): StepOutcome;
  /** Adds reset noise in place to qpos, qvel (which hold the initial state), drawing qpos noise first. */
  addResetNoise(rng: Rng, qpos: Float64Array, qvel: Float64Array): void;
}

/** Sum of squares, in index order (as numpy sums a short vector). */
export function sumOfSquares(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** Copies qpos[1:] then qvel into out, clipping velocities to [-velocityClip, velocityClip]. */
export function observePlanar(
  qpos: Float64Array,
  qvel: Float64Array,
  out: Float64Array | Float32Array,
  offset: number,
  velocityClip: number,
): void {
  let k = offset;
  for (let i = 1; i < qpos.length; i++) out[k++] = qpos[i];
  for (let i = 0; i < qvel.length; i++) {
    const v = qvel[i];
    out[k++] = v < -velocityClip ? -velocityClip : v > velocityClip ? velocityClip : v;
  }
}

/** x += U(-scale, scale) per coordinate. */
export function addUniformNoise(rng: Rng, x: Float64Array, scale: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i] + rng.range(-scale, scale);
}
