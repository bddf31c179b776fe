// PPO for continuous actions (Schulman et al. 2017), CleanRL-style, with the SA-PPO regulariser and
// pruning during training. Reads top to bottom: configuration, state (fresh or from a checkpoint),
// then per iteration: rollout, GAE, minibatch updates, progress and checkpoint.
//
// One iteration collects numSteps x numEnvs transitions with the Gaussian policy (raw samples go to
// the envs, which clip them), normalising observations with running statistics and scaling rewards
// by the running std of the discounted return. Truncated episodes are bootstrapped from the value
// of their final observation. The update runs updateEpochs passes of numMinibatches minibatches:
// clipped surrogate + value loss (clipped) - entropy bonus [+ kappa * SA regulariser], learning
// rates annealed linearly. The optimiser (optimisers.ts) is CleanRL's one Adam over actor, critic and
// log-std with a global gradient-norm clip of 0.5 for PPO, and SA-PPO's own for SA-PPO (its Hopper
// configs and agent.py, huanzhang12/SA_PPO): a policy Adam and a value Adam (value lr 2.5e-4), no clip.
// Pruning (when configured) updates the masks every `interval` gradient steps through libs/pruning;
// the surrogate Lipschitz bound is taken right before and right after every update (maskUpdates), the
// quantity the paper's monotonicity theorem is about (training between updates may grow it).
//
// The PPO baseline SA-PPO runs are compared to is this file's PPO with CleanRL's settings (sa null or
// kappa 0), not PPO with SA-PPO's optimiser: it is the dense policy every pruning and attack result
// of the project starts from, so "SA-PPO against PPO" means against the policy the rest of the
// pipeline uses. PPO with SA-PPO's optimiser (SA-PPO's own vanilla-PPO config) is
// `{ valueLearningRate: 2.5e-4, maxGradNorm: null }`; BENCHMARKS.md reports SA-PPO against both,
// because on Hopper at 1M steps that PPO scored higher on mean actions (3,283 against 2,880 over 3
// seeds), so the choice of baseline moves the retention (99.8% against CleanRL's, 87.5% against it).
import {
  cloneObsNormalizer, createActorCritic, createGrads, createKernelEngine, createObsNormalizer, encodePolicy,
  gaussianEntropy, gaussianLogProb, gaussianLogProbGrad, globalGradNorm, normalizeObs, ppoClipLoss, sparsity,
  updateObsNormalizer, valueLoss, type ActorCritic, type ForwardPass, type ObsNormalizer,
} from '@rlprune/nn';
import { getEnvSpec } from '@rlprune/envs';
import { enforceMasks, PruningScheduler } from '@rlprune/pruning';
import { surrogateLipschitz } from '@rlprune/certify';
import { deriveSeed, Rng } from '@rlprune/random';
import { ppoSizes, resolvePpoConfig, type PpoConfig, type ResolvedPpoConfig } from './config';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { ConvexSaRegulariser } from './convex-sa-regulariser';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { AbortError, TrainingDivergedError } from './errors';
import { computeGae } from './gae';
import { PpoOptimisers } from './optimisers';
import { RewardScaler } from './reward-scaler';
import { saRamp, type SaRegulariser } from './sa-regulariser';
import { SgldRegulariser } from './sgld-regulariser';
import type { VecEnvLike } from './vec-env-like';

/** One mask update during training, with the actor's surrogate Lipschitz bound on either side of it. */
export interface MaskUpdate {
  /** Env steps collected when it happened. */
  envSteps: number;
  /** The gradient step after which the masks were updated (1-based, over the whole run). */
  gradientStep: number;
  /** Fraction of the actor's weights pruned after the update. */
  sparsity: number;
  /** Surrogate Lipschitz bound of the actor right before the update (after that step's Adam update). */
  before: number;
  /** The same right after the update; pruning only zeroes weights, so after <= before. */
  after: number;
}

