// A training checkpoint is a policy artifact (libs/nn's format) whose extras hold everything else the
// run needs to continue bit-identically: Adam moments (of the joint or policy optimiser, and of the
// value optimiser when it has its own), the random streams, the reward scaler, the
// normalised next observation, the episode-return window, pruning bias masks and the envs' state.
// Taken only at iteration boundaries, so no half-collected rollout needs saving.
//
// TrainingState is that state while the run is live: train() reads and advances it, snapshot()
// writes it and start() restores it, so a new piece of state is added here, in one place.
import { InvalidArgumentError } from '@rlprune/errors';
import {
  createActorCritic, createGrads, createObsNormalizer, decodePolicy, encodePolicy, normalizeObs, sparsity, updateObsNormalizer,
  type ActorCritic, type AdamState, type ExtraTensor, type KernelEngine, type ObsNormalizer,
} from '@rlprune/nn';
import { PruningScheduler } from '@rlprune/pruning';
import { deriveSeed, Rng } from '@rlprune/random';
import { ppoSizes, type ResolvedPpoConfig } from './config';
import { PpoOptimisers } from './optimisers';
import { RewardScaler, type RewardScalerState } from './reward-scaler';
import type { VecEnvLike } from './vec-env-like';

export type RngState = [number, number, number, number, number | null];

/** What a checkpoint holds: the live TrainingState (below) as plain data. */
export interface CheckpointData {
  config: ResolvedPpoConfig;
  /** Iterations completed. */
  iteration: number;
  envSteps: number;
  gradientSteps: number;
  model: ActorCritic;
  normalizer: ObsNormalizer;
  /** The joint optimiser's state, or the policy optimiser's when the value has its own. */
  adam: AdamState;
  /** The value optimiser's state; null with one joint optimiser. */
  valueAdam: AdamState | null;
  rngs: { actions: RngState; minibatches: RngState; sa: RngState };
  rewardScaler: RewardScalerState;
  /** The normalised observation the next rollout starts from, [numEnvs * obsDim]. */
  nextObs: Float32Array;
  /** Raw returns of the last (up to) 10 episodes, oldest first. */
  recentReturns: number[];
  episodes: number;
  pruningBiasMasks: { actor: Float32Array[] | null; critic: Float32Array[] | null };
  /** VecEnvLike.saveState bytes, or null when the env cannot save its state. */
  envState: Uint8Array | null;
}

/** Everything a run carries from one iteration to the next. */
export class TrainingState {
  /** Iterations completed. */
  iteration = 0;
  /** Env steps so far, over all envs. */
  envSteps = 0;
  /** Gradient steps so far (the pruning schedule's clock). */
  gradientSteps = 0;
  /** Episodes finished so far. */
  episodes = 0;
  /** Raw returns of the last (up to) 10 episodes, oldest first. */
  recentReturns: number[] = [];
  /** The normalised observation the next rollout starts from, [numEnvs * obsDim]. */
  readonly nextObs: Float32Array;
  readonly model: ActorCritic;
  readonly normalizer: ObsNormalizer;
  readonly rewardScaler: RewardScaler;
  /** One stream per consumer, each from the run seed, so adding one does not shift the others. */
  readonly rngs: { actions: Rng; minibatches: Rng; sa: Rng };
  /** Gradient buffers the losses write and the optimisers read. */
  readonly grads: { actor: Float32Array[]; critic: Float32Array[]; logStd: Float32Array };
  readonly optimisers: PpoOptimisers;
  /** Micro-pruning during training; null without pruning. */
  readonly pruner: PruningScheduler | null;
  /** The last checkpoint written or resumed from, kept for a caller to resume from after a failure. */
  lastCheckpoint: { bytes: Buffer; iteration: number } | null = null;

  private constructor(
    readonly config: ResolvedPpoConfig,
    env: VecEnvLike,
    engine: KernelEngine,
    saved: CheckpointData | null,
  ) {
    const { obsDim, actDim } = env;
    const spec = { obsDim, actDim, hidden: config.hidden, activation: config.activation, logStdInit: config.logStdInit };
    this.model = saved?.model ?? createActorCritic(spec, deriveSeed(config.seed, 'model'));
    this.normalizer = saved?.normalizer ?? createObsNormalizer(obsDim, { clip: config.obsClip });
    this.rewardScaler = new RewardScaler(config.numEnvs, config.gamma, config.rewardClip);
    this.rngs = {
      actions: new Rng(deriveSeed(config.seed, 'actions')),
      minibatches: new Rng(deriveSeed(config.seed, 'minibatches')),
      sa: new Rng(deriveSeed(config.seed, 'sa')),
    };
    this.pruner = config.pruning ? new PruningScheduler(config.pruning, ppoSizes(config).gradientSteps) : null;
    this.nextObs = new Float32Array(config.numEnvs * obsDim);
    this.grads = { actor: createGrads(this.model.actor), critic: createGrads(this.model.critic), logStd: new Float32Array(actDim) };
    this.optimisers = new PpoOptimisers(
      this.model, this.grads, { separateValue: config.valueLearningRate !== null, adamEps: config.adamEps }, engine.kernels,
    );
  }

