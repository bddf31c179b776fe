// Learned "optimal" adversary (ATLA, Zhang et al. 2021): a PPO agent that observes the victim's
// normalised observation s and acts with a perturbation s' = s + eps * tanh(a), trained on the
// negated reward of the fixed victim, which acts on s'. Training is libs/rl's PPO (with its own
// observation normaliser and reward scaling) on a wrapper env whose actions are perturbations.
// Perturb uses the adversary's mean action: s' = s + eps * tanh(mu_adv(s)), in the ball by construction.
import { decodePolicy, normalizeObs, type PolicyArtifact } from '@rlprune/nn';
import { deriveSeed, Rng } from '@rlprune/random';
import { train, type VecEnvLike as PpoEnv, type VecStep } from '@rlprune/rl';
import { projectToBall } from './box';
import { InvalidArgumentError } from '@rlprune/errors';
import { checkEpsilon, checkObsBatch, checkSeed, resolveParams } from './params';
import { encodePrepared } from './prepared-artifact';
import { requirePrepared } from './prepared-check';
import type { Attack, AttackParameter, Perturber, PerturberOptions, PrepareOptions } from './types';
import { NetGradient, Victim } from './victim';

const parameters: AttackParameter[] = [
  { name: 'iterations', default: 100, description: '(prepare) PPO iterations of the adversary', min: 1, max: 100000, integer: true },
  { name: 'steps_per_iteration', default: 2048, description: '(prepare) env steps per PPO iteration, over all envs', min: 1, max: 1e7, integer: true },
  { name: 'num_envs', default: 1, description: '(prepare) parallel envs; must divide steps_per_iteration', min: 1, max: 512, integer: true },
  { name: 'epochs', default: 10, description: '(prepare) PPO passes over each rollout', min: 1, max: 1000, integer: true },
  { name: 'minibatches', default: 32, description: '(prepare) PPO minibatches per pass; must divide steps_per_iteration', min: 1, max: 100000, integer: true },
  { name: 'lr', default: 3e-4, description: '(prepare) Adam learning rate of the adversary', min: 0, max: 1 },
  { name: 'hidden', default: 64, description: '(prepare) width of the two tanh hidden layers of the adversary', min: 1, max: 4096, integer: true },
  { name: 'gamma', default: 0.99, description: '(prepare) discount of the adversary', min: 0, max: 1 },
  { name: 'victim_deterministic', default: 1, description: '(prepare) 1: the victim acts with its mean action, as in evaluation', min: 0, max: 1, integer: true },
];

type Params = 'iterations' | 'steps_per_iteration' | 'num_envs' | 'epochs' | 'minibatches' | 'lr' | 'hidden' | 'gamma' | 'victim_deterministic';

