// VecEnvLike over libs/envs' in-process VecEnv, with exact save and restore of the envs' state so a
// checkpoint resumes bit-identically.
//
// libs/envs does not (yet) expose a state API, so saveState/restoreState reach into VecEnv and
// MujocoEnv internals through the narrow shapes below and check them at run time: if libs/envs
// renames a field, the first save fails loudly instead of resuming wrongly. Once libs/envs offers
// VecEnv.getState()/setState(), this file should call those instead.
import { createVecEnv, type VecEnv, type VecEnvOptions } from '@rlprune/envs';
import type { Rng } from '@rlprune/random';
import type { VecEnvLike, VecStep } from './vec-env-like';

/** The private parts of one MujocoEnv that determine its future. */
interface MujocoEnvInternals {
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

interface VecEnvInternals {
  envs: MujocoEnvInternals[];
  returns: Float64Array;
  lengths: Uint32Array;
  started: boolean;
}

const STATE_MAGIC = 0x52_4c_56_45; // "RLVE"
// Per env after the physics: rng s0..s3, has-spare flag, spare normal, elapsed, started, return, length.
const PER_ENV_EXTRA = 10;

export class LocalVecEnv implements VecEnvLike {
  readonly numEnvs: number;
  readonly obsDim: number;
  readonly actDim: number;

  constructor(readonly vec: VecEnv) {
    this.numEnvs = vec.numEnvs;
    this.obsDim = vec.spec.obsDim;
    this.actDim = vec.spec.actDim;
  }

  reset(): Promise<Float32Array> {
    return Promise.resolve(this.vec.reset());
  }

  step(actions: Float32Array): Promise<VecStep> {
    return Promise.resolve(this.vec.step(actions));
  }

  /** Layout (float64): magic, numEnvs, stateSize, vec started, then per env the MuJoCo integration state and PER_ENV_EXTRA values. */
  saveState(): Promise<Uint8Array> {
    const vec = internals(this.vec);
    const first = vec.envs[0]!;
    const spec = first.mujoco.mjtState.mjSTATE_INTEGRATION.value;
    const size = first.mujoco.mj_stateSize(first.model, spec);
    const out = new Float64Array(4 + vec.envs.length * (size + PER_ENV_EXTRA));
    out.set([STATE_MAGIC, vec.envs.length, size, vec.started ? 1 : 0]);
    let k = 4;
    vec.envs.forEach((env, i) => {
      const buf = new env.mujoco.DoubleBuffer(size);
      try {
        env.mujoco.mj_getState(env.model, env.data, buf, spec);
        out.set(buf.GetView(), k);
      } finally {
        buf.delete();
      }
      k += size;
      const [s0, s1, s2, s3, spare] = env.rng.getState();
      out.set([s0, s1, s2, s3, spare === null ? 0 : 1, spare ?? 0, env.elapsed, env.started ? 1 : 0, vec.returns[i]!, vec.lengths[i]!], k);
      k += PER_ENV_EXTRA;
    });
    return Promise.resolve(new Uint8Array(out.buffer));
  }

  restoreState(state: Uint8Array): Promise<void> {
    const vec = internals(this.vec);
    const copy = new Uint8Array(state); // aligned copy
    if (copy.byteLength % 8 !== 0) return Promise.reject(new Error(`env state: expected a multiple of 8 bytes, got ${copy.byteLength}`));
    const s = new Float64Array(copy.buffer);
    const first = vec.envs[0]!;
    const spec = first.mujoco.mjtState.mjSTATE_INTEGRATION.value;
    const size = first.mujoco.mj_stateSize(first.model, spec);
    if (s[0] !== STATE_MAGIC || s[1] !== vec.envs.length || s[2] !== size || s.length !== 4 + vec.envs.length * (size + PER_ENV_EXTRA)) {
      return Promise.reject(new Error(`env state: expected the state of ${vec.envs.length} envs of ${size} values, got a state of ${s[1]} envs of ${s[2]} values`));
    }
    vec.started = s[3] === 1;
    let k = 4;
    vec.envs.forEach((env, i) => {
      env.mujoco.mj_setState(env.model, env.data, s.slice(k, k + size), spec);
      k += size;
      const e = s.subarray(k, k + PER_ENV_EXTRA);
      env.rng.setState([e[0]!, e[1]!, e[2]!, e[3]!, e[4] === 1 ? e[5]! : null]);
      env.elapsed = e[6]!;
      env.started = e[7] === 1;
      vec.returns[i] = e[8]!;
      vec.lengths[i] = e[9]!;
      k += PER_ENV_EXTRA;
    });
    return Promise.resolve();
  }

  close(): void {
    this.vec.close();
  }
}

/** In-process envs for a training run: env i draws its reset noise from deriveSeed(seed, 'env', i). */
export async function createLocalVecEnv(envId: string, options: VecEnvOptions): Promise<LocalVecEnv> {
  return new LocalVecEnv(await createVecEnv(envId, options));
}

function internals(vec: VecEnv): VecEnvInternals {
  const v = vec as unknown as VecEnvInternals;
  const ok =
    Array.isArray(v.envs) && v.returns instanceof Float64Array && v.lengths instanceof Uint32Array && typeof v.started === 'boolean' &&
    v.envs.every((e) => typeof e.elapsed === 'number' && typeof e.started === 'boolean' && e.data != null && typeof e.rng?.getState === 'function' &&
      typeof e.mujoco?.mj_getState === 'function');
  if (!ok) throw new Error('LocalVecEnv: libs/envs VecEnv internals changed; env state cannot be saved (update local-vec-env.ts)');
  return v;
}
