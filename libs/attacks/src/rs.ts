// RS, robust sarsa attack (SA-PPO): Prepare learns Q^pi of the fixed victim (see robust-sarsa.ts);
// Perturb runs projected signed-gradient descent on
//   (1 - action_ratio) Q(s, mu(s')) - action_ratio * mean_j ((mu_j(s') - mu_j(s)) / sigma~_j)^2
// over s' in the L-inf ball: Q is evaluated at the true state s and the action the victim takes at
// the perturbed state. action_ratio is 0 for RS; RS+MAD (rs-mad.ts) sets it above 0. The action term
// is the *mean* over action dimensions, as SA-PPO's "sarsa+action" (huanzhang12/SA_PPO
// policy_gradients/agent.py apply_attack: `-(action_change * action_change).mean(dim=1)`), whereas MAD
// alone sums them; so r weighs Q against the average per-dimension change.
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall, signedStep, uniformStart } from './box';
import { InvalidArgumentError } from '@rlprune/errors';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams, STEP_RATIO_PARAM, STEPS_PARAM } from './params';
import { encodePrepared } from './prepared-artifact';
import { requirePrepared } from './prepared-check';
import { learnRobustSarsa, ROBUST_SARSA_PARAMETERS, robustSarsaConfig } from './robust-sarsa';
import type { Attack, AttackParameter, Perturber, PerturberOptions, PrepareOptions } from './types';
import { NetGradient, Victim } from './victim';

/** Kind written into the prepared artifact; RS and RS+MAD share the learned Q. */
export const RS_ARTIFACT_KIND = 'rs';

const perturbParameters: AttackParameter[] = [
  STEPS_PARAM,
  STEP_RATIO_PARAM,
  { name: 'start_ratio', default: 0.1, description: 'random start U(-r eps, r eps) around s', min: 0, max: 1 },
];

export function rsParameters(actionRatioDefault: number | null): AttackParameter[] {
  const ratio: AttackParameter[] = actionRatioDefault === null ? [] : [{
    name: 'action_ratio', default: actionRatioDefault, description: 'weight r of the action change in (1 - r) Q - r * change', min: 0, max: 1,
  }];
  return [...perturbParameters, ...ratio, ...ROBUST_SARSA_PARAMETERS];
}

/** Learns Q of the victim and returns it as a prepared artifact. */
export async function prepareRobustSarsa(attack: Attack, options: PrepareOptions): Promise<Buffer> {
  const epsilon = checkEpsilon(options.epsilon);
  const seed = checkSeed(options.seed);
  const p = resolveParams(attack.name, attack.parameters, options.params);
  const victim = new Victim(options.policy, options.engine);
  const { q, metrics } = await learnRobustSarsa({
    policy: options.policy, envId: options.envId, seed, env: options.env, config: robustSarsaConfig(p), victim,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return encodePrepared({
    attack: RS_ARTIFACT_KIND, envId: options.envId, epsilon, obsDim: victim.obsDim, actDim: victim.actDim,
    nets: { q }, tensors: {}, metrics,
  });
}

/** The PGD of RS and RS+MAD on a learned Q. */
export function createRsPerturber(attack: Attack, options: PerturberOptions, actionRatio: (p: Record<string, number>) => number): Perturber {
  const eps = checkEpsilon(options.epsilon);
  const p = resolveParams<string>(attack.name, attack.parameters, options.params);
  const seed = checkSeed(options.seed);
  const victim = new Victim(options.policy, options.engine);
  const prepared = requirePrepared(attack.name, RS_ARTIFACT_KIND, options.prepared, victim);
  const qNet = prepared.nets.q;
  if (!qNet || qNet.layers[0]!.inDim !== victim.obsDim + victim.actDim || qNet.layers[qNet.layers.length - 1]!.outDim !== 1) {
    throw new InvalidArgumentError('prepared', `a Q net on [s, a] of width ${victim.obsDim + victim.actDim} with 1 output`, 'another net');
  }
  const q = new NetGradient(qNet, victim.actor.engine);
  const r = actionRatio(p);
  const rng = new Rng(deriveSeed(seed, 'attack', attack.name));
  const stepSize = eps * p.step_ratio!;
  const { obsDim, actDim } = victim;
  const inDim = obsDim + actDim;
  return {
    obsDim,
    perturb(obs, n, episodeStart) {
      checkObsBatch(obs, n, obsDim, episodeStart);
      const clean = victim.actionMean(obs, n);
      const x = projectToBall(uniformStart(obs, eps * p.start_ratio!, rng), obs, eps);
      const qInput = new Float32Array(n * inDim);
      for (let i = 0; i < n; i++) qInput.set(obs.subarray(i * obsDim, (i + 1) * obsDim), i * inDim);
      const ones = new Float32Array(n).fill(1);
      for (let step = 0; step < p.steps!; step++) {
        // Objective J(s') = (1 - r) Q(s, mu(s')) - r * mean_j change_j(mu(s'), mu(s)); descend on it.
        const { grad } = victim.actor.gradient(x, n, (mean) => {
          for (let i = 0; i < n; i++) qInput.set(mean.subarray(i * actDim, (i + 1) * actDim), i * inDim + obsDim);
          const dQ = q.gradient(qInput, n, () => ones).grad;
          return rsObjectiveActionGradient(dQ, obsDim, mean, clean, victim.sigmaTilde, r, n);
        });
        signedStep(x, grad, -stepSize);
        projectToBall(x, obs, eps);
      }
      return x;
    },
  };
}

/**
 * Gradient with respect to the action means mu(s') [n * actDim] of
 *   J = (1 - r) Q(s, mu(s')) - r * mean_j ((mu_j(s') - mu_j(s)) / sigma~_j)^2,
 * from dQ, Q's input gradient on rows [s, a] of width obsDim + actDim.
 */
export function rsObjectiveActionGradient(
  dQ: Float32Array, obsDim: number, mean: Float32Array, clean: Float32Array, sigmaTilde: ArrayLike<number>, r: number, n: number,
): Float32Array {
  const actDim = sigmaTilde.length;
  const inDim = obsDim + actDim;
  const g = new Float32Array(n * actDim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < actDim; j++) {
      const k = i * actDim + j;
      const s = sigmaTilde[j]!;
      g[k] = (1 - r) * dQ[i * inDim + obsDim + j]! - (r * 2 * (mean[k]! - clean[k]!)) / (s * s * actDim);
    }
  }
  return g;
}

export const rsAttack: Attack = {
  name: 'rs',
  description: 'robust sarsa: learn Q of the victim by TD (Prepare), then PGD minimising Q(s, mu(s\'))',
  parameters: rsParameters(null),
  needsPrepare: true,
  createPerturber(options) {
    return createRsPerturber(this, options, () => 0);
  },
  prepare(options) {
    return prepareRobustSarsa(this, options);
  },
};
