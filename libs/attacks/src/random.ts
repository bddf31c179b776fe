// Random attack (SA-PPO's baseline): s' = s + U(-eps, eps) independently per coordinate.
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall } from './box';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams } from './params';
import type { Attack, Perturber, PerturberOptions } from './types';
import { Victim } from './victim';

export const randomAttack: Attack = {
  name: 'random',
  description: 'uniform noise in the L-inf ball: s + U(-eps, eps) per coordinate',
  parameters: [],
  needsPrepare: false,
  createPerturber(options: PerturberOptions): Perturber {
    const eps = checkEpsilon(options.epsilon);
    const rng = new Rng(deriveSeed(checkSeed(options.seed), 'attack', 'random'));
    resolveParams('random', this.parameters, options.params);
    const obsDim = new Victim(options.policy, options.engine).obsDim;
    return {
      obsDim,
      perturb(obs, n, episodeStart) {
        checkObsBatch(obs, n, obsDim, episodeStart);
        const out = new Float32Array(obs.length);
        for (let i = 0; i < obs.length; i++) out[i] = obs[i]! + rng.range(-eps, eps);
        // float32 rounding of s + u can land a hair outside the ball; clamp it back.
        return projectToBall(out, obs, eps);
      },
    };
  },
};