  /** A fresh run (seeded from config.seed, envs reset), or the run `resumeFrom` checkpointed, continued bit-identically. */
  static async start(config: ResolvedPpoConfig, env: VecEnvLike, engine: KernelEngine, resumeFrom?: Uint8Array): Promise<TrainingState> {
    const saved = resumeFrom ? decodeCheckpoint(resumeFrom) : null;
    if (saved) checkSameRun(saved.config, config);
    const state = new TrainingState(config, env, engine, saved);
    if (!saved) {
      state.observe(await env.reset());
      return state;
    }
    state.optimisers.setState({ adam: saved.adam, valueAdam: saved.valueAdam });
    state.rngs.actions.setState(saved.rngs.actions);
    state.rngs.minibatches.setState(saved.rngs.minibatches);
    state.rngs.sa.setState(saved.rngs.sa);
    state.rewardScaler.setState(saved.rewardScaler);
    if (state.pruner) state.pruner.biasMasks = saved.pruningBiasMasks;
    ({ iteration: state.iteration, envSteps: state.envSteps, gradientSteps: state.gradientSteps, episodes: state.episodes } = saved);
    state.recentReturns = saved.recentReturns;
    state.lastCheckpoint = { bytes: Buffer.from(resumeFrom!), iteration: saved.iteration };
    if (saved.envState && env.restoreState) {
      await env.restoreState(saved.envState);
      state.nextObs.set(saved.nextObs);
    } else {
      // Envs that cannot restore their state start fresh episodes: training continues, not bit-identically.
      state.observe(await env.reset());
    }
    return state;
  }

  /** Takes in the envs' raw observations: normalised with statistics that include them (Gymnasium's NormalizeObservation). */
  observe(raw: Float32Array): void {
    updateObsNormalizer(this.normalizer, raw, this.config.numEnvs);
    normalizeObs(this.normalizer, raw, this.config.numEnvs, this.nextObs);
  }

  /** Counts finished episodes and keeps the last 10 returns. */
  endEpisode(rawReturn: number): void {
    this.episodes++;
    this.recentReturns.push(rawReturn);
    if (this.recentReturns.length > 10) this.recentReturns.shift();
  }

