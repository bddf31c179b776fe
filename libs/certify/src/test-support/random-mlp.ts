// Random nets and states for tests and benchmarks (not part of the public API).
import type { Activation, Mlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';

/** Gaussian weights with std gain / sqrt(inDim) and small random biases; every mask 1. */
export function randomMlp(seed: number | string, sizes: number[], activation: Activation = 'tanh', gain = 1.5): Mlp {
  const rng = new Rng(seed);
  const layers = sizes.slice(1).map((outDim, k) => {
    const inDim = sizes[k]!;
    const w = new Float32Array(inDim * outDim).map(() => (rng.normal() * gain) / Math.sqrt(inDim));
    const b = new Float32Array(outDim).map(() => 0.1 * rng.normal());
    return { inDim, outDim, w, b, mask: new Float32Array(inDim * outDim).fill(1) };
  });
  return { activation, layers };
}

export function randomStates(seed: number | string, count: number, dim: number, scale = 1): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: dim }, () => scale * rng.normal()));
}

/** Zeroes the weights whose score is lowest, `count` of them, in mask and weights alike. */
export function pruneLowest(mlp: Mlp, scores: number[][], count: number): Mlp {
  const flat: { k: number; i: number; s: number }[] = [];
  mlp.layers.forEach((l, k) => l.w.forEach((_, i) => flat.push({ k, i, s: scores[k]![i]! })));
  flat.sort((a, b) => a.s - b.s);
  const out: Mlp = {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => ({ ...l, w: Float32Array.from(l.w), mask: Float32Array.from(l.mask), b: Float32Array.from(l.b) })),
  };
  for (const { k, i } of flat.slice(0, count)) {
    out.layers[k]!.w[i] = 0;
    out.layers[k]!.mask[i] = 0;
  }
  return out;
}
