// Saliency criterion: the first-order Taylor estimate of how much the loss changes when a weight is
// set to zero, |w * dL/dw|. The gradients come from the caller: the trainer passes its PPO-loss
// gradients, the pruner service those of the policy's log-likelihood on a batch of states. A hidden
// unit scores the summed saliency of every weight its removal zeroes: its incoming row in W_l and
// its outgoing column in W_l+1.
import { InvalidArgumentError } from '@rlprune/errors';
import type { LayerScores, PruningCriterion, ScoreInputs } from './criterion';

function requireGradients(gradients: Float32Array[] | undefined, field: string): Float32Array[] {
  if (gradients === undefined) {
    throw new InvalidArgumentError(field, 'one gradient array per layer (saliency needs them)', 'nothing');
  }
  return gradients;
}

export const saliency: PruningCriterion = {
  name: 'saliency',

  scoreWeights({ mlp, gradients, biasGradients, pruneBiases }: ScoreInputs): LayerScores[] {
    const gw = requireGradients(gradients, 'gradients');
    const gb = pruneBiases ? requireGradients(biasGradients, 'biasGradients') : null;
    return mlp.layers.map((layer, l) => {
      const g = gw[l]!;
      const w = new Float64Array(layer.w.length);
      for (let k = 0; k < w.length; k++) w[k] = Math.abs(layer.w[k]! * layer.mask[k]! * g[k]!);
      let b: Float64Array | null = null;
      if (gb) {
        const g1 = gb[l]!;
        b = Float64Array.from(layer.b, (v, o) => Math.abs(v * g1[o]!));
      }
      return { w, b };
    });
  },

  scoreUnits({ mlp, gradients }: ScoreInputs): Float64Array[] {
    const gw = requireGradients(gradients, 'gradients');
    const scores: Float64Array[] = [];
    for (let l = 0; l < mlp.layers.length - 1; l++) {
      const into = mlp.layers[l]!;
      const out = mlp.layers[l + 1]!;
      const gIn = gw[l]!;
      const gOut = gw[l + 1]!;
      const units = new Float64Array(into.outDim);
      for (let h = 0; h < into.outDim; h++) {
        let s = 0;
        for (let i = 0; i < into.inDim; i++) {
          const k = h * into.inDim + i;
          s += Math.abs(into.w[k]! * into.mask[k]! * gIn[k]!);
        }
        for (let o = 0; o < out.outDim; o++) {
          const k = o * out.inDim + h;
          s += Math.abs(out.w[k]! * out.mask[k]! * gOut[k]!);
        }
        units[h] = s;
      }
      scores.push(units);
    }
    return scores;
  },
};
