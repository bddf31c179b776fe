// Critic (value-guided) attack, as SA-PPO's "critic" attack: projected signed-gradient descent on
// the victim's own value V(s'), from a random start U(-eps * start_ratio, eps * start_ratio).
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall, signedStep, uniformStart } from './box';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams, STEP_RATIO_PARAM, STEPS_PARAM } from './params';
import type { Attack, AttackParameter, Perturber, PerturberOptions } from './types';
import { Victim } from './victim';

const parameters: AttackParameter[] = [
  STEPS_PARAM,
  STEP_RATIO_PARAM,
  { name: 'start_ratio', default: 0.1, description: 'random start U(-r eps, r eps) around s', min: 0, max: 1 },
];

export const criticAttack: Attack = {
  name: 'critic',
  description: "PGD minimising the victim critic's V(s') over the L-inf ball",
  parameters,
  needsPrepare: false,
  createPerturber(options: PerturberOptions): Perturber {
    const eps = checkEpsilon(options.epsilon);
    const p = resolveParams<'steps' | 'step_ratio' | 'start_ratio'>('critic', parameters, options.params);
    const rng = new Rng(deriveSeed(checkSeed(options.seed), 'attack', 'critic'));
    const victim = new Victim(options.policy, options.engine);
    const stepSize = eps * p.step_ratio;
    return {
      obsDim: victim.obsDim,
      perturb(obs, n, episodeStart) {
        checkObsBatch(obs, n, victim.obsDim, episodeStart);
        const x = projectToBall(uniformStart(obs, eps * p.start_ratio, rng), obs, eps);
        const ones = new Float32Array(n).fill(1);
        for (let step = 0; step < p.steps; step++) {
          // d sum_n V(x_n) / dx: each row's gradient is that row's own, so one batched pass serves all.
          const { grad } = victim.critic.gradient(x, n, () => ones);
          signedStep(x, grad, -stepSize);
          projectToBall(x, obs, eps);
        }
        return x;
      },
    };
  },
};
