// Norms of one weight matrix, the building blocks of every global bound. Computed in float64 so a
// bound is never made smaller by float32 rounding.
import type { DenseLayer, Mlp } from '@rlprune/nn';

export interface LayerNorms {
  /** ||W||_F */
  frobenius: number;
  /** Induced 1-norm: largest column abs-sum. */
  one: number;
  /** Induced inf-norm: largest row abs-sum. */
  inf: number;
  /** Largest singular value, by power iteration. */
  spectral: number;
}

/** Effective weights W ⊙ M (pruned weights are zero already; the mask makes that explicit). */
function effective(layer: DenseLayer, o: number, i: number): number {
  const k = o * layer.inDim + i;
  return layer.w[k]! * layer.mask[k]!;
}

export function frobeniusNorm(layer: DenseLayer): number {
  let s = 0;
  for (let o = 0; o < layer.outDim; o++)
    for (let i = 0; i < layer.inDim; i++) s += effective(layer, o, i) ** 2;
  return Math.sqrt(s);
}

export function induced1Norm(layer: DenseLayer): number {
  let best = 0;
  for (let i = 0; i < layer.inDim; i++) {
    let s = 0;
    for (let o = 0; o < layer.outDim; o++) s += Math.abs(effective(layer, o, i));
    best = Math.max(best, s);
  }
  return best;
}

export function inducedInfNorm(layer: DenseLayer): number {
  let best = 0;
  for (let o = 0; o < layer.outDim; o++) {
    let s = 0;
    for (let i = 0; i < layer.inDim; i++) s += Math.abs(effective(layer, o, i));
    best = Math.max(best, s);
  }
  return best;
}

/**
 * Largest singular value by power iteration on W^T W from a fixed start vector, so the result is
 * deterministic. Stops when the estimate changes by less than `tol` (relative).
 */
export function spectralNorm(layer: DenseLayer, maxIter = 500, tol = 1e-10): number {
  const { inDim, outDim } = layer;
  let v = new Float64Array(inDim).fill(1 / Math.sqrt(inDim));
  const u = new Float64Array(outDim);
  let sigma = 0;
  for (let it = 0; it < maxIter; it++) {
    for (let o = 0; o < outDim; o++) {
      let s = 0;
      for (let i = 0; i < inDim; i++) s += effective(layer, o, i) * v[i]!;
      u[o] = s;
    }
    const next = new Float64Array(inDim);
    for (let o = 0; o < outDim; o++)
      for (let i = 0; i < inDim; i++) next[i]! += effective(layer, o, i) * u[o]!;
    let n = 0;
    for (let i = 0; i < inDim; i++) n += next[i]! ** 2;
    n = Math.sqrt(n);
    if (n === 0) return 0;
    const est = Math.sqrt(n);
    for (let i = 0; i < inDim; i++) next[i]! /= n;
    v = next;
    if (Math.abs(est - sigma) <= tol * est) return est;
    sigma = est;
  }
  return sigma;
}

export function layerNorms(layer: DenseLayer): LayerNorms {
  return {
    frobenius: frobeniusNorm(layer),
    one: induced1Norm(layer),
    inf: inducedInfNorm(layer),
    spectral: spectralNorm(layer),
  };
}

/**
 * The paper's surrogate Lipschitz bound prod_l min(||W_l||_F, sqrt(||W_l||_1 ||W_l||_inf)); valid for
 * 1-Lipschitz activations and monotone under zeroing weights (both norms can only shrink).
 */
export function surrogateLipschitz(mlp: Mlp): number {
  let p = 1;
  for (const layer of mlp.layers) {
    p *= Math.min(frobeniusNorm(layer), Math.sqrt(induced1Norm(layer) * inducedInfNorm(layer)));
  }
  return p;
}

/** prod_l ||W_l||_2: tighter than the surrogate, but not monotone under pruning. */
export function spectralProduct(mlp: Mlp): number {
  let p = 1;
  for (const layer of mlp.layers) p *= spectralNorm(layer);
  return p;
}
