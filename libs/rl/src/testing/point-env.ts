// A tiny deterministic VecEnvLike for fast tests of the trainer: a unit point mass on a line pushed
// by the action, rewarded for staying near 0, terminated when it leaves [-2, 2] and truncated after
// `maxSteps`. Optionally its reward turns NaN from a given step on, to exercise the NaN abort.
import { Rng } from '@rlprune/random';
import type { VecEnvLike, VecStep } from '../vec-env-like';

export interface PointEnvOptions {
  numEnvs: number;
  seed: number;
  /** Steps after which an episode is truncated. Default 25. */
  maxSteps?: number;
  /** From this (1-based) step of the whole run on, every reward is NaN. Default never. */
  nanFromStep?: number;
}

export class PointEnv implements VecEnvLike {
  readonly numEnvs: number;
  readonly obsDim = 2;
  readonly actDim = 1;
  private readonly x: Float64Array;
  private readonly v: Float64Array;
  private readonly t: Uint32Array;
  private readonly ret: Float64Array;
  private readonly rng: Rng;
  private readonly maxSteps: number;
  private stepsTaken = 0;

  constructor(private readonly options: PointEnvOptions) {
    this.numEnvs = options.numEnvs;
    this.x = new Float64Array(this.numEnvs);
    this.v = new Float64Array(this.numEnvs);
    this.t = new Uint32Array(this.numEnvs);
    this.ret = new Float64Array(this.numEnvs);
    this.rng = new Rng(options.seed);
    this.maxSteps = options.maxSteps ?? 25;
  }

  reset(): Promise<Float32Array> {
    for (let i = 0; i < this.numEnvs; i++) this.resetOne(i);
    return Promise.resolve(this.observe());
  }

  step(actions: Float32Array): Promise<VecStep> {
    this.stepsTaken++;
    const n = this.numEnvs;
    const out: VecStep = {
      obs: new Float32Array(n * 2), rewards: new Float32Array(n), terminated: new Uint8Array(n), truncated: new Uint8Array(n),
      finalObs: new Float32Array(n * 2), episodeReturns: new Float32Array(n), episodeLengths: new Uint32Array(n),
    };
    for (let i = 0; i < n; i++) {
      const a = Math.max(-1, Math.min(1, actions[i]!));
      this.v[i] = 0.9 * this.v[i]! + 0.1 * a;
      this.x[i] = this.x[i]! + 0.1 * this.v[i]!;
      this.t[i] = this.t[i]! + 1;
      const nan = this.options.nanFromStep !== undefined && this.stepsTaken >= this.options.nanFromStep;
      const reward = nan ? NaN : 1 - this.x[i]! * this.x[i]!;
      out.rewards[i] = reward;
      this.ret[i] = this.ret[i]! + reward;
      const terminated = Math.abs(this.x[i]!) > 2;
      const truncated = this.t[i]! >= this.maxSteps;
      out.terminated[i] = terminated ? 1 : 0;
      out.truncated[i] = truncated ? 1 : 0;
      if (terminated || truncated) {
        out.finalObs[2 * i] = this.x[i]!;
        out.finalObs[2 * i + 1] = this.v[i]!;
        out.episodeReturns[i] = this.ret[i]!;
        out.episodeLengths[i] = this.t[i]!;
        this.resetOne(i);
      }
    }
    out.obs.set(this.observe());
    return Promise.resolve(out);
  }

  private resetOne(i: number): void {
    this.x[i] = this.rng.range(-0.5, 0.5);
    this.v[i] = 0;
    this.t[i] = 0;
    this.ret[i] = 0;
  }

  private observe(): Float32Array {
    const obs = new Float32Array(this.numEnvs * 2);
    for (let i = 0; i < this.numEnvs; i++) {
      obs[2 * i] = this.x[i]!;
      obs[2 * i + 1] = this.v[i]!;
    }
    return obs;
  }
}