/** What the trainer reports after every iteration. Losses are means over the iteration's minibatches. */
export interface IterationProgress {
  /** 1-based iteration just completed. */
  iteration: number;
  iterations: number;
  /** Env steps so far, over all envs (including those before a resume). */
  envSteps: number;
  /** Env steps per second of wall time since this call of train() started (rollout and update). */
  stepsPerSecond: number;
  /** Mean raw return of the last 10 finished episodes; NaN before the first. */
  meanReturn: number;
  /** Episodes finished so far. */
  episodes: number;
  policyLoss: number;
  valueLoss: number;
  /** Entropy of the Gaussian policy (the same for every state). */
  entropy: number;
  /** Mean SA regulariser R (without kappa); 0 without SA. */
  saLoss: number;
  /** SA epsilon used in this iteration (after the ramp); 0 without SA. */
  saEpsilon: number;
  /** Mean global gradient norm before clipping (policy, value, log-std and SA terms together). */
  gradNorm: number;
  /** Mean global gradient norm of the PPO terms alone, before the SA term is added; equals gradNorm without SA. */
  ppoGradNorm: number;
  /** Mean norm of the SA term's gradient (kappa * dR over actor and log-std); 0 without SA. */
  saGradNorm: number;
  /** Mean clip factor applied to the policy's gradients (1 when the norm stays under maxGradNorm, or without a clip). */
  clipScale: number;
  /** Log-std of every action coordinate at the end of the iteration. */
  logStd: number[];
  /**
   * Mean over the minibatches of the log-std gradient (signed, before clipping), per action coordinate:
   * of the PPO terms, and of the SA term (kappa * dR/dlogStd = -2 kappa R_j, which pushes sigma up).
   */
  logStdGradPpo: number[];
  logStdGradSa: number[];
  /** The same after each step's gradient-norm clip factor: what Adam is fed. */
  logStdGradPpoClipped: number[];
  logStdGradSaClipped: number[];
  approxKl: number;
  clipFraction: number;
  /** Learning rate used in this iteration (after annealing): of the joint optimiser, or the policy's. */
  learningRate: number;
  /** Learning rate of the value optimiser in this iteration; equals learningRate with one joint optimiser. */
  valueLearningRate: number;
  /** Fraction of the actor's weights that are pruned (biases not counted). */
  sparsity: number;
  /** Surrogate Lipschitz bound of the actor (libs/certify), prod_l min(||W||_F, sqrt(||W||_1 ||W||_inf)). */
  lipschitzBound: number;
  /** The mask updates made during this iteration, in order; empty without pruning or between updates. */
  maskUpdates: MaskUpdate[];
}

export interface TrainHooks {
  onIteration?(progress: IterationProgress): void | Promise<void>;
  /** Every checkpointEvery iterations: bytes to pass back as resumeFrom. */
  onCheckpoint?(bytes: Buffer, iteration: number): void | Promise<void>;
  /** Checked before every iteration: once aborted, train() throws AbortError within one iteration. */
  signal?: AbortSignal;
  /** A checkpoint of the same run (same config up to checkpointEvery and engine) to continue from. */
  resumeFrom?: Uint8Array;
}

export interface TrainResult {
  /** The final policy artifact (libs/nn format, normaliser frozen, metadata: env, seed, sparsity, steps). */
  policy: Buffer;
  /** Mean raw return of the last 10 episodes; NaN if none finished. */
  meanReturn: number;
  iterations: number;
  envSteps: number;
  sparsity: number;
  lipschitzBound: number;
}

