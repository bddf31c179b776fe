// Mask algebra on the shared plain-data net: read the current masks, build new ones, write them
// back. A mask entry of 0 always comes with a weight of exactly 0, which is what keeps every norm,
// and so the surrogate Lipschitz bound, from growing.
import type { Mlp } from '@rlprune/nn';

/** Masks of a whole net: 1 keeps an entry, 0 prunes it. */
export interface NetMasks {
  /** One mask per layer, same layout as the layer's `w`. */
  weights: Float32Array[];
  /** One mask per layer's bias when biases are pruned, else null. */
  biases: Float32Array[] | null;
}

/** Copies of the net's current masks; bias masks from the caller, or all ones when not given. */
export function currentMasks(mlp: Mlp, pruneBiases: boolean, biasMasks?: Float32Array[]): NetMasks {
  return {
    weights: mlp.layers.map((layer) => Float32Array.from(layer.mask)),
    biases: pruneBiases
      ? mlp.layers.map((layer, l) => (biasMasks ? Float32Array.from(biasMasks[l]!) : new Float32Array(layer.outDim).fill(1)))
      : null,
  };
}

/** Masks that keep everything: the starting point when regrowth is allowed. */
export function fullMasks(mlp: Mlp, pruneBiases: boolean): NetMasks {
  return {
    weights: mlp.layers.map((layer) => new Float32Array(layer.w.length).fill(1)),
    biases: pruneBiases ? mlp.layers.map((layer) => new Float32Array(layer.outDim).fill(1)) : null,
  };
}

/**
 * Writes `masks` into the net. Pruned weights and biases become exactly 0; an entry that was pruned
 * before and is kept now (regrowth) restarts from 0 too, so regrowth never raises a norm either.
 */
export function applyMasks(mlp: Mlp, masks: NetMasks): void {
  mlp.layers.forEach((layer, l) => {
    const next = masks.weights[l]!;
    for (let k = 0; k < next.length; k++) {
      if (next[k] === 0 || layer.mask[k] === 0) layer.w[k] = 0;
      layer.mask[k] = next[k]!;
    }
  });
  if (masks.biases) enforceBiasMasks(mlp, masks.biases);
}

/**
 * Sets every masked weight (and, given bias masks, every masked bias) to exactly 0. The nn engine
 * keeps masked weights at zero itself; a caller that prunes biases calls this after each optimiser
 * step to keep them at zero, since the shared layer type has no bias mask.
 */
export function enforceMasks(mlp: Mlp, biasMasks?: Float32Array[]): void {
  for (const layer of mlp.layers) {
    for (let k = 0; k < layer.w.length; k++) if (layer.mask[k] === 0) layer.w[k] = 0;
  }
  if (biasMasks) enforceBiasMasks(mlp, biasMasks);
}

function enforceBiasMasks(mlp: Mlp, biasMasks: Float32Array[]): void {
  mlp.layers.forEach((layer, l) => {
    const m = biasMasks[l]!;
    for (let o = 0; o < layer.outDim; o++) if (m[o] === 0) layer.b[o] = 0;
  });
}

export function countZeros(mask: Float32Array): number {
  let n = 0;
  for (let k = 0; k < mask.length; k++) if (mask[k] === 0) n++;
  return n;
}

/**
 * Whether hidden unit h of layer l (0 <= l < L-1) is removed: its incoming row in W_l and its
 * outgoing column in W_l+1 are both fully masked. A unit with only its row masked still feeds the
 * constant act(b_h) forward, so it is not removed.
 */
export function isUnitRemoved(mlp: Mlp, weightMasks: Float32Array[], l: number, h: number): boolean {
  const { inDim } = mlp.layers[l]!;
  const rowMask = weightMasks[l]!;
  for (let i = 0; i < inDim; i++) if (rowMask[h * inDim + i] !== 0) return false;
  const next = mlp.layers[l + 1]!;
  const colMask = weightMasks[l + 1]!;
  for (let o = 0; o < next.outDim; o++) if (colMask[o * next.inDim + h] !== 0) return false;
  return true;
}

/** Removes hidden unit h of layer l in `masks`: row h of W_l, column h of W_l+1, and its bias if pruned. */
export function removeUnit(mlp: Mlp, masks: NetMasks, l: number, h: number): void {
  const { inDim } = mlp.layers[l]!;
  masks.weights[l]!.fill(0, h * inDim, (h + 1) * inDim);
  const next = mlp.layers[l + 1]!;
  const colMask = masks.weights[l + 1]!;
  for (let o = 0; o < next.outDim; o++) colMask[o * next.inDim + h] = 0;
  if (masks.biases) masks.biases[l]![h] = 0;
}
