// Random nets for the tests: random widths, Gaussian weights, some weights already exactly zero and
// some already pruned, so the properties are checked on nets that look like mid-training ones.
import type { ActorCritic, DenseLayer, Mlp } from '@rlprune/nn';
import type { Rng } from '@rlprune/random';

export interface RandomNetShape {
  /** Widths from the input to the output, e.g. [11, 64, 64, 3]. */
  dims: number[];
  /** Chance that a weight is exactly 0 but not pruned. */
  zeroFraction?: number;
  /** Chance that a weight is already pruned (mask 0, weight 0). */
  prunedFraction?: number;
}

export function randomLayer(rng: Rng, inDim: number, outDim: number, zeroFraction = 0, prunedFraction = 0): DenseLayer {
  const n = inDim * outDim;
  const w = new Float32Array(n);
  const mask = new Float32Array(n).fill(1);
  for (let k = 0; k < n; k++) {
    const u = rng.uniform();
    if (u < prunedFraction) mask[k] = 0;
    else if (u >= prunedFraction + zeroFraction) w[k] = rng.normal() / Math.sqrt(inDim);
  }
  const b = Float32Array.from({ length: outDim }, () => 0.1 * rng.normal());
  return { inDim, outDim, w, b, mask };
}

export function randomMlp(rng: Rng, shape: RandomNetShape): Mlp {
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < shape.dims.length; l++) {
    layers.push(randomLayer(rng, shape.dims[l]!, shape.dims[l + 1]!, shape.zeroFraction, shape.prunedFraction));
  }
  return { activation: rng.uniform() < 0.5 ? 'tanh' : 'relu', layers };
}

/** Widths of a net with 1 to 4 layers, each width in [1, 20]. */
export function randomDims(rng: Rng): number[] {
  const layers = 1 + rng.int(4);
  return Array.from({ length: layers + 1 }, () => 1 + rng.int(20));
}

/** One array of standard normals per layer, shaped like the layer's weights (or biases). */
export function randomGradients(rng: Rng, mlp: Mlp, of: 'w' | 'b' = 'w'): Float32Array[] {
  return mlp.layers.map((layer) => Float32Array.from({ length: layer[of].length }, () => rng.normal()));
}

export function cloneMlp(mlp: Mlp): Mlp {
  return {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => ({ ...l, w: l.w.slice(), b: l.b.slice(), mask: l.mask.slice() })),
  };
}

export function randomActorCritic(rng: Rng, obsDim: number, actDim: number, hidden: number[]): ActorCritic {
  return {
    actor: randomMlp(rng, { dims: [obsDim, ...hidden, actDim] }),
    critic: randomMlp(rng, { dims: [obsDim, ...hidden, 1] }),
    logStd: new Float32Array(actDim),
  };
}
