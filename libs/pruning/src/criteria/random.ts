// Random criterion: every weight or unit gets an independent uniform score from a seeded stream,
// the baseline the paper compares against. Each layer draws from its own derived seed, so a layer's
// scores do not depend on the sizes of the others, and the same seed always gives the same ranking
// (which also makes successive micro-pruning steps nested).
import { Rng, deriveSeed } from '@rlprune/random';
import type { LayerScores, PruningCriterion, ScoreInputs } from './criterion';

function uniforms(length: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = rng.uniform();
  return out;
}

export const random: PruningCriterion = {
  name: 'random',

  scoreWeights({ mlp, pruneBiases, seed }: ScoreInputs): LayerScores[] {
    return mlp.layers.map((layer, l) => ({
      w: uniforms(layer.w.length, deriveSeed(seed, 'weights', l)),
      b: pruneBiases ? uniforms(layer.b.length, deriveSeed(seed, 'biases', l)) : null,
    }));
  },

  scoreUnits({ mlp, seed }: ScoreInputs): Float64Array[] {
    const scores: Float64Array[] = [];
    for (let l = 0; l < mlp.layers.length - 1; l++) {
      scores.push(uniforms(mlp.layers[l]!.outDim, deriveSeed(seed, 'units', l)));
    }
    return scores;
  },
};
