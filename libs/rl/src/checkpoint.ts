// A training checkpoint is a policy artifact (libs/nn's format) whose extras hold everything else the
// run needs to continue bit-identically: Adam moments (of the joint or policy optimiser, and of the
// value optimiser when it has its own), the random streams, the reward scaler, the
// normalised next observation, the episode-return window, pruning bias masks and the envs' state.
// Taken only at iteration boundaries, so no half-collected rollout needs saving.
import { decodePolicy, encodePolicy, sparsity, type ActorCritic, type AdamState, type ExtraTensor, type ObsNormalizer } from '@rlprune/nn';
import type { ResolvedPpoConfig } from './config';
import { InvalidArgumentError } from '@rlprune/errors';
import type { RewardScalerState } from './reward-scaler';

export type RngState = [number, number, number, number, number | null];

export interface TrainingState {
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

export function encodeCheckpoint(s: TrainingState): Buffer {
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
export function decodeCheckpoint(bytes: Uint8Array): TrainingState {
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
