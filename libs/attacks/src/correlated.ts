// Temporally correlated attack (new here; no SA-PPO/ATLA baseline has one). The per-step attacks
// choose each perturbation afresh, so their pushes on the victim's action can cancel out over time.
// This one keeps, per env and per episode:
//   - a fixed target direction u in action space (random signs, drawn at the episode's start),
//   - the previous perturbation delta, from which the next search starts (decayed by persistence),
//   - a gradient momentum m carried across time steps (MI-FGSM style, normalised per row).
// Each step maximises J(s') = sum_j u_j (mu_j(s') - mu_j(s)) / sigma~_j by signed steps along m, so
// the victim's actions are biased the same way step after step and the bias accumulates in the
// dynamics, as a drifting sensor would. State resets where episodeStart is true.
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall } from './box';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams, STEP_RATIO_PARAM, STEPS_PARAM } from './params';
import type { Attack, AttackParameter, Perturber, PerturberOptions } from './types';
import { Victim } from './victim';

const parameters: AttackParameter[] = [
  STEPS_PARAM,
  STEP_RATIO_PARAM,
  { name: 'persistence', default: 0.9, description: "fraction of the previous step's perturbation the search starts from", min: 0, max: 1 },
  { name: 'momentum', default: 0.9, description: 'decay of the gradient momentum carried across time steps', min: 0, max: 1 },
];

interface EnvMemory {
  /** Target direction in action space, entries +-1 / sqrt(actDim). */
  u: Float32Array;
  /** Last perturbation s' - s. */
  delta: Float32Array;
  /** Gradient momentum in observation space. */
  m: Float32Array;
}

export const correlatedAttack: Attack = {
  name: 'correlated',
  description: 'temporally correlated: a per-episode action-space direction pushed with perturbations and momentum carried across steps',
  parameters,
  needsPrepare: false,
  createPerturber(options: PerturberOptions): Perturber {
    const eps = checkEpsilon(options.epsilon);
    const p = resolveParams<'steps' | 'step_ratio' | 'persistence' | 'momentum'>('correlated', parameters, options.params);
    const rng = new Rng(deriveSeed(checkSeed(options.seed), 'attack', 'correlated'));
    const victim = new Victim(options.policy, options.engine);
    const { obsDim, actDim } = victim;
    const stepSize = eps * p.step_ratio;
    let memory: EnvMemory[] = [];

    const fresh = (): EnvMemory => {
      const u = new Float32Array(actDim);
      for (let j = 0; j < actDim; j++) u[j] = (rng.uniform() < 0.5 ? -1 : 1) / Math.sqrt(actDim);
      return { u, delta: new Float32Array(obsDim), m: new Float32Array(obsDim) };
    };

    return {
      obsDim,
      perturb(obs, n, episodeStart) {
        checkObsBatch(obs, n, obsDim, episodeStart);
        // A stream whose width changes is a new stream: forget everything.
        if (memory.length !== n) memory = [];
        for (let i = 0; i < n; i++) if (!memory[i] || episodeStart?.[i]) memory[i] = fresh();
        // Warm start from the decayed previous perturbation.
        const x = new Float32Array(obs.length);
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < obsDim; k++) x[i * obsDim + k] = obs[i * obsDim + k]! + p.persistence * memory[i]!.delta[k]!;
        }
        projectToBall(x, obs, eps);
        for (let step = 0; step < p.steps; step++) {
          const { grad } = victim.actor.gradient(x, n, () => {
            const g = new Float32Array(n * actDim);
            for (let i = 0; i < n; i++) for (let j = 0; j < actDim; j++) g[i * actDim + j] = memory[i]!.u[j]! / victim.sigmaTilde[j]!;
            return g;
          });
          for (let i = 0; i < n; i++) {
            const { m } = memory[i]!;
            let l1 = 0;
            for (let k = 0; k < obsDim; k++) l1 += Math.abs(grad[i * obsDim + k]!);
            const inv = l1 > 0 ? 1 / l1 : 0;
            for (let k = 0; k < obsDim; k++) {
              m[k] = p.momentum * m[k]! + grad[i * obsDim + k]! * inv;
              x[i * obsDim + k] = x[i * obsDim + k]! + stepSize * Math.sign(m[k]!);
            }
          }
          projectToBall(x, obs, eps);
        }
        for (let i = 0; i < n; i++) {
          const { delta } = memory[i]!;
          for (let k = 0; k < obsDim; k++) delta[k] = x[i * obsDim + k]! - obs[i * obsDim + k]!;
        }
        return x;
      },
    };
  },
};
