// Robust sarsa's preparation (SA-PPO, Zhang et al. 2020): learn Q^pi(s, a) of the fixed victim pi by
// TD on real (s, a, r, s', a') tuples, s and s' normalised with the victim's own normaliser, with a
// smoothness regulariser over an eps_q L-inf ball on the input [s, a]. As SA-PPO runs it
// (huanzhang12/SA_PPO src/test.py `--sarsa-enable` and policy_gradients/agent.py setup_sarsa /
// sarsa_steps):
// - rewards on the victim's own scale: divided by the std of its discounted return and clipped at 10
//   (reward-scale.ts);
// - Adam with eps 1e-5 at the victim's value learning rate (SA-PPO's Hopper val_lr 2.5e-4; Walker2d
//   3e-4, HalfCheetah 1e-3), constant for 2/3 of the iterations then decaying linearly
//   (sarsa-schedule.ts); Huber (SmoothL1) TD loss;
// - eps_q is 0 for the first third of the iterations and ramps up over the second (sarsa-schedule.ts).
// Two departures, on purpose: SA-PPO's TD target pairs each sample with the next row of its
// *shuffled* minibatch (q[1:] after np.random.shuffle), which is not the sample's successor; here the
// target uses the tuple's own (s', a'), bootstrapping through time-limit truncation. And SA-PPO bounds
// Q over the ball with IBP/CROWN; here the worst point of the ball is searched by a few signed-gradient
// steps (the SGLD-style estimate SA-PPO uses for its policy regulariser), and the penalty is
// reg_coef * mean (Q(x~) - Q(x))^2 with the gradient through both terms, a lower estimate of SA-PPO's
// max(ub - Q, Q - lb)^2.
import { Adam, createGrads, createMlp, mlpParams, normalizeObs, type Mlp, type PolicyArtifact } from '@rlprune/nn';
import { deriveSeed, Rng } from '@rlprune/random';
import { projectToBall, signedStep, uniformStart } from './box';
import type { EnvFactory } from './env-source';
import { InvalidArgumentError } from '@rlprune/errors';
import { discountedReturnStd, storedRewardStd } from './reward-scale';
import { sarsaEpsilon, sarsaLrFactor } from './sarsa-schedule';
import type { AttackParameter, PrepareProgress } from './types';
import { Victim } from './victim';

export interface RobustSarsaConfig {
  /** Data-gathering iterations (SA-PPO: 30). */
  iterations: number;
  /** Env steps gathered per iteration, over all envs (SA-PPO: 2048). */
  stepsPerIteration: number;
  /** Parallel envs the steps are gathered from. */
  numEnvs: number;
  /** Passes over each iteration's data (SA-PPO: 10). */
  epochs: number;
  /** Minibatches per pass (SA-PPO: 32). */
  minibatches: number;
  /** Discount of Q. */
  gamma: number;
  /** Adam learning rate of Q before its decay (SA-PPO: the victim's val_lr, 2.5e-4 on Hopper). */
  lr: number;
  /** Fraction of the iterations after which the learning rate decays linearly to 0 (SA-PPO: 2/3; 1 = constant). */
  lrDecayFrom: number;
  /** Adam's epsilon (SA-PPO: 1e-5). */
  adamEps: number;
  /** Width of both hidden tanh layers of Q (SA-PPO: 64). */
  hidden: number;
  /** Radius of the L-inf ball on [s, a] the smoothness regulariser looks in, once ramped up (SA-PPO's sarsa_eps). */
  epsQ: number;
  /** Fraction of the iterations before eps_q starts ramping up from 0 (SA-PPO: 1/3). */
  epsQRampStart: number;
  /** Fraction of the iterations eps_q takes to ramp up to its value (SA-PPO: 1/3). */
  epsQRampLength: number;
  /** Weight of the smoothness regulariser (0 turns it off; SA-PPO's sarsa_reg). */
  regCoef: number;
  /** Signed-gradient steps that search the ball for the regulariser. */
  regSteps: number;
  /** Victim acts with its mean action instead of sampling (Q of the deterministic policy). */
  deterministic: boolean;
  /** Divide rewards by the victim's discounted-return std (SA-PPO's reward normalisation); false: raw rewards. */
  rewardScaling: boolean;
  /** Scaled rewards are clipped to +-this (SA-PPO's clip_rewards: 10). */
  rewardClip: number;
}