export async function train(input: PpoConfig, env: VecEnvLike, hooks: TrainHooks = {}): Promise<TrainResult> {
  // ---------------------------------------------------------------- configuration
  const config = resolvePpoConfig(input);
  checkEnv(config, env);
  const { batchSize, minibatchSize, iterations, gradientSteps } = ppoSizes(config);
  const N = config.numEnvs;
  const T = config.numSteps;
  const { obsDim, actDim } = env;
  const engine = createKernelEngine(config.engine ?? undefined);
  const sa = config.sa;

  // ---------------------------------------------------------------- state (seeded; or from a checkpoint)
  let model: ActorCritic = createActorCritic(
    { obsDim, actDim, hidden: config.hidden, activation: config.activation, logStdInit: config.logStdInit },
    deriveSeed(config.seed, 'model'),
  );
  let normalizer: ObsNormalizer = createObsNormalizer(obsDim, { clip: config.obsClip });
  const rewardScaler = new RewardScaler(N, config.gamma, config.rewardClip);
  const actionRng = new Rng(deriveSeed(config.seed, 'actions'));
  const minibatchRng = new Rng(deriveSeed(config.seed, 'minibatches'));
  const saRng = new Rng(deriveSeed(config.seed, 'sa'));
  const pruner = config.pruning ? new PruningScheduler(config.pruning, gradientSteps) : null;
  const regulariser: SaRegulariser | null = !sa
    ? null
    : sa.method === 'sgld'
      ? new SgldRegulariser({ steps: sa.sgldSteps, beta: sa.sgldBeta, detachStdev: sa.detachStdev })
      : new ConvexSaRegulariser({ bounds: sa.convexBounds, detachStdev: sa.detachStdev });
  let iteration = 0;
  let envSteps = 0;
  let gradSteps = 0;
  let episodes = 0;
  let recentReturns: number[] = [];
  let lastCheckpoint: { bytes: Buffer; iteration: number } | null = null;
  let resumedAdam: ReturnType<PpoOptimisers['getState']> | null = null;
  const nextObs = new Float32Array(N * obsDim);
  // Observations are normalised with statistics that include them (Gymnasium's NormalizeObservation).
  const observe = (raw: Float32Array) => {
    updateObsNormalizer(normalizer, raw, N);
    normalizeObs(normalizer, raw, N, nextObs);
  };

  if (hooks.resumeFrom) {
    const s = decodeCheckpoint(hooks.resumeFrom);
    checkSameRun(s.config, config);
    model = s.model;
    normalizer = s.normalizer;
    resumedAdam = { adam: s.adam, valueAdam: s.valueAdam };
    actionRng.setState(s.rngs.actions);
    minibatchRng.setState(s.rngs.minibatches);
    saRng.setState(s.rngs.sa);
    rewardScaler.setState(s.rewardScaler);
    if (pruner) pruner.biasMasks = s.pruningBiasMasks;
    ({ iteration, envSteps, episodes } = s);
    gradSteps = s.gradientSteps;
    recentReturns = s.recentReturns;
    lastCheckpoint = { bytes: Buffer.from(hooks.resumeFrom), iteration };
    if (s.envState && env.restoreState) {
      await env.restoreState(s.envState);
      nextObs.set(s.nextObs);
    } else {
      // Envs that cannot restore their state start fresh episodes: training continues, not bit-identically.
      observe(await env.reset());
    }
  } else {
    observe(await env.reset());
  }

  const actorGrads = createGrads(model.actor);
  const criticGrads = createGrads(model.critic);
  const logStdGrad = new Float32Array(actDim);
  const optimisers = new PpoOptimisers(
    model, { actor: actorGrads, critic: criticGrads, logStd: logStdGrad },
    { separateValue: config.valueLearningRate !== null, adamEps: config.adamEps }, engine.kernels,
  );
  if (resumedAdam) optimisers.setState(resumedAdam);
  const allGrads = optimisers.allGrads;
  // The SA term is measured as the change it makes to these, which leaves the arithmetic untouched.
  const saApplies = regulariser !== null && sa !== null && sa.kappa > 0;
  const saTouchedGrads = [...actorGrads, logStdGrad];
  const saGradsBefore = saApplies ? saTouchedGrads.map((g) => new Float32Array(g.length)) : [];
  const logStdGradBeforeSa = saApplies ? saGradsBefore.at(-1)! : logStdGrad;

  // Rollout storage, row t * N + i.
  const obsBuf = new Float32Array(batchSize * obsDim);
  const actBuf = new Float32Array(batchSize * actDim);
  const logProbBuf = new Float32Array(batchSize);
  const valueBuf = new Float32Array(batchSize);
  const rewardBuf = new Float32Array(batchSize);
  const terminatedBuf = new Uint8Array(batchSize);
  const truncatedBuf = new Uint8Array(batchSize);
  const truncationValueBuf = new Float32Array(batchSize);
  const mean = new Float32Array(N * actDim);
  const value = new Float32Array(N);
  const done = new Uint8Array(N);
  // Minibatch storage.
  const mbObs = new Float32Array(minibatchSize * obsDim);
  const mbAct = new Float32Array(minibatchSize * actDim);
  const mbLogProb = new Float32Array(minibatchSize);
  const mbAdv = new Float32Array(minibatchSize);
  const mbRet = new Float32Array(minibatchSize);
  const mbVal = new Float32Array(minibatchSize);
  let actorPass: ForwardPass | undefined;
  let criticPass: ForwardPass | undefined;

  const started = performance.now();
  const envStepsAtStart = envSteps;
  const fail = (message: string) => new TrainingDivergedError(message, iteration + 1, lastCheckpoint);

  while (iteration < iterations) {
    if (hooks.signal?.aborted) throw new AbortError(iteration);
    const it = iteration + 1;

    // ---------------------------------------------------------------- rollout
    for (let t = 0; t < T; t++) {
      const row = t * N;
      obsBuf.set(nextObs, row * obsDim);
      engine.predict(model.actor, nextObs, N, mean);
      engine.predict(model.critic, nextObs, N, value);
      const actions = actBuf.subarray(row * actDim, (row + N) * actDim);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < actDim; j++) actions[i * actDim + j] = mean[i * actDim + j]! + Math.exp(model.logStd[j]!) * actionRng.normal();
      }
      logProbBuf.set(gaussianLogProb(mean, model.logStd, actions), row);
      valueBuf.set(value, row);

      const step = await env.step(actions);
      envSteps += N;
      let anyTruncated = false;
      for (let i = 0; i < N; i++) {
        const terminated = step.terminated[i] === 1;
        const truncated = step.truncated[i] === 1 && !terminated;
        done[i] = terminated || truncated ? 1 : 0;
        terminatedBuf[row + i] = terminated ? 1 : 0;
        truncatedBuf[row + i] = truncated ? 1 : 0;
        truncationValueBuf[row + i] = 0;
        anyTruncated ||= truncated;
        if (done[i]) {
          episodes++;
          recentReturns.push(step.episodeReturns[i]!);
          if (recentReturns.length > 10) recentReturns.shift();
        }
      }
      rewardScaler.scale(step.rewards, done, rewardBuf.subarray(row, row + N));
      observe(step.obs);
      if (anyTruncated) {
        // Bootstrap value of each truncated episode: V of its final observation, normalised alike.
        const finalValues = engine.predict(model.critic, normalizeObs(normalizer, step.finalObs, N), N);
        for (let i = 0; i < N; i++) if (truncatedBuf[row + i]) truncationValueBuf[row + i] = finalValues[i]!;
      }
    }

    // ---------------------------------------------------------------- advantages
    const { advantages, returns } = computeGae({
      numSteps: T, numEnvs: N, rewards: rewardBuf, values: valueBuf, terminated: terminatedBuf, truncated: truncatedBuf,
      truncationValues: truncationValueBuf, nextValues: engine.predict(model.critic, nextObs, N),
      gamma: config.gamma, lambda: config.gaeLambda,
    });

    // ---------------------------------------------------------------- update
    // SA-PPO anneals both of its optimisers by the same factor (LambdaLR 1 - f / TRAIN_STEPS).
    const anneal = config.annealLr ? 1 - (it - 1) / iterations : 1;
    const lr = config.learningRate * anneal;
    const valueLr = (config.valueLearningRate ?? config.learningRate) * anneal;
    const maskUpdates: MaskUpdate[] = [];
    const saEpsilon = sa ? sa.epsilon * saRamp(it, iterations, sa.rampFraction) : 0;
    const saRampNow = sa ? saRamp(it, iterations, sa.rampFraction) : 0;
    const stats = { policyLoss: 0, valueLoss: 0, entropy: 0, saLoss: 0, approxKl: 0, clipFraction: 0, gradNorm: 0, ppoGradNorm: 0, saGradNorm: 0, clipScale: 0, minibatches: 0 };
    const logStdGradSums = { ppo: new Float64Array(actDim), sa: new Float64Array(actDim), ppoClipped: new Float64Array(actDim), saClipped: new Float64Array(actDim) };
    const indices = Uint32Array.from({ length: batchSize }, (_, k) => k);
    for (let epoch = 0; epoch < config.updateEpochs; epoch++) {
      minibatchRng.shuffle(indices);
      let epochKl = 0;
      let epochMinibatches = 0;
      for (let start = 0; start < batchSize; start += minibatchSize) {
        for (let m = 0; m < minibatchSize; m++) {
          const k = indices[start + m]!;
          mbObs.set(obsBuf.subarray(k * obsDim, (k + 1) * obsDim), m * obsDim);
          mbAct.set(actBuf.subarray(k * actDim, (k + 1) * actDim), m * actDim);
          mbLogProb[m] = logProbBuf[k]!;
          mbAdv[m] = advantages[k]!;
          mbRet[m] = returns[k]!;
          mbVal[m] = valueBuf[k]!;
        }
        if (config.normAdv) normaliseInPlace(mbAdv);

        // Policy: clipped surrogate through log pi(a|s), minus the entropy bonus.
        actorPass = engine.forward(model.actor, mbObs, minibatchSize, actorPass);
        const newLogProb = gaussianLogProb(actorPass.output, model.logStd, mbAct);
        const pg = ppoClipLoss({ logProb: newLogProb, oldLogProb: mbLogProb, advantages: mbAdv, clipCoef: config.clipCoef });
        const logProbGrad = gaussianLogProbGrad(actorPass.output, model.logStd, mbAct, pg.gradLogProb);
        engine.backward(model.actor, actorPass, logProbGrad.mean, actorGrads);
        const { entropy } = gaussianEntropy(model.logStd);
        for (let j = 0; j < actDim; j++) logStdGrad[j] = logProbGrad.logStd[j]! - config.entCoef; // d entropy / d logStd_j = 1

        // Value function.
        criticPass = engine.forward(model.critic, mbObs, minibatchSize, criticPass);
        const vl = valueLoss(config.clipValueLoss
          ? { values: criticPass.output, returns: mbRet, oldValues: mbVal, clipCoef: config.clipCoef }
          : { values: criticPass.output, returns: mbRet });
        for (let m = 0; m < minibatchSize; m++) vl.gradValues[m] = vl.gradValues[m]! * config.valueCoef;
        engine.backward(model.critic, criticPass, vl.gradValues, criticGrads);

        // SA-PPO: kappa * R, its gradient added into the actor's and the log-std's.
        let saLoss = 0;
        let ppoGradNorm = 0;
        let saGradNorm = 0;
        if (saApplies) {
          ppoGradNorm = globalGradNorm(allGrads, engine.kernels);
          saTouchedGrads.forEach((g, i) => saGradsBefore[i]!.set(g));
          saLoss = regulariser!.lossAndGrads(
            { actor: model.actor, logStd: model.logStd, obs: mbObs, batch: minibatchSize, epsilon: saEpsilon, ramp: saRampNow, rng: saRng, engine },
            { weight: sa!.kappa, actorGrads, logStdGrad },
          );
          let sq = 0;
          saTouchedGrads.forEach((g, k) => {
            const before = saGradsBefore[k]!;
            for (let e = 0; e < g.length; e++) sq += (g[e]! - before[e]!) ** 2;
          });
          saGradNorm = Math.sqrt(sq);
        }

        const loss = pg.loss - config.entCoef * entropy + config.valueCoef * vl.loss + (sa ? sa.kappa * saLoss : 0);
        if (!Number.isFinite(loss)) throw fail(`the loss is ${loss} (policy ${pg.loss}, value ${vl.loss}, SA ${saLoss})`);
        const { norm, policyScale: scale } = optimisers.step(lr, valueLr, config.maxGradNorm);
        for (let j = 0; j < actDim; j++) {
          const ppoPart = logStdGradBeforeSa[j]!;
          const saPart = logStdGrad[j]! - ppoPart;
          logStdGradSums.ppo[j] = logStdGradSums.ppo[j]! + ppoPart;
          logStdGradSums.sa[j] = logStdGradSums.sa[j]! + saPart;
          logStdGradSums.ppoClipped[j] = logStdGradSums.ppoClipped[j]! + scale * ppoPart;
          logStdGradSums.saClipped[j] = logStdGradSums.saClipped[j]! + scale * saPart;
        }
        if (!Number.isFinite(norm)) throw fail(`the gradient norm is ${norm}`);
        gradSteps++;

        // Micro-pruning: the scheduler decides whether this gradient step updates the masks; the
        // surrogate bound is read on either side of every update it makes.
        if (pruner) {
          const before = pruner.shouldUpdate(gradSteps) ? surrogateLipschitz(model.actor) : NaN;
          const signals = pruner.needsGradients ? { actor: layerGradients(actorGrads), critic: layerGradients(criticGrads) } : {};
          if (pruner.update(model, gradSteps, signals)) {
            optimisers.applyMasks();
            maskUpdates.push({ envSteps, gradientStep: gradSteps, sparsity: sparsity(model.actor), before, after: surrogateLipschitz(model.actor) });
          }
          // The layer type has no bias mask, so pruned biases are held at zero here after every step.
          if (pruner.biasMasks.actor) enforceMasks(model.actor, pruner.biasMasks.actor);
          if (pruner.biasMasks.critic) enforceMasks(model.critic, pruner.biasMasks.critic);
        }

        stats.policyLoss += pg.loss;
        stats.valueLoss += vl.loss;
        stats.entropy += entropy;
        stats.saLoss += saLoss;
        stats.approxKl += pg.approxKl;
        stats.clipFraction += pg.clipFraction;
        stats.gradNorm += norm;
        stats.ppoGradNorm += saApplies ? ppoGradNorm : norm;
        stats.clipScale += scale;
        stats.saGradNorm += saGradNorm;
        stats.minibatches++;
        epochKl += pg.approxKl;
        epochMinibatches++;
      }
      if (config.targetKl !== null && epochKl / epochMinibatches > config.targetKl) break;
    }
    iteration = it;

    // ---------------------------------------------------------------- progress and checkpoint
    const seconds = (performance.now() - started) / 1000;
    const n = stats.minibatches;
    await hooks.onIteration?.({
      iteration, iterations, envSteps,
      stepsPerSecond: seconds > 0 ? (envSteps - envStepsAtStart) / seconds : 0,
      meanReturn: meanOf(recentReturns),
      episodes,
      policyLoss: stats.policyLoss / n,
      valueLoss: stats.valueLoss / n,
      entropy: stats.entropy / n,
      saLoss: stats.saLoss / n,
      saEpsilon,
      gradNorm: stats.gradNorm / n,
      ppoGradNorm: stats.ppoGradNorm / n,
      saGradNorm: stats.saGradNorm / n,
      clipScale: stats.clipScale / n,
      logStd: Array.from(model.logStd),
      logStdGradPpo: Array.from(logStdGradSums.ppo, (x) => x / n),
      logStdGradSa: Array.from(logStdGradSums.sa, (x) => x / n),
      logStdGradPpoClipped: Array.from(logStdGradSums.ppoClipped, (x) => x / n),
      logStdGradSaClipped: Array.from(logStdGradSums.saClipped, (x) => x / n),
      approxKl: stats.approxKl / n,
      clipFraction: stats.clipFraction / n,
      learningRate: lr,
      valueLearningRate: valueLr,
      sparsity: sparsity(model.actor),
      lipschitzBound: surrogateLipschitz(model.actor),
      maskUpdates,
    });
    if (config.checkpointEvery > 0 && iteration % config.checkpointEvery === 0) {
      const bytes = encodeCheckpoint({
        config, iteration, envSteps, gradientSteps: gradSteps, model, normalizer, ...optimisers.getState(),
        rngs: { actions: actionRng.getState(), minibatches: minibatchRng.getState(), sa: saRng.getState() },
        rewardScaler: rewardScaler.getState(), nextObs: nextObs.slice(), recentReturns: recentReturns.slice(), episodes,
        pruningBiasMasks: pruner ? pruner.biasMasks : { actor: null, critic: null },
        envState: env.saveState ? await env.saveState() : null,
      });
      lastCheckpoint = { bytes, iteration };
      await hooks.onCheckpoint?.(bytes, iteration);
    }
  }

  // ---------------------------------------------------------------- final policy
  const labels: Record<string, string> = { method: sa && sa.kappa > 0 ? 'sa-ppo' : 'ppo' };
  if (sa) Object.assign(labels, { kappa: String(sa.kappa), saEpsilon: String(sa.epsilon), saMethod: sa.method });
  if (config.pruning) Object.assign(labels, { pruning: config.pruning.criterion, pruningScope: config.pruning.scope, finalSparsity: String(config.pruning.finalSparsity) });
  const policy = encodePolicy({
    metadata: { env: config.envId, seed: config.seed, sparsity: sparsity(model.actor), trainingStep: envSteps, parentId: null, labels },
    normalizer: cloneObsNormalizer(normalizer),
    model,
  });
  return {
    policy,
    meanReturn: meanOf(recentReturns),
    iterations: iteration,
    envSteps,
    sparsity: sparsity(model.actor),
    lipschitzBound: surrogateLipschitz(model.actor),
  };
}

