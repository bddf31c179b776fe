// Magnitude criterion: a weight is as important as its absolute value, a hidden unit as the L2 norm
// of its incoming row (the weights that compute it). The paper's recommended default: it removes
// what changes the output least and keeps ||Δθ|| small.
import type { LayerScores, PruningCriterion, ScoreInputs } from './criterion';

export const magnitude: PruningCriterion = {
  name: 'magnitude',

  scoreWeights({ mlp, pruneBiases }: ScoreInputs): LayerScores[] {
    return mlp.layers.map((layer) => {
      const w = new Float64Array(layer.w.length);
      // Multiplying by the mask keeps the score right even for a caller that left a pruned weight non-zero.
      for (let k = 0; k < w.length; k++) w[k] = Math.abs(layer.w[k]! * layer.mask[k]!);
      const b = pruneBiases ? Float64Array.from(layer.b, Math.abs) : null;
      return { w, b };
    });
  },

  scoreUnits({ mlp }: ScoreInputs): Float64Array[] {
    const scores: Float64Array[] = [];
    for (let l = 0; l < mlp.layers.length - 1; l++) {
      const { inDim, outDim, w, mask } = mlp.layers[l]!;
      const units = new Float64Array(outDim);
      for (let h = 0; h < outDim; h++) {
        let sq = 0;
        for (let i = 0; i < inDim; i++) sq += (w[h * inDim + i]! * mask[h * inDim + i]!) ** 2;
        units[h] = Math.sqrt(sq);
      }
      scores.push(units);
    }
    return scores;
  },
};
