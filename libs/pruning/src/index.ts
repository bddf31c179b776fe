export {
  CRITERIA,
  SCOPES,
  PRUNE_DEFAULTS,
  resolvePruneOptions,
  type Criterion,
  type Scope,
  type Seed,
  type NetSignals,
  type PruneOptions,
  type ResolvedPruneOptions,
} from './options';
export { DEFAULT_LAYER_FLOOR, NO_LAYER_FLOOR, type LayerFloor } from './layer-floor';
export type { PruningCriterion, LayerScores, ScoreInputs } from './criteria/criterion';
export { magnitude } from './criteria/magnitude';
export { saliency } from './criteria/saliency';
export { random } from './criteria/random';
export { criterionByName } from './criteria/registry';
export {
  applyMasks,
  countZeros,
  currentMasks,
  enforceMasks,
  fullMasks,
  isUnitRemoved,
  removeUnit,
  type NetMasks,
} from './masks';
export { sparsityReport, type LayerSparsityReport, type SparsityReport, type UnitSparsityReport } from './report';
export { pruneNet, type NetPruneResult } from './prune-net';
export type { FloorLimit } from './unstructured';
export {
  pruneActorCritic,
  type ActorCriticPruneResult,
  type PruneActorCriticOptions,
} from './prune-actor-critic';
export {
  SCHEDULE_DEFAULTS,
  SCHEDULE_KINDS,
  cubicSparsity,
  isUpdateStep,
  previewSchedule,
  resolveSchedule,
  scheduleWindow,
  targetSparsity,
  type PruningSchedule,
  type ResolvedPruningSchedule,
  type ScheduleKind,
  type SchedulePoint,
} from './schedule';
export { PruningScheduler, type UpdateSignals } from './scheduler';
export { logLikelihoodGradients } from './saliency-gradients';
