// The complete state of a VecEnv as bytes: MuJoCo integration state, reset-noise stream, step
// counters and running episode returns of every env. Restoring it into envs of the same id, count
// and seed continues exactly where the saved ones were, which is what makes a training checkpoint
// resume bit-identically (in-process or through a simulator Session).
import type { Rng } from '@rlprune/random';
import { InvalidArgumentError } from '@rlprune/errors';
import type { VecEnv } from './vec-env';

/** The parts of one MujocoEnv that determine its future. */
interface EnvInternals {
  mujoco: {
    mj_stateSize(model: unknown, spec: number): number;
    mj_getState(model: unknown, data: unknown, out: unknown, spec: number): void;
    mj_setState(model: unknown, data: unknown, state: Float64Array, spec: number): void;
    mjtState: { mjSTATE_INTEGRATION: { value: number } };
    DoubleBuffer: new (n: number) => { GetView(): Float64Array; delete(): void };
  };
  model: unknown;
  data: unknown;
  rng: Rng;
  elapsed: number;
  started: boolean;
}

interface VecInternals {
  envs: EnvInternals[];
  returns: Float64Array;
  lengths: Uint32Array;
  started: boolean;
}

const STATE_MAGIC = 0x52_4c_56_45; // "RLVE"
// Per env after the physics: rng s0..s3, has-spare flag, spare normal, elapsed, started, return, length.
const PER_ENV_EXTRA = 10;

function internals(vec: VecEnv): VecInternals {
  // VecEnv and MujocoEnv keep these private; this file is their one reader outside the classes
  return vec as unknown as VecInternals;
}

/** Layout (float64): magic, numEnvs, stateSize, started, then per env its integration state and PER_ENV_EXTRA values. */
export function saveVecEnvState(vec: VecEnv): Uint8Array {
  const v = internals(vec);
  const first = v.envs[0]!;
  const spec = first.mujoco.mjtState.mjSTATE_INTEGRATION.value;
  const size = first.mujoco.mj_stateSize(first.model, spec);
  const out = new Float64Array(4 + v.envs.length * (size + PER_ENV_EXTRA));
  out.set([STATE_MAGIC, v.envs.length, size, v.started ? 1 : 0]);
  let k = 4;
  v.envs.forEach((env, i) => {
    const buf = new env.mujoco.DoubleBuffer(size);
    try {
      env.mujoco.mj_getState(env.model, env.data, buf, spec);
      out.set(buf.GetView(), k);
    } finally {
      buf.delete();
    }
    k += size;
    const [s0, s1, s2, s3, spare] = env.rng.getState();
    out.set([s0, s1, s2, s3, spare === null ? 0 : 1, spare ?? 0, env.elapsed, env.started ? 1 : 0, v.returns[i]!, v.lengths[i]!], k);
    k += PER_ENV_EXTRA;
  });
  return new Uint8Array(out.buffer);
}

/** Puts the envs back into a saved state; a state of other envs is rejected before anything changes. */
export function restoreVecEnvState(vec: VecEnv, state: Uint8Array): void {
  const v = internals(vec);
  if (state.byteLength % 8 !== 0) throw new InvalidArgumentError('state', 'a multiple of 8 bytes', `${state.byteLength} bytes`);
  const s = new Float64Array(new Uint8Array(state).buffer); // aligned copy
  const first = v.envs[0]!;
  const spec = first.mujoco.mjtState.mjSTATE_INTEGRATION.value;
  const size = first.mujoco.mj_stateSize(first.model, spec);
  if (s[0] !== STATE_MAGIC || s[1] !== v.envs.length || s[2] !== size || s.length !== 4 + v.envs.length * (size + PER_ENV_EXTRA)) {
    throw new InvalidArgumentError('state', `the state of ${v.envs.length} envs of ${vec.spec.id} (${size} values each)`, `a state of ${s[1]} envs of ${s[2]} values`);
  }
  v.started = s[3] === 1;
  let k = 4;
  v.envs.forEach((env, i) => {
    env.mujoco.mj_setState(env.model, env.data, s.slice(k, k + size), spec);
    k += size;
    const e = s.subarray(k, k + PER_ENV_EXTRA);
    env.rng.setState([e[0]!, e[1]!, e[2]!, e[3]!, e[4] === 1 ? e[5]! : null]);
    env.elapsed = e[6]!;
    env.started = e[7] === 1;
    v.returns[i] = e[8]!;
    v.lengths[i] = e[9]!;
    k += PER_ENV_EXTRA;
  });
}

const HEADER = 4;

/** The state of all envs from the states of consecutive slices of them (a ThreadedVecEnv's workers). */
export function joinVecEnvStates(parts: Uint8Array[]): Uint8Array {
  const views = parts.map((p) => new Float64Array(new Uint8Array(p).buffer));
  const size = views[0]![2]!;
  const numEnvs = views.reduce((n, v) => n + v[1]!, 0);
  const out = new Float64Array(HEADER + numEnvs * (size + PER_ENV_EXTRA));
  out.set([STATE_MAGIC, numEnvs, size, views[0]![3]!]);
  let k = HEADER;
  for (const v of views) {
    out.set(v.subarray(HEADER), k);
    k += v.length - HEADER;
  }
  return new Uint8Array(out.buffer);
}

/**
 * Cuts a saved state of `counts` summed envs into one state per slice, checking first that it is a
 * state of that many envs with `stateSize` physics values each (the check restoreVecEnvState makes).
 */
export function splitVecEnvState(state: Uint8Array, envId: string, counts: number[], stateSize: number): Uint8Array[] {
  const numEnvs = counts.reduce((a, b) => a + b, 0);
  if (state.byteLength % 8 !== 0) throw new InvalidArgumentError('state', 'a multiple of 8 bytes', `${state.byteLength} bytes`);
  const s = new Float64Array(new Uint8Array(state).buffer);
  const perEnv = stateSize + PER_ENV_EXTRA;
  if (s[0] !== STATE_MAGIC || s[1] !== numEnvs || s[2] !== stateSize || s.length !== HEADER + numEnvs * perEnv) {
    throw new InvalidArgumentError('state', `the state of ${numEnvs} envs of ${envId} (${stateSize} values each)`, `a state of ${s[1]} envs of ${s[2]} values`);
  }
  let k = HEADER;
  return counts.map((n) => {
    const part = new Float64Array(HEADER + n * perEnv);
    part.set([STATE_MAGIC, n, stateSize, s[3]!]);
    part.set(s.subarray(k, k + n * perEnv), HEADER);
    k += n * perEnv;
    return new Uint8Array(part.buffer);
  });
}

/** Number of float64 values of one env's MuJoCo integration state (a header field of saved states). */
export function vecEnvStateSize(vec: VecEnv): number {
  const first = internals(vec).envs[0]!;
  return first.mujoco.mj_stateSize(first.model, first.mujoco.mjtState.mjSTATE_INTEGRATION.value);
}
