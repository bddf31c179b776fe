// The engine interface every consumer codes against (PPO, attacks, SA regulariser, certification),
// and its implementation over a kernel set (native addon or portable TypeScript).
import { check, InvalidArgumentError } from '@rlprune/errors';
import { ACT_RELU, ACT_TANH, type ActivationCode, type Kernels } from './kernels/kernels';
import { defaultKernels, kernelsByName } from './kernels/select-kernels';
import { mlpDims } from './mlp';
import type { Mlp } from './types';
import { checkBatch } from './validate';

export type EngineName = 'native' | 'js' | 'tfjs';

/** Activations of one forward pass, kept for the backward pass. x must not change in between. */
export interface ForwardPass {
  readonly batch: number;
  /** The input, [batch, inDim]. */
  readonly x: Float32Array;
  /** Outputs of every layer; the last is the net output [batch, outDim]. */
  readonly outs: Float32Array[];
  /** The net output, [batch, outDim] (same array as the last of outs). */
  readonly output: Float32Array;
}

export interface BackwardOptions {
  /** Add to grads instead of overwriting them (e.g. PPO loss + SA term on the same net). Default false. */
  accumulate?: boolean;
  /** Also return d loss / d input: true allocates it, an array of [batch, inDim] is filled. Default false. */
  inputGrad?: boolean | Float32Array;
}

export interface MlpEngine {
  readonly name: EngineName;
  /** Inference: the net output [batch, outDim] (into out when given). */
  predict(mlp: Mlp, x: Float32Array, batch: number, out?: Float32Array): Float32Array;
  /** Forward pass that keeps activations; pass a previous ForwardPass of the same shape to reuse its buffers. */
  forward(mlp: Mlp, x: Float32Array, batch: number, reuse?: ForwardPass): ForwardPass;
  /**
   * Backward from gradOutput (d loss / d output, [batch, outDim]) to the parameter gradients grads
   * (ordered like mlpParams: [gw0, gb0, gw1, gb1, ...]; weight gradients are masked) and, when asked,
   * the input gradient, which is returned (else null).
   */
  backward(mlp: Mlp, pass: ForwardPass, gradOutput: Float32Array, grads: Float32Array[], options?: BackwardOptions): Float32Array | null;
}

export function activationCode(mlp: Mlp): ActivationCode {
  return mlp.activation === 'relu' ? ACT_RELU : ACT_TANH;
}

export function checkGrads(mlp: Mlp, grads: Float32Array[]): void {
  if (grads.length !== 2 * mlp.layers.length) {
    throw new InvalidArgumentError('grads', `${2 * mlp.layers.length} arrays [gw0, gb0, ...]`, `${grads.length} arrays`);
  }
  mlp.layers.forEach((layer, l) => {
    if (grads[2 * l]?.length !== layer.w.length) {
      throw new InvalidArgumentError(`grads[${2 * l}]`, `${layer.w.length} values`, `${grads[2 * l]?.length} values`);
    }
    if (grads[2 * l + 1]?.length !== layer.b.length) {
      throw new InvalidArgumentError(`grads[${2 * l + 1}]`, `${layer.b.length} values`, `${grads[2 * l + 1]?.length} values`);
    }
  });
}

/** Engine over native or js kernels; weights are read in place from the Mlp's arrays. */
export class KernelEngine implements MlpEngine {
  readonly name: EngineName;
  private readonly scratch = new Map<string, Float32Array[]>();

  constructor(readonly kernels: Kernels) {
    this.name = kernels.name;
  }

  predict(mlp: Mlp, x: Float32Array, batch: number, out?: Float32Array): Float32Array {
    check.mlpShape('mlp', mlp);
    const dims = mlpDims(mlp);
    checkBatch('x', x, batch, dims[0]!);
    const outDim = dims[dims.length - 1]!;
    const result = out ?? new Float32Array(batch * outDim);
    checkBatch('out', result, batch, outDim);
    const key = `${dims.join(',')}:${batch}`;
    let hidden = this.scratch.get(key);
    if (!hidden) {
      if (this.scratch.size > 32) this.scratch.clear();
      hidden = mlp.layers.slice(0, -1).map((l) => new Float32Array(batch * l.outDim));
      this.scratch.set(key, hidden);
    }
    const ws = mlp.layers.map((l) => l.w);
    const bs = mlp.layers.map((l) => l.b);
    this.kernels.forward(ws, bs, dims, activationCode(mlp), x, batch, [...hidden, result]);
    return result;
  }

  forward(mlp: Mlp, x: Float32Array, batch: number, reuse?: ForwardPass): ForwardPass {
    check.mlpShape('mlp', mlp);
    const dims = mlpDims(mlp);
    checkBatch('x', x, batch, dims[0]!);
    const fits = reuse && reuse.batch === batch && reuse.outs.length === mlp.layers.length &&
      reuse.outs.every((o, l) => o.length === batch * mlp.layers[l]!.outDim);
    const outs = fits ? reuse.outs : mlp.layers.map((l) => new Float32Array(batch * l.outDim));
    const ws = mlp.layers.map((l) => l.w);
    const bs = mlp.layers.map((l) => l.b);
    this.kernels.forward(ws, bs, dims, activationCode(mlp), x, batch, outs);
    return { batch, x, outs, output: outs[outs.length - 1]! };
  }

  backward(mlp: Mlp, pass: ForwardPass, gradOutput: Float32Array, grads: Float32Array[], options: BackwardOptions = {}): Float32Array | null {
    check.mlpShape('mlp', mlp);
    const dims = mlpDims(mlp);
    const batch = pass.batch;
    checkBatch('gradOutput', gradOutput, batch, dims[dims.length - 1]!);
    checkBatch('pass.x', pass.x, batch, dims[0]!);
    checkGrads(mlp, grads);
    let gx: Float32Array | null = null;
    if (options.inputGrad instanceof Float32Array) {
      checkBatch('inputGrad', options.inputGrad, batch, dims[0]!);
      gx = options.inputGrad;
    } else if (options.inputGrad) {
      gx = new Float32Array(batch * dims[0]!);
    }
    const gws = grads.filter((_, i) => i % 2 === 0);
    const gbs = grads.filter((_, i) => i % 2 === 1);
    this.kernels.backward(
      mlp.layers.map((l) => l.w), mlp.layers.map((l) => l.mask), dims, activationCode(mlp),
      pass.x, batch, pass.outs, gradOutput, gws, gbs, gx, options.accumulate ?? false,
    );
    return gx;
  }
}

/** Engine over named kernels ('native' | 'js'), or the process default (see RLPRUNE_KERNELS). */
export function createKernelEngine(name?: 'native' | 'js'): KernelEngine {
  return new KernelEngine(name ? kernelsByName(name) : defaultKernels());
}
