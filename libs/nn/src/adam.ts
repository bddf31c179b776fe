// Adam (Kingma & Ba 2015) with bias correction, in PyTorch's arrangement of eps, over a ParamSet.
// Masked weights and both of their moments are held at exactly zero on every step, so a pruned
// weight cannot regrow and carries no stale momentum if it is ever unpruned.
import { InvalidArgumentError } from '@rlprune/errors';
import type { Kernels } from './kernels/kernels';
import { defaultKernels } from './kernels/select-kernels';
import type { ParamSet } from './mlp';

export interface AdamOptions {
  /** Learning rate; step() can override it per call (linear annealing). Default 3e-4 (PPO's). */
  lr: number;
  /** First-moment decay. Default 0.9. */
  beta1: number;
  /** Second-moment decay. Default 0.999. */
  beta2: number;
  /** Added to the bias-corrected RMS; CleanRL's PPO uses 1e-5. Default 1e-8 (the paper's). */
  eps: number;
}

export const DEFAULT_ADAM: AdamOptions = { lr: 3e-4, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Serialisable optimiser state (for checkpoints). */
export interface AdamState {
  step: number;
  m: Float32Array[];
  v: Float32Array[];
}

export class Adam {
  readonly options: AdamOptions;
  private t = 0;
  private m: Float32Array[] = [];
  private v: Float32Array[] = [];
  private readonly hyper = new Float32Array(7);

  constructor(options: Partial<AdamOptions> = {}, private readonly kernels: Kernels = defaultKernels()) {
    this.options = { ...DEFAULT_ADAM, ...options };
    for (const key of ['lr', 'eps'] as const) {
      if (!(this.options[key] >= 0)) throw new InvalidArgumentError(key, 'a number >= 0', String(this.options[key]));
    }
    for (const key of ['beta1', 'beta2'] as const) {
      const b = this.options[key];
      if (!(b >= 0 && b < 1)) throw new InvalidArgumentError(key, 'a number in [0, 1)', String(b));
    }
  }

  /** Steps taken so far. */
  get step(): number {
    return this.t;
  }

  /**
   * One update of params from grads (same order and lengths). gradScale multiplies every gradient
   * first (the factor clipGradNorm returns); lr overrides options.lr for this step.
   */
  update(params: ParamSet, grads: Float32Array[], lr = this.options.lr, gradScale = 1): void {
    this.ensureState(params, grads);
    this.t += 1;
    const { beta1, beta2, eps } = this.options;
    this.hyper.set([lr, beta1, beta2, eps, 1 - beta1 ** this.t, 1 - beta2 ** this.t, gradScale]);
    this.kernels.adam(params.values, grads, params.masks, this.m, this.v, this.hyper);
  }

  /** Zeroes the moments of masked entries now (the next update would too); call after a mask change. */
  applyMasks(params: ParamSet): void {
    if (this.m.length !== params.values.length) return;
    params.masks.forEach((mask, t) => {
      if (!mask) return;
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] === 0) {
          this.m[t]![i] = 0;
          this.v[t]![i] = 0;
        }
      }
    });
  }

  getState(): AdamState {
    return { step: this.t, m: this.m.map((a) => a.slice()), v: this.v.map((a) => a.slice()) };
  }

  setState(state: AdamState): void {
    if (state.m.length !== state.v.length) {
      throw new InvalidArgumentError('state.v', `${state.m.length} arrays (as many as state.m)`, `${state.v.length}`);
    }
    this.t = state.step;
    this.m = state.m.map((a) => a.slice());
    this.v = state.v.map((a) => a.slice());
  }

  private ensureState(params: ParamSet, grads: Float32Array[]): void {
    if (grads.length !== params.values.length) {
      throw new InvalidArgumentError('grads', `${params.values.length} arrays`, `${grads.length} arrays`);
    }
    params.values.forEach((p, i) => {
      if (grads[i]!.length !== p.length) throw new InvalidArgumentError(`grads[${i}]`, `${p.length} values`, `${grads[i]!.length} values`);
    });
    const fresh = this.m.length !== params.values.length || this.m.some((m, i) => m.length !== params.values[i]!.length);
    if (fresh) {
      if (this.m.length > 0) {
        throw new InvalidArgumentError('params', `the ${this.m.length} tensors this optimiser was built for`, `${params.values.length} tensors of other shapes`);
      }
      this.m = params.values.map((p) => new Float32Array(p.length));
      this.v = params.values.map((p) => new Float32Array(p.length));
    }
  }
}
