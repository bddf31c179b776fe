// Plain-data shapes of the masked MLP actor-critic. Every library that reads or changes weights
// (pruning, certify, attacks, rl) works on these, so they stay free of engine state.

/** Hidden-layer nonlinearity; the output layer of every net is linear. */
export type Activation = 'tanh' | 'relu';

/** One dense layer y = (W ⊙ M) x + b. */
export interface DenseLayer {
  /** Input width. */
  inDim: number;
  /** Output width. */
  outDim: number;
  /** Weights, row-major [outDim, inDim]: w[o * inDim + i]. Pruned entries are exactly 0. */
  w: Float32Array;
  /** Bias, length outDim. */
  b: Float32Array;
  /** Mask, same layout as w, each entry 0 or 1. Pruned weights have mask 0 (and w 0). */
  mask: Float32Array;
}

/** Feed-forward net: activation after every layer except the last. */
export interface Mlp {
  activation: Activation;
  layers: DenseLayer[];
}

/** Running observation statistics, frozen into a policy artifact. */
export interface ObsNormalizer {
  mean: Float64Array;
  var: Float64Array;
  /** Number of samples seen (with the usual 1e-4 prior). */
  count: number;
  /** Normalised observations are clipped to [-clip, clip]. */
  clip: number;
  /** Added to var before the square root. */
  eps: number;
}

/** Separate actor and critic nets with a state-independent Gaussian log-std (the paper's PPO). */
export interface ActorCritic {
  /** obs -> action mean. */
  actor: Mlp;
  /** obs -> value (1 output). */
  critic: Mlp;
  /** Log standard deviation per action coordinate. */
  logStd: Float32Array;
}
