// A float64 copy of a masked MLP with the mask folded into the weights. Every bound is computed on
// this copy so that float32 rounding of the stored weights never makes a bound smaller than the
// bound of the net as stored. Treat a converted net as immutable: convert again after changing the
// Mlp (crown.ts caches per-layer transposes).
import type { Activation, Mlp } from '@rlprune/nn';

export interface Layer64 {
  inDim: number;
  outDim: number;
  /** Effective weights W ⊙ M, row-major [outDim, inDim]. */
  w: Float64Array;
  b: Float64Array;
}

export interface Mlp64 {
  activation: Activation;
  layers: Layer64[];
}

/** Copies an Mlp to float64, folding the mask into the weights. */
export function toFloat64Mlp(mlp: Mlp): Mlp64 {
  return {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => {
      const w = new Float64Array(l.w.length);
      for (let k = 0; k < w.length; k++) w[k] = l.w[k]! * l.mask[k]!;
      return { inDim: l.inDim, outDim: l.outDim, w, b: Float64Array.from(l.b) };
    }),
  };
}

export function inputDim(net: Mlp64): number {
  return net.layers[0]!.inDim;
}

export function outputDim(net: Mlp64): number {
  return net.layers[net.layers.length - 1]!.outDim;
}

export function activate(activation: Activation, z: number): number {
  return activation === 'tanh' ? Math.tanh(z) : Math.max(0, z);
}

/** Derivative of the activation; ReLU takes 0 at the kink (any subgradient would do). */
export function activationSlope(activation: Activation, z: number): number {
  if (activation === 'relu') return z > 0 ? 1 : 0;
  const t = Math.tanh(z);
  return 1 - t * t;
}

/** y = W x + b for one layer. */
export function affine(layer: Layer64, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(layer.outDim);
  for (let o = 0; o < layer.outDim; o++) {
    let s = layer.b[o]!;
    const off = o * layer.inDim;
    for (let i = 0; i < layer.inDim; i++) s += layer.w[off + i]! * x[i]!;
    y[o] = s;
  }
  return y;
}

/** The action mean mu(x): activation after every layer except the last. */
export function forwardMean(net: Mlp64, x: ArrayLike<number>): Float64Array {
  let h: Float64Array = Float64Array.from(x);
  const last = net.layers.length - 1;
  net.layers.forEach((layer, k) => {
    h = affine(layer, h);
    if (k < last) for (let o = 0; o < h.length; o++) h[o] = activate(net.activation, h[o]!);
  });
  return h;
}
