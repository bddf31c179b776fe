// How sparse a net is, per weight matrix and overall, in the shape of the proto's LayerSparsity.
import type { Mlp } from '@rlprune/nn';
import { countZeros, isUnitRemoved } from './masks';

export interface LayerSparsityReport {
  /** Net and layer index, e.g. "actor.0". */
  layer: string;
  /** Weights in the matrix. */
  total: number;
  /** Weights held at zero by the mask. */
  pruned: number;
  /** pruned / total. */
  sparsity: number;
  /** Biases of the layer and how many are pruned, when biases are pruned; else null. */
  bias: { total: number; pruned: number } | null;
}

export interface UnitSparsityReport {
  /** Net and layer index of the hidden layer, e.g. "actor.0". */
  layer: string;
  /** Units of the hidden layer. */
  total: number;
  /** Units removed (incoming row and outgoing column fully masked). */
  removed: number;
}

export interface SparsityReport {
  perLayer: LayerSparsityReport[];
  /** Fraction of prunable entries at zero: all weights, plus all biases when `biasMasks` are given. */
  sparsity: number;
  /** Removed units per hidden layer. */
  units: UnitSparsityReport[];
}

/** Sparsity of a net as its masks say; pass `biasMasks` when biases are pruned. */
export function sparsityReport(mlp: Mlp, name = 'net', biasMasks?: Float32Array[] | null): SparsityReport {
  let total = 0;
  let pruned = 0;
  const perLayer = mlp.layers.map((layer, l): LayerSparsityReport => {
    const zeros = countZeros(layer.mask);
    total += layer.mask.length;
    pruned += zeros;
    let bias: LayerSparsityReport['bias'] = null;
    if (biasMasks) {
      bias = { total: layer.outDim, pruned: countZeros(biasMasks[l]!) };
      total += bias.total;
      pruned += bias.pruned;
    }
    return { layer: `${name}.${l}`, total: layer.mask.length, pruned: zeros, sparsity: zeros / layer.mask.length, bias };
  });
  const masks = mlp.layers.map((layer) => layer.mask);
  const units: UnitSparsityReport[] = [];
  for (let l = 0; l < mlp.layers.length - 1; l++) {
    const n = mlp.layers[l]!.outDim;
    let removed = 0;
    for (let h = 0; h < n; h++) if (isUnitRemoved(mlp, masks, l, h)) removed++;
    units.push({ layer: `${name}.${l}`, total: n, removed });
  }
  return { perLayer, sparsity: total === 0 ? 0 : pruned / total, units };
}
