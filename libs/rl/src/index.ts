export { TrainingDivergedError, AbortError } from './errors';
export {
  PPO_DEFAULTS, SA_DEFAULTS, SA_METHODS, SA_PPO_OPTIMISER, CONVEX_BOUNDS, resolvePpoConfig, ppoSizes,
  type PpoConfig, type ResolvedPpoConfig, type SaConfig, type ResolvedSaConfig, type SaMethod, type ConvexBounds,
} from './config';
export type { VecEnvLike, VecStep } from './vec-env-like';
export { LocalVecEnv, createLocalVecEnv } from './local-vec-env';
export { RewardScaler, type RewardScalerState } from './reward-scaler';
export { computeGae, type GaeInput } from './gae';
export { saRamp, type SaRegulariser, type SaRegulariserInput, type SaGradientSink } from './sa-regulariser';
export { SgldRegulariser, type SgldOptions } from './sgld-regulariser';
export { ConvexSaRegulariser, type ConvexSaOptions } from './convex-sa-regulariser';
export { PpoOptimisers, type StepResult } from './optimisers';
export { encodeCheckpoint, decodeCheckpoint, TrainingState, type CheckpointData, type RngState } from './checkpoint';
export { RolloutBuffer, Minibatch } from './rollout';
export { PpoLoss, type PpoLossParts } from './ppo-loss';
export { UpdateStats, GradientDiagnostics, type UpdateDiagnostics } from './update-stats';
export { train, type TrainHooks, type TrainResult, type IterationProgress, type MaskUpdate } from './ppo';
