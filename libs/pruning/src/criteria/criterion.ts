// The contract every pruning criterion fulfils: a score per weight and a score per hidden unit,
// where a lower score means "less important, prune first". Selection and masking are shared.
import type { Mlp } from '@rlprune/nn';
import type { Criterion, Seed } from '../options';

export interface ScoreInputs {
  mlp: Mlp;
  /** dL/dW per layer (saliency only). */
  gradients: Float32Array[] | undefined;
  /** dL/db per layer (saliency on biases only). */
  biasGradients: Float32Array[] | undefined;
  /** Also score the biases. */
  pruneBiases: boolean;
  /** Seed of the random criterion. */
  seed: Seed;
}

/** Scores of one layer's prunable entries. */
export interface LayerScores {
  /** One score per weight, same row-major layout as `w`. */
  w: Float64Array;
  /** One score per bias when biases are pruned, else null. */
  b: Float64Array | null;
}

export interface PruningCriterion {
  readonly name: Criterion;
  /** Score of every weight (and bias, when pruned) of every layer. */
  scoreWeights(inputs: ScoreInputs): LayerScores[];
  /** Score of every hidden unit: one array per hidden layer (layers 0 .. L-2), indexed by unit. */
  scoreUnits(inputs: ScoreInputs): Float64Array[];
}
