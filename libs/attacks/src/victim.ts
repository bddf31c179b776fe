// The fixed victim seen by the gradient attacks: action means and values of normalised observations,
// and input gradients of functions of them (backprop through libs/nn's engine).
import { createGrads, createKernelEngine, type MlpEngine, type Mlp, type PolicyArtifact } from '@rlprune/nn';
import type { Rng } from '@rlprune/random';
import { InvalidArgumentError } from '@rlprune/errors';

let defaultEngine: MlpEngine | null = null;

/** libs/nn's kernel engine, built once per process. */
export function sharedEngine(): MlpEngine {
  defaultEngine ??= createKernelEngine();
  return defaultEngine;
}

/** Input gradient of sum_n g_n . f(x_n) for one net, with reusable parameter-gradient scratch. */
export class NetGradient {
  private readonly scratch: Float32Array[];

  constructor(readonly mlp: Mlp, readonly engine: MlpEngine) {
    this.scratch = createGrads(mlp);
  }

  get inDim(): number {
    return this.mlp.layers[0]!.inDim;
  }

  get outDim(): number {
    return this.mlp.layers[this.mlp.layers.length - 1]!.outDim;
  }

  predict(x: Float32Array, n: number): Float32Array {
    return this.engine.predict(this.mlp, x, n);
  }

  /**
   * Runs the net on x, asks `upstream` for d objective / d output given the output, and returns the
   * output with d objective / d x.
   */
  gradient(x: Float32Array, n: number, upstream: (output: Float32Array) => Float32Array): { output: Float32Array; grad: Float32Array } {
    const pass = this.engine.forward(this.mlp, x, n);
    const output = pass.output.slice();
    const grad = this.engine.backward(this.mlp, pass, upstream(output), this.scratch, { inputGrad: true })!;
    return { output, grad };
  }
}

export class Victim {
  readonly obsDim: number;
  readonly actDim: number;
  readonly actor: NetGradient;
  readonly critic: NetGradient;
  /** sigma_j / mean(sigma): the per-coordinate scale of MAD's action difference (mean 1). */
  readonly sigmaTilde: Float64Array;

  constructor(readonly policy: PolicyArtifact, engine: MlpEngine = sharedEngine()) {
    const model = policy?.model;
    if (!model?.actor?.layers?.length || !model.critic?.layers?.length || !(model.logStd instanceof Float32Array)) {
      throw new InvalidArgumentError('policy', 'a decoded policy artifact with actor, critic and logStd', String(policy));
    }
    this.actor = new NetGradient(model.actor, engine);
    this.critic = new NetGradient(model.critic, engine);
    this.obsDim = this.actor.inDim;
    this.actDim = this.actor.outDim;
    const sigma = Array.from(model.logStd, (l) => Math.exp(l));
    const mean = sigma.reduce((a, b) => a + b, 0) / sigma.length;
    this.sigmaTilde = Float64Array.from(sigma, (s) => s / mean);
  }

  actionMean(x: Float32Array, n: number): Float32Array {
    return this.actor.predict(x, n);
  }

  /**
   * d/dx of sum_n sum_j ((mu_j(x_n) - ref_nj) / sigmaTilde_j)^2 (MAD's action difference), scaled by
   * `scale`, with the action means at x.
   */
  actionChangeGradient(x: Float32Array, n: number, ref: Float32Array, scale = 1): { mean: Float32Array; grad: Float32Array } {
    const d = this.actDim;
    const { output, grad } = this.actor.gradient(x, n, (mean) => {
      const g = new Float32Array(mean.length);
      for (let i = 0; i < mean.length; i++) {
        const s = this.sigmaTilde[i % d]!;
        g[i] = (scale * 2 * (mean[i]! - ref[i]!)) / (s * s);
      }
      return g;
    });
    return { mean: output, grad };
  }

  /** Actions at normalised observations: the mean, plus sigma * N(0, 1) noise unless deterministic. */
  act(x: Float32Array, n: number, rng: Rng, deterministic: boolean): Float32Array {
    const mean = this.actionMean(x, n);
    if (deterministic) return mean;
    const logStd = this.policy.model.logStd;
    for (let i = 0; i < mean.length; i++) mean[i] = mean[i]! + Math.exp(logStd[i % this.actDim]!) * rng.normal();
    return mean;
  }

  /** sum_j ((a_j - b_j) / sigmaTilde_j)^2 per row. */
  actionChange(a: Float32Array, b: Float32Array, n: number): Float64Array {
    const d = this.actDim;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < d; j++) {
        const z = (a[r * d + j]! - b[r * d + j]!) / this.sigmaTilde[j]!;
        out[r] = out[r]! + z * z;
      }
    }
    return out;
  }
}
