// TrainRequest -> libs/rl's PpoConfig, field for field under CleanRL's names (num_steps is per env,
// as in CleanRL and libs/rl). Unset optional fields keep libs/rl's defaults, which live only there
// (CleanRL's, and SA-PPO's optimiser for an SA run); libs/rl validates every field and names it.
// On the wire 0 means "none" for max_grad_norm (no clip), value_learning_rate (one joint Adam) and
// target_kl (no early stop), libs/rl's null.
import type { PpoConfig } from '@rlprune/rl';
import type { TrainRequest__Output } from '@rlprune/proto/src/generated/rlprune/trainer/v1/TrainRequest';
import { actorCriticParameterBound, DEFAULT_MAX_POLICY_PARAMETERS } from '@rlprune/nn';
import { envInt, InvalidArgumentError, requirePositiveInt, requireString } from '@rlprune/service-kit';

/** RLPRUNE_MAX_POLICY_PARAMETERS: the largest actor-critic a Train request may ask for. */
export function maxPolicyParameters(env: NodeJS.ProcessEnv = process.env): number {
  return envInt('RLPRUNE_MAX_POLICY_PARAMETERS', DEFAULT_MAX_POLICY_PARAMETERS, env);
}

export function toPpoConfig(req: TrainRequest__Output, maxParameters = DEFAULT_MAX_POLICY_PARAMETERS): PpoConfig {
  const envId = requireString(req.envId, 'env_id');
  const hidden = req.ppo?.hidden ?? [];
  // checked before libs/rl allocates anything: [65536, 65536] would be a 16 GiB matrix per net
  if (hidden.length > 0 && hidden.every((w) => Number.isSafeInteger(w) && w > 0)) {
    const bound = actorCriticParameterBound(hidden);
    if (bound > maxParameters) {
      throw new InvalidArgumentError('ppo.hidden', `widths make up to ${bound} parameters, over the limit of ${maxParameters} (RLPRUNE_MAX_POLICY_PARAMETERS)`);
    }
  }
  const totalTimesteps = requirePositiveInt(req.totalTimesteps, 'total_timesteps');
  const p = req.ppo;
  const set = <K extends keyof PpoConfig>(key: K, value: PpoConfig[K] | undefined): Partial<PpoConfig> =>
    value === undefined || value === null ? {} : ({ [key]: value } as Partial<PpoConfig>);
  const s = req.pruning;
  return {
    envId,
    seed: req.seed,
    totalTimesteps,
    ...set('numEnvs', p?.numEnvs),
    ...set('numSteps', p?.numSteps),
    ...set('learningRate', p?.learningRate),
    ...set('updateEpochs', p?.updateEpochs),
    ...set('numMinibatches', p?.numMinibatches),
    ...set('gamma', p?.gamma),
    ...set('gaeLambda', p?.gaeLambda),
    ...set('clipCoef', p?.clipCoef),
    ...set('vfCoef', p?.vfCoef),
    ...set('entCoef', p?.entCoef),
    ...noneAtZero('maxGradNorm', p?.maxGradNorm),
    ...noneAtZero('valueLearningRate', p?.valueLearningRate),
    ...set('annealLr', p?.annealLr),
    ...set('normAdv', p?.normAdv),
    ...set('clipVloss', p?.clipVloss),
    ...noneAtZero('targetKl', p?.targetKl),
    ...(p?.hidden?.length ? { hidden: p.hidden } : {}),
    ...(p?.activation ? { activation: p.activation as 'tanh' | 'relu' } : {}),
    sa:
      req.sa && req.sa.kappa !== 0
        ? {
            kappa: req.sa.kappa,
            ...(req.sa.epsilon !== undefined ? { epsilon: req.sa.epsilon } : {}),
            ...(req.sa.rampFraction !== undefined ? { rampFraction: req.sa.rampFraction } : {}),
            ...(req.sa.method ? { method: req.sa.method as 'sgld' | 'convex' } : {}),
            ...(req.sa.detachStdev !== undefined ? { detachStdev: req.sa.detachStdev } : {}),
            ...(req.sa.convexBounds ? { convexBounds: req.sa.convexBounds as 'crown-ibp' | 'crown' } : {}),
          }
        : null,
    pruning: s
      ? {
          criterion: s.criterion as 'magnitude' | 'saliency' | 'random',
          finalSparsity: s.finalSparsity,
          ...(s.scope ? { scope: s.scope as 'layer' | 'global' } : {}),
          structured: s.structured,
          ...(s.kind ? { kind: s.kind as 'cubic' | 'one_shot' } : {}),
          initialSparsity: s.initialSparsity,
          ...(s.startFraction !== undefined ? { startFraction: s.startFraction } : {}),
          ...(s.endFraction !== undefined ? { endFraction: s.endFraction } : {}),
          ...(s.interval !== undefined ? { interval: s.interval } : {}),
          pruneCritic: s.pruneCritic,
          pruneBiases: s.pruneBiases,
          seed: s.seed,
        }
      : null,
    checkpointEvery: req.checkpointEvery,
  };
}

/** An optional wire number where 0 stands for libs/rl's null; unset leaves libs/rl's default. */
function noneAtZero(key: 'maxGradNorm' | 'valueLearningRate' | 'targetKl', value: number | null | undefined): Partial<PpoConfig> {
  if (value === undefined || value === null) return {};
  return { [key]: value === 0 ? null : value };
}