export const DEFAULT_ROBUST_SARSA: RobustSarsaConfig = {
  iterations: 30,
  stepsPerIteration: 2048,
  numEnvs: 1,
  epochs: 10,
  minibatches: 32,
  gamma: 0.99,
  lr: 2.5e-4,
  lrDecayFrom: 2 / 3,
  adamEps: 1e-5,
  hidden: 64,
  epsQ: 0.02,
  epsQRampStart: 1 / 3,
  epsQRampLength: 1 / 3,
  regCoef: 0.1,
  regSteps: 3,
  deterministic: false,
  rewardScaling: true,
  rewardClip: 10,
};

const d = DEFAULT_ROBUST_SARSA;

/** The config as attack parameters (snake_case names, defaults from DEFAULT_ROBUST_SARSA). */
export const ROBUST_SARSA_PARAMETERS: AttackParameter[] = [
  { name: 'iterations', default: d.iterations, description: '(prepare) data-gathering iterations', min: 1, max: 100000, integer: true },
  { name: 'steps_per_iteration', default: d.stepsPerIteration, description: '(prepare) env steps per iteration', min: 1, max: 1e7, integer: true },
  { name: 'num_envs', default: d.numEnvs, description: '(prepare) parallel envs', min: 1, max: 512, integer: true },
  { name: 'epochs', default: d.epochs, description: '(prepare) passes over each iteration of data', min: 1, max: 1000, integer: true },
  { name: 'minibatches', default: d.minibatches, description: '(prepare) minibatches per pass', min: 1, max: 100000, integer: true },
  { name: 'gamma', default: d.gamma, description: '(prepare) discount of Q', min: 0, max: 1 },
  { name: 'lr', default: d.lr, description: '(prepare) Adam learning rate of Q before its decay (SA-PPO: the victim\'s value lr; Hopper 2.5e-4)', min: 0, max: 1 },
  { name: 'lr_decay_from', default: d.lrDecayFrom, description: '(prepare) fraction of iterations after which the lr decays linearly to 0', min: 0, max: 1 },
  { name: 'adam_eps', default: d.adamEps, description: '(prepare) Adam epsilon', min: 0 },
  { name: 'hidden', default: d.hidden, description: '(prepare) width of the two tanh hidden layers of Q', min: 1, max: 4096, integer: true },
  { name: 'eps_q', default: d.epsQ, description: '(prepare) radius of the smoothness ball on [s, a] (SA-PPO\'s sarsa_eps)', min: 0 },
  { name: 'eps_q_ramp_start', default: d.epsQRampStart, description: '(prepare) fraction of iterations before eps_q ramps up from 0', min: 0, max: 1 },
  { name: 'eps_q_ramp_length', default: d.epsQRampLength, description: '(prepare) fraction of iterations eps_q takes to ramp up', min: 0, max: 1 },
  { name: 'reg_coef', default: d.regCoef, description: '(prepare) weight of the smoothness regulariser (SA-PPO\'s sarsa_reg)', min: 0 },
  { name: 'reg_steps', default: d.regSteps, description: '(prepare) signed-gradient steps searching the smoothness ball', min: 0, max: 100, integer: true },
  { name: 'deterministic', default: d.deterministic ? 1 : 0, description: '(prepare) 1: victim acts with its mean action while Q is learned', min: 0, max: 1, integer: true },
  { name: 'reward_scaling', default: d.rewardScaling ? 1 : 0, description: '(prepare) 1: rewards divided by the victim\'s discounted-return std, as SA-PPO; 0: raw', min: 0, max: 1, integer: true },
  { name: 'reward_clip', default: d.rewardClip, description: '(prepare) scaled rewards clipped to +-this', min: 0 },
];

export function robustSarsaConfig(p: Record<string, number>): RobustSarsaConfig {
  return {
    iterations: p.iterations!, stepsPerIteration: p.steps_per_iteration!, numEnvs: p.num_envs!, epochs: p.epochs!,
    minibatches: p.minibatches!, gamma: p.gamma!, lr: p.lr!, lrDecayFrom: p.lr_decay_from!, adamEps: p.adam_eps!, hidden: p.hidden!,
    epsQ: p.eps_q!, epsQRampStart: p.eps_q_ramp_start!, epsQRampLength: p.eps_q_ramp_length!, regCoef: p.reg_coef!,
    regSteps: p.reg_steps!, deterministic: p.deterministic === 1, rewardScaling: p.reward_scaling === 1, rewardClip: p.reward_clip!,
  };
}

export interface RobustSarsaRequest {
  policy: PolicyArtifact;
  envId: string;
  seed: number;
  env: EnvFactory;
  config: RobustSarsaConfig;
  onProgress?: (progress: PrepareProgress) => void;
  signal?: AbortSignal;
  victim: Victim;
}