  /** A checkpoint of the run as it stands (at an iteration boundary); also kept as lastCheckpoint. */
  async snapshot(env: VecEnvLike): Promise<Buffer> {
    const bytes = encodeCheckpoint({
      config: this.config, iteration: this.iteration, envSteps: this.envSteps, gradientSteps: this.gradientSteps,
      model: this.model, normalizer: this.normalizer, ...this.optimisers.getState(),
      rngs: { actions: this.rngs.actions.getState(), minibatches: this.rngs.minibatches.getState(), sa: this.rngs.sa.getState() },
      rewardScaler: this.rewardScaler.getState(), nextObs: this.nextObs.slice(), recentReturns: this.recentReturns.slice(),
      episodes: this.episodes,
      pruningBiasMasks: this.pruner ? this.pruner.biasMasks : { actor: null, critic: null },
      envState: env.saveState ? await env.saveState() : null,
    });
    this.lastCheckpoint = { bytes, iteration: this.iteration };
    return bytes;
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

const KIND = 'rlprune.ppo-checkpoint';
const VERSION = 1;

interface CheckpointJson {
  kind: typeof KIND;
  version: number;
  config: ResolvedPpoConfig;
  iteration: number;
  envSteps: number;
  gradientSteps: number;
  adamStep: number;
  adamTensors: number;
  /** Absent in checkpoints of runs with one joint optimiser. */
  valueAdamStep?: number;
  valueAdamTensors?: number;
  episodes: number;
  biasMaskLayers: { actor: number; critic: number };
  envState: string | null;
}

export function encodeCheckpoint(s: CheckpointData): Buffer {
  const tensors: Record<string, ExtraTensor> = {
    'rng.actions': rngTensor(s.rngs.actions),
    'rng.minibatches': rngTensor(s.rngs.minibatches),
    'rng.sa': rngTensor(s.rngs.sa),
    'rewardScaler.returns': s.rewardScaler.returns,
    'rewardScaler.stats': Float64Array.of(s.rewardScaler.mean, s.rewardScaler.var, s.rewardScaler.count),
    nextObs: s.nextObs,
    recentReturns: Float64Array.from(s.recentReturns),
  };
  s.adam.m.forEach((m, i) => (tensors[`adam.m.${i}`] = m));
  s.adam.v.forEach((v, i) => (tensors[`adam.v.${i}`] = v));
  s.valueAdam?.m.forEach((m, i) => (tensors[`valueAdam.m.${i}`] = m));
  s.valueAdam?.v.forEach((v, i) => (tensors[`valueAdam.v.${i}`] = v));
  for (const net of ['actor', 'critic'] as const) s.pruningBiasMasks[net]?.forEach((m, i) => (tensors[`pruning.${net}.bias.${i}`] = m));
  const json: CheckpointJson = {
    kind: KIND,
    version: VERSION,
    config: s.config,
    iteration: s.iteration,
    envSteps: s.envSteps,
    gradientSteps: s.gradientSteps,
    adamStep: s.adam.step,
    adamTensors: s.adam.m.length,
    ...(s.valueAdam ? { valueAdamStep: s.valueAdam.step, valueAdamTensors: s.valueAdam.m.length } : {}),
    episodes: s.episodes,
    biasMaskLayers: { actor: s.pruningBiasMasks.actor?.length ?? 0, critic: s.pruningBiasMasks.critic?.length ?? 0 },
    envState: s.envState ? Buffer.from(s.envState.buffer, s.envState.byteOffset, s.envState.byteLength).toString('base64') : null,
  };
  return encodePolicy({
    metadata: {
      env: s.config.envId,
      seed: s.config.seed,
      sparsity: sparsity(s.model.actor),
      trainingStep: s.envSteps,
      parentId: null,
      labels: { kind: 'checkpoint', iteration: String(s.iteration) },
    },
    normalizer: s.normalizer,
    model: s.model,
    extraTensors: tensors,
    extraJson: json,
  });
}

/** Reads a checkpoint written by encodeCheckpoint; anything else throws InvalidArgumentError('resumeFrom'). */
export function decodeCheckpoint(bytes: Uint8Array): CheckpointData {
  let artifact;
  try {
    artifact = decodePolicy(bytes);
  } catch (err) {
    throw new InvalidArgumentError('resumeFrom', 'a checkpoint written by this trainer', `an unreadable file (${(err as Error).message})`);
  }
  const json = artifact.extraJson as CheckpointJson | undefined;
  if (!json || json.kind !== KIND) throw new InvalidArgumentError('resumeFrom', 'a training checkpoint', 'a policy artifact without training state');
  if (json.version !== VERSION) throw new InvalidArgumentError('resumeFrom', `checkpoint version ${VERSION}`, `version ${json.version}`);
  const t = artifact.extraTensors ?? {};
  const take = <T extends ExtraTensor>(name: string): T => {
    const x = t[name];
    if (!x) throw new InvalidArgumentError('resumeFrom', `a checkpoint with the tensor "${name}"`, 'a checkpoint without it');
    return x as T;
  };
  const masks = (net: 'actor' | 'critic', n: number) => (n === 0 ? null : Array.from({ length: n }, (_, i) => take<Float32Array>(`pruning.${net}.bias.${i}`)));
  const stats = take<Float64Array>('rewardScaler.stats');
  const envState = json.envState === null ? null : new Uint8Array(Buffer.from(json.envState, 'base64'));
  return {
    config: json.config,
    iteration: json.iteration,
    envSteps: json.envSteps,
    gradientSteps: json.gradientSteps,
    model: artifact.model,
    normalizer: artifact.normalizer,
    adam: {
      step: json.adamStep,
      m: Array.from({ length: json.adamTensors }, (_, i) => take<Float32Array>(`adam.m.${i}`)),
      v: Array.from({ length: json.adamTensors }, (_, i) => take<Float32Array>(`adam.v.${i}`)),
    },
    valueAdam: json.valueAdamTensors === undefined ? null : {
      step: json.valueAdamStep!,
      m: Array.from({ length: json.valueAdamTensors }, (_, i) => take<Float32Array>(`valueAdam.m.${i}`)),
      v: Array.from({ length: json.valueAdamTensors }, (_, i) => take<Float32Array>(`valueAdam.v.${i}`)),
    },
    rngs: { actions: rngState(take('rng.actions')), minibatches: rngState(take('rng.minibatches')), sa: rngState(take('rng.sa')) },
    rewardScaler: { returns: take<Float64Array>('rewardScaler.returns'), mean: stats[0]!, var: stats[1]!, count: stats[2]! },
    nextObs: take<Float32Array>('nextObs'),
    recentReturns: Array.from(take<Float64Array>('recentReturns')),
    episodes: json.episodes,
    pruningBiasMasks: { actor: masks('actor', json.biasMaskLayers.actor), critic: masks('critic', json.biasMaskLayers.critic) },
    envState,
  };
}

// RNG states go into float64 tensors, not JSON, so every bit (and a null spare) survives.
function rngTensor(s: RngState): Float64Array {
  return Float64Array.of(s[0], s[1], s[2], s[3], s[4] === null ? 0 : 1, s[4] ?? 0);
}

function rngState(t: Float64Array): RngState {
  return [t[0]!, t[1]!, t[2]!, t[3]!, t[4] === 1 ? t[5]! : null];
}
