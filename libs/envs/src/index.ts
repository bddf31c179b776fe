export type { EnvSpec } from './env-spec';
export { EnvStateError } from './errors';
export { loadMujoco, type MujocoModule } from './mujoco-module';
export { getEnvSpec, listEnvSpecs } from './registry';
export { createEnv, MujocoEnv, type EnvOptions, type EnvState, type StepResult } from './mujoco-env';
export { createVecEnv, maxNumEnvs, VecEnv, type VecEnvOptions, type VecStepResult } from './vec-env';
export { parseActionsJson, rollout, type RolloutOptions, type RolloutRecord } from './rollout';
export { saveVecEnvState, restoreVecEnvState } from './vec-env-state';
export { createThreadedVecEnv, ThreadedVecEnv, type ThreadedVecEnvOptions } from './threaded-vec-env';
