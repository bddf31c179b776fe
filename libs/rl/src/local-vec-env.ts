// VecEnvLike over libs/envs' in-process VecEnv, with exact save and restore of the envs' state
// (libs/envs' saveVecEnvState / restoreVecEnvState) so a checkpoint resumes bit-identically.
import { createVecEnv, restoreVecEnvState, saveVecEnvState, type VecEnv, type VecEnvOptions } from '@rlprune/envs';
import type { VecEnvLike, VecStep } from './vec-env-like';

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

  saveState(): Promise<Uint8Array> {
    return Promise.resolve(saveVecEnvState(this.vec));
  }

  restoreState(state: Uint8Array): Promise<void> {
    try {
      restoreVecEnvState(this.vec, state);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  close(): void {
    this.vec.close();
  }
}

/** In-process envs for a training run: env i draws its reset noise from deriveSeed(seed, 'env', i). */
export async function createLocalVecEnv(envId: string, options: VecEnvOptions): Promise<LocalVecEnv> {
  return new LocalVecEnv(await createVecEnv(envId, options));
}