export interface RobustSarsaResult {
  q: Mlp;
  /**
   * Mean squared TD error (on the scaled rewards) on the last iteration's data after its training, and
   * other diagnostics; rewardStd is what rewards were divided by (1 without reward scaling).
   */
  metrics: { tdError: number; tdErrorInitial: number; meanQ: number; regLoss: number; rewardStd: number; epsQ: number; lr: number };
}

/** Huber (SmoothL1, delta 1) derivative, as SA-PPO's TD loss. */
const huberGrad = (d: number) => (d > 1 ? 1 : d < -1 ? -1 : d);

export async function learnRobustSarsa(req: RobustSarsaRequest): Promise<RobustSarsaResult> {
  const { config: c, victim, policy } = req;
  const { obsDim, actDim } = victim;
  const inDim = obsDim + actDim;
  const engine = victim.actor.engine;
  const rng = new Rng(deriveSeed(req.seed, 'rs', 'sampling'));
  const q = createMlp({ inDim, hidden: [c.hidden, c.hidden], outDim: 1, activation: 'tanh' }, deriveSeed(req.seed, 'rs', 'q-init'));
  const adam = new Adam({ lr: c.lr, eps: c.adamEps });
  const grads = createGrads(q);
  // Parameter gradients of the ball search are not used; only its input gradient is.
  const probeGrads = createGrads(q);
  const nEnv = c.numEnvs;
  const T = Math.ceil(c.stepsPerIteration / nEnv);
  const N = T * nEnv;
  // One iteration of tuples: x = [s, a], x2 = [s', a'], reward, and whether s' continues the episode.
  const x = new Float32Array(N * inDim);
  const x2 = new Float32Array(N * inDim);
  const rawReward = new Float32Array(N);
  const reward = new Float32Array(N);
  const notDone = new Float32Array(N);
  const ended = new Uint8Array(N);
  // Null until measured on the first iteration, when the policy file does not carry it.
  let rewardStd: number | null = c.rewardScaling ? storedRewardStd(policy) : 1;
  const norm = (raw: Float32Array, n: number) => normalizeObs(policy.normalizer, raw, n);

  const env = await req.env({ envId: req.envId, numEnvs: nEnv, seed: deriveSeed(req.seed, 'rs', 'env') });
  if (env.spec.obsDim !== obsDim || env.spec.actDim !== actDim) {
    await env.close();
    throw new InvalidArgumentError('envId', `an env with obsDim ${obsDim}, actDim ${actDim} (the policy's)`, `${req.envId} with obsDim ${env.spec.obsDim}, actDim ${env.spec.actDim}`);
  }
  const metrics = { tdError: NaN, tdErrorInitial: NaN, meanQ: NaN, regLoss: 0, rewardStd: NaN, epsQ: 0, lr: c.lr };
  try {
    let obs = norm(await env.reset(), nEnv);
    let act = victim.act(obs, nEnv, rng, c.deterministic);
    for (let iter = 0; iter < c.iterations; iter++) {
      // Gather: the a' of a tuple is the action really taken next, or one drawn at the final
      // observation when the episode ended there.
      for (let t = 0; t < T; t++) {
        req.signal?.throwIfAborted();
        const res = await env.step(act);
        const next = norm(res.obs, nEnv);
        const nextAct = victim.act(next, nEnv, rng, c.deterministic);
        const endedNow = Array.from({ length: nEnv }, (_, i) => res.terminated[i] === 1 || res.truncated[i] === 1);
        const finalObs = endedNow.some(Boolean) ? norm(res.finalObs, nEnv) : null;
        const finalAct = finalObs ? victim.act(finalObs, nEnv, rng, c.deterministic) : null;
        for (let i = 0; i < nEnv; i++) {
          const k = t * nEnv + i;
          x.set(obs.subarray(i * obsDim, (i + 1) * obsDim), k * inDim);
          x.set(act.subarray(i * actDim, (i + 1) * actDim), k * inDim + obsDim);
          const s2 = endedNow[i] ? finalObs! : next;
          const a2 = endedNow[i] ? finalAct! : nextAct;
          x2.set(s2.subarray(i * obsDim, (i + 1) * obsDim), k * inDim);
          x2.set(a2.subarray(i * actDim, (i + 1) * actDim), k * inDim + obsDim);
          rawReward[k] = res.rewards[i]!;
          notDone[k] = res.terminated[i] === 1 ? 0 : 1;
          ended[k] = endedNow[i] ? 1 : 0;
        }
        obs = next;
        act = nextAct;
      }
      rewardStd ??= discountedReturnStd(rawReward, ended, nEnv, c.gamma);
      metrics.rewardStd = rewardStd;
      for (let k = 0; k < N; k++) reward[k] = clip(rawReward[k]! / rewardStd, c.rewardClip);
      if (iter === 0) metrics.tdErrorInitial = tdError(q, x, x2, reward, notDone, N, c.gamma);
      const lr = c.lr * sarsaLrFactor(iter, c.iterations, c.lrDecayFrom);
      metrics.lr = lr;

      // Fit: TD with targets from the current Q (held constant within a minibatch), plus smoothness.
      const order = Uint32Array.from({ length: N }, (_, i) => i);
      const mbSize = Math.max(1, Math.floor(N / c.minibatches));
      const batchesPerEpoch = Math.floor(N / mbSize);
      let regSum = 0;
      let regCount = 0;
      for (let epoch = 0; epoch < c.epochs; epoch++) {
        rng.shuffle(order);
        for (let start = 0; start + mbSize <= N; start += mbSize) {
          const epsQ = sarsaEpsilon(c.epsQ, iter, epoch * batchesPerEpoch + start / mbSize, c.epochs * batchesPerEpoch, c.iterations, c.epsQRampStart, c.epsQRampLength);
          metrics.epsQ = epsQ;
          req.signal?.throwIfAborted();
          const B = mbSize;
          const xb = new Float32Array(B * inDim);
          const x2b = new Float32Array(B * inDim);
          for (let r = 0; r < B; r++) {
            const k = order[start + r]!;
            xb.set(x.subarray(k * inDim, (k + 1) * inDim), r * inDim);
            x2b.set(x2.subarray(k * inDim, (k + 1) * inDim), r * inDim);
          }
          const qNext = engine.predict(q, x2b, B);
          const pass = engine.forward(q, xb, B);
          const gOut = new Float32Array(B);
          for (let r = 0; r < B; r++) {
            const k = order[start + r]!;
            const target = reward[k]! + c.gamma * notDone[k]! * qNext[r]!;
            gOut[r] = huberGrad(pass.output[r]! - target) / B;
          }
          engine.backward(q, pass, gOut, grads);
          if (c.regCoef > 0 && epsQ > 0) {
            const qClean = pass.output;
            // Search the ball for the point where Q moves most, from a random start.
            const xt = uniformStart(xb, epsQ, rng);
            for (let s = 0; s < c.regSteps; s++) {
              const p = engine.forward(q, xt, B);
              const up = new Float32Array(B);
              for (let r = 0; r < B; r++) up[r] = 2 * (p.output[r]! - qClean[r]!);
              const g = engine.backward(q, p, up, probeGrads, { inputGrad: true })!;
              signedStep(xt, g, epsQ / 2);
              projectToBall(xt, xb, epsQ);
            }
            const pt = engine.forward(q, xt, B);
            const gt = new Float32Array(B);
            const gc = new Float32Array(B);
            for (let r = 0; r < B; r++) {
              const diff = pt.output[r]! - qClean[r]!;
              regSum += diff * diff;
              gt[r] = (c.regCoef * 2 * diff) / B;
              gc[r] = -gt[r]!;
            }
            regCount += B;
            engine.backward(q, pt, gt, grads, { accumulate: true });
            engine.backward(q, pass, gc, grads, { accumulate: true });
          }
          adam.update(mlpParams(q), grads, lr);
        }
      }
      metrics.tdError = tdError(q, x, x2, reward, notDone, N, c.gamma);
      metrics.meanQ = mean(engine.predict(q, x, N));
      metrics.regLoss = regCount > 0 ? regSum / regCount : 0;
      req.onProgress?.({ iteration: iter + 1, iterations: c.iterations, envSteps: (iter + 1) * N, metrics: { ...metrics } });
    }
  } finally {
    await env.close();
  }
  return { q, metrics };

  function tdError(net: Mlp, xs: Float32Array, x2s: Float32Array, r: Float32Array, nd: Float32Array, n: number, gamma: number): number {
    const qs = engine.predict(net, xs, n);
    const q2 = engine.predict(net, x2s, n);
    let s = 0;
    for (let i = 0; i < n; i++) s += (qs[i]! - r[i]! - gamma * nd[i]! * q2[i]!) ** 2;
    return s / n;
  }
}

const clip = (v: number, limit: number) => (v > limit ? limit : v < -limit ? -limit : v);

function mean(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
}