export const learnedAttack: Attack = {
  name: 'learned',
  description: 'learned adversary (ATLA): PPO agent whose action is the perturbation, trained on the negated victim reward',
  parameters,
  needsPrepare: true,

  async prepare(options: PrepareOptions): Promise<Buffer> {
    const eps = checkEpsilon(options.epsilon);
    const seed = checkSeed(options.seed);
    const p = resolveParams<Params>('learned', parameters, options.params);
    for (const name of ['num_envs', 'minibatches'] as const) {
      if (p.steps_per_iteration % p[name] !== 0) {
        throw new InvalidArgumentError(`params.${name}`, `a divisor of steps_per_iteration (${p.steps_per_iteration})`, String(p[name]));
      }
    }
    const victim = new Victim(options.policy, options.engine);
    const { obsDim, actDim } = victim;
    const numEnvs = p.num_envs;
    const vec = await options.env({ envId: options.envId, numEnvs, seed: deriveSeed(seed, 'learned', 'env') });
    if (vec.spec.obsDim !== obsDim || vec.spec.actDim !== actDim) {
      await vec.close();
      throw new InvalidArgumentError('envId', `an env with obsDim ${obsDim}, actDim ${actDim} (the policy's)`, `${options.envId} with obsDim ${vec.spec.obsDim}, actDim ${vec.spec.actDim}`);
    }
    const norm = (raw: Float32Array) => normalizeObs(options.policy.normalizer, raw, numEnvs);
    const victimRng = new Rng(deriveSeed(seed, 'learned', 'victim'));
    let clean: Float32Array = new Float32Array(numEnvs * obsDim);
    const running = new Float64Array(numEnvs);
    const lengths = new Uint32Array(numEnvs);
    // The adversary's env: it sees the victim's normalised observation and its action moves what the victim sees.
    const env: PpoEnv = {
      numEnvs, obsDim, actDim: obsDim,
      async reset() {
        running.fill(0);
        lengths.fill(0);
        clean = norm(await vec.reset());
        return clean;
      },
      async step(a): Promise<VecStep> {
        const seen = new Float32Array(clean.length);
        for (let k = 0; k < seen.length; k++) seen[k] = clean[k]! + eps * Math.tanh(a[k]!);
        const res = await vec.step(victim.act(seen, numEnvs, victimRng, p.victim_deterministic === 1));
        clean = norm(res.obs);
        const rewards = Float32Array.from(res.rewards, (r) => -r);
        const episodeReturns = new Float32Array(numEnvs);
        const episodeLengths = new Uint32Array(numEnvs);
        for (let i = 0; i < numEnvs; i++) {
          running[i] = running[i]! + rewards[i]!;
          lengths[i] = lengths[i]! + 1;
          if (res.terminated[i] || res.truncated[i]) {
            episodeReturns[i] = running[i]!;
            episodeLengths[i] = lengths[i]!;
            running[i] = 0;
            lengths[i] = 0;
          }
        }
        return { obs: clean, rewards, terminated: res.terminated, truncated: res.truncated, finalObs: norm(res.finalObs), episodeReturns, episodeLengths };
      },
    };
    let victimReturn = NaN;
    let result;
    try {
      result = await train({
        // Not a registered env id: libs/rl then trusts the wrapper's dimensions (actions are perturbations).
        envId: `${options.envId}:adversary`,
        seed: deriveSeed(seed, 'learned', 'ppo'),
        totalTimesteps: p.iterations * p.steps_per_iteration,
        numEnvs,
        numSteps: p.steps_per_iteration / numEnvs,
        updateEpochs: p.epochs,
        numMinibatches: p.minibatches,
        learningRate: p.lr,
        gamma: p.gamma,
        hidden: [p.hidden, p.hidden],
      }, env, {
        ...(options.signal ? { signal: options.signal } : {}),
        onIteration: (it) => {
          if (Number.isFinite(it.meanReturn)) victimReturn = -it.meanReturn;
          options.onProgress?.({ iteration: it.iteration, iterations: it.iterations, envSteps: it.envSteps, metrics: { victimReturn: -it.meanReturn, episodes: it.episodes } });
        },
      });
    } finally {
      await vec.close();
    }
    return encodePrepared({
      attack: 'learned', envId: options.envId, epsilon: eps, obsDim, actDim,
      nets: {}, tensors: {}, metrics: { victimReturn }, blobs: { adversary: result.policy },
    });
  },

  createPerturber(options: PerturberOptions): Perturber {
    const eps = checkEpsilon(options.epsilon);
    checkSeed(options.seed);
    resolveParams('learned', parameters, options.params);
    const victim = new Victim(options.policy, options.engine);
    const prepared = requirePrepared('learned', 'learned', options.prepared, victim);
    const blob = prepared.blobs?.adversary;
    if (!blob) throw new InvalidArgumentError('prepared', 'an artifact holding the adversary policy', 'none');
    const adversary: PolicyArtifact = decodePolicy(blob);
    const net = adversary.model.actor;
    const { obsDim } = victim;
    if (net.layers[0]!.inDim !== obsDim || net.layers[net.layers.length - 1]!.outDim !== obsDim) {
      throw new InvalidArgumentError('prepared', `an adversary net from ${obsDim} to ${obsDim} values`, `one from ${net.layers[0]!.inDim} to ${net.layers[net.layers.length - 1]!.outDim}`);
    }
    const actor = new NetGradient(net, victim.actor.engine);
    return {
      obsDim,
      perturb(obs, n, episodeStart) {
        checkObsBatch(obs, n, obsDim, episodeStart);
        // The adversary normalises what it sees with the statistics it was trained with.
        const a = actor.predict(normalizeObs(adversary.normalizer, obs, n), n);
        const x = new Float32Array(obs.length);
        for (let k = 0; k < x.length; k++) x[k] = obs[k]! + eps * Math.tanh(a[k]!);
        return projectToBall(x, obs, eps);
      },
    };
  },
};
