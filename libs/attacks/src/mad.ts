// MAD, maximal action difference (SA-PPO's "action" attack): maximise
//   sum_j ((mu_j(s') - mu_j(s)) / sigma~_j)^2,  sigma~ = sigma / mean(sigma)
// over the L-inf ball by SGLD-style signed steps: a random-sign start one step from s (where the
// gradient is zero), then steps of size eps * step_ratio along sign(grad + decaying Gaussian noise),
// projected onto the ball each step. The noise at step i has scale sqrt(2 step beta) / (i + 2) with
// beta = 1, as SA-PPO's action attack (huanzhang12/SA_PPO, policy_gradients/agent.py apply_attack,
// "SGLD noise factor. We simply set beta=1"). SA-PPO's SGLD *regulariser* scales its noise by 1e-5
// instead (libs/rl's sgld-regulariser): a different setting for a different job.
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall, signedStep } from './box';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams, STEP_RATIO_PARAM, STEPS_PARAM } from './params';
import type { Attack, AttackParameter, Perturber, PerturberOptions } from './types';
import { Victim } from './victim';

const parameters: AttackParameter[] = [
  STEPS_PARAM,
  STEP_RATIO_PARAM,
  {
    name: 'sgld_beta', default: 1,
    description: 'scale of the SGLD noise on the gradient, sqrt(2 step beta) / (i + 2) at step i (SA-PPO\'s action attack: 1; 0 = no noise)',
    min: 0,
  },
];

/** Standard deviation of the Gaussian noise added to the gradient at step `step` (0-based). */
export function madNoiseScale(stepSize: number, sgldBeta: number, step: number): number {
  return Math.sqrt(2 * stepSize * sgldBeta) / (step + 2);
}

export const madAttack: Attack = {
  name: 'mad',
  description: 'maximal action difference: SGLD ascent on the sigma-scaled squared change of the action mean',
  parameters,
  needsPrepare: false,
  createPerturber(options: PerturberOptions): Perturber {
    const eps = checkEpsilon(options.epsilon);
    const p = resolveParams<'steps' | 'step_ratio' | 'sgld_beta'>('mad', parameters, options.params);
    const rng = new Rng(deriveSeed(checkSeed(options.seed), 'attack', 'mad'));
    const victim = new Victim(options.policy, options.engine);
    const stepSize = eps * p.step_ratio;
    return {
      obsDim: victim.obsDim,
      perturb(obs, n, episodeStart) {
        checkObsBatch(obs, n, victim.obsDim, episodeStart);
        const clean = victim.actionMean(obs, n);
        // Random-sign start: sign(N(0,1)) * step.
        const x = new Float32Array(obs.length);
        for (let i = 0; i < x.length; i++) x[i] = obs[i]! + (rng.normal() >= 0 ? stepSize : -stepSize);
        projectToBall(x, obs, eps);
        const direction = new Float32Array(obs.length);
        for (let step = 0; step < p.steps; step++) {
          const { grad } = victim.actionChangeGradient(x, n, clean);
          const noise = madNoiseScale(stepSize, p.sgld_beta, step);
          for (let i = 0; i < x.length; i++) direction[i] = grad[i]! + noise * rng.normal();
          signedStep(x, direction, stepSize);
          projectToBall(x, obs, eps);
        }
        return x;
      },
    };
  },
};
