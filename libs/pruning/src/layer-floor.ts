// What global-scope unstructured pruning always leaves in every layer. One global ranking can empty a
// whole layer: PPO's actor head starts at gain 0.01, so magnitude pruning at 80% over a Hopper actor
// removed all 192 output weights, leaving a constant policy (issue 15, item 6). The floor keeps, in
// every layer, the `minPerUnit` highest-scoring incoming weights of each output unit ("a unit's last
// connection survives") and at least ceil(minFraction * weights) of the layer (its highest-scoring
// weights). Since every unit of every layer keeps an incoming weight, every output is connected to
// the input by a path of kept weights. The rest is ranked globally as before, so the requested
// sparsity is met exactly whenever the unprotected entries suffice; when they do not, every
// unprotected entry is pruned and the result's floorLimit says so, with the sparsity reached (a
// training run keeps going rather than failing at its last mask update).
//
// Layer scope needs no floor: it keeps (1 - sparsity) of each layer. Structured pruning never
// removes an output unit and keeps at least one unit of every hidden layer with all its remaining
// connections, so it cannot empty a layer either. Entries pruned by an earlier call stay pruned (masks
// only shrink): the floor protects what is still alive.
import { InvalidArgumentError, show } from '@rlprune/errors';

export interface LayerFloor {
  /** Incoming weights every output unit of a layer keeps, its highest-scoring ones (0 = no per-unit floor). Default 1. */
  minPerUnit: number;
  /** Fraction of each layer's weights kept at least, rounded up (0 = none). Default 0.01. */
  minFraction: number;
}

export const DEFAULT_LAYER_FLOOR: Readonly<LayerFloor> = Object.freeze({ minPerUnit: 1, minFraction: 0.01 });

/** No floor: the plain global ranking, which can empty a layer. */
export const NO_LAYER_FLOOR: Readonly<LayerFloor> = Object.freeze({ minPerUnit: 0, minFraction: 0 });

export function requireLayerFloor(value: unknown, field = 'layerFloor'): LayerFloor {
  if (value === null || typeof value !== 'object') throw new InvalidArgumentError(field, '{ minPerUnit, minFraction }', show(value));
  const { minPerUnit, minFraction } = value as Partial<LayerFloor>;
  if (typeof minPerUnit !== 'number' || !Number.isSafeInteger(minPerUnit) || minPerUnit < 0) {
    throw new InvalidArgumentError(`${field}.minPerUnit`, 'an integer >= 0', show(minPerUnit));
  }
  if (typeof minFraction !== 'number' || !Number.isFinite(minFraction) || minFraction < 0 || minFraction > 1) {
    throw new InvalidArgumentError(`${field}.minFraction`, 'a number in [0, 1]', show(minFraction));
  }
  return { minPerUnit, minFraction };
}

/**
 * The weights of one layer the floor keeps (1) among the alive ones: per output unit (row of the
 * row-major [outDim, inDim] matrix) its `minPerUnit` best, then the layer's best until
 * ceil(minFraction * n) are kept. Higher score = more important; ties go to the lower index.
 */
export function protectedWeights(scores: ArrayLike<number>, alive: ArrayLike<number>, outDim: number, inDim: number, floor: LayerFloor): Uint8Array {
  const n = outDim * inDim;
  const keep = new Uint8Array(n);
  const best = (indices: number[]) => indices.filter((k) => alive[k] === 1 && keep[k] === 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (let o = 0; o < outDim; o++) {
    const row = best(Array.from({ length: inDim }, (_, i) => o * inDim + i));
    for (const k of row.slice(0, floor.minPerUnit)) keep[k] = 1;
  }
  let kept = keep.reduce((s, v) => s + v, 0);
  const minimum = Math.ceil(floor.minFraction * n - 1e-9);
  if (kept < minimum) {
    for (const k of best(Array.from({ length: n }, (_, i) => i))) {
      if (kept >= minimum) break;
      keep[k] = 1;
      kept++;
    }
  }
  return keep;
}