function checkEnv(config: ResolvedPpoConfig, env: VecEnvLike): void {
  if (env.numEnvs !== config.numEnvs) throw new InvalidArgumentError('numEnvs', `${env.numEnvs} (the number of envs given)`, show(config.numEnvs));
  let spec;
  try {
    spec = getEnvSpec(config.envId);
  } catch {
    return; // an env this process does not know (served remotely): trust its dimensions
  }
  if (spec.obsDim !== env.obsDim || spec.actDim !== env.actDim) {
    throw new InvalidArgumentError('envId', `the id of the env given (obsDim ${env.obsDim}, actDim ${env.actDim})`, `${config.envId} (obsDim ${spec.obsDim}, actDim ${spec.actDim})`);
  }
}

/** A checkpoint continues only the run it came from; the engine and checkpoint interval may change. */
function checkSameRun(saved: ResolvedPpoConfig, config: ResolvedPpoConfig): void {
  const strip = (c: ResolvedPpoConfig) => ({ ...c, checkpointEvery: 0, engine: null });
  const a = strip(saved) as unknown as Record<string, unknown>;
  const b = strip(config) as unknown as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) {
      throw new InvalidArgumentError('resumeFrom', `a checkpoint of a run with the same ${key} (${JSON.stringify(b[key])})`, `one with ${key} = ${JSON.stringify(a[key])}`);
    }
  }
}

/** Splits [gw0, gb0, gw1, gb1, ...] into what libs/pruning's saliency reads. */
function layerGradients(grads: Float32Array[]): { gradients: Float32Array[]; biasGradients: Float32Array[] } {
  return { gradients: grads.filter((_, i) => i % 2 === 0), biasGradients: grads.filter((_, i) => i % 2 === 1) };
}

/** (x - mean) / (std + 1e-8) with the unbiased std, as torch's .std() in CleanRL. */
function normaliseInPlace(x: Float32Array): void {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mu = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mu) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  for (let i = 0; i < n; i++) x[i] = (x[i]! - mu) / (std + 1e-8);
}

function meanOf(xs: number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
