// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { CreateSession as _rlprune_simulator_v1_CreateSession, CreateSession__Output as _rlprune_simulator_v1_CreateSession__Output } from '../../../rlprune/simulator/v1/CreateSession';
import type { ResetEnvs as _rlprune_simulator_v1_ResetEnvs, ResetEnvs__Output as _rlprune_simulator_v1_ResetEnvs__Output } from '../../../rlprune/simulator/v1/ResetEnvs';
import type { StepEnvs as _rlprune_simulator_v1_StepEnvs, StepEnvs__Output as _rlprune_simulator_v1_StepEnvs__Output } from '../../../rlprune/simulator/v1/StepEnvs';
import type { SaveEnvState as _rlprune_simulator_v1_SaveEnvState, SaveEnvState__Output as _rlprune_simulator_v1_SaveEnvState__Output } from '../../../rlprune/simulator/v1/SaveEnvState';
import type { RestoreEnvState as _rlprune_simulator_v1_RestoreEnvState, RestoreEnvState__Output as _rlprune_simulator_v1_RestoreEnvState__Output } from '../../../rlprune/simulator/v1/RestoreEnvState';

export interface SessionRequest {
  'create'?: (_rlprune_simulator_v1_CreateSession | null);
  'reset'?: (_rlprune_simulator_v1_ResetEnvs | null);
  'step'?: (_rlprune_simulator_v1_StepEnvs | null);
  'saveState'?: (_rlprune_simulator_v1_SaveEnvState | null);
  'restoreState'?: (_rlprune_simulator_v1_RestoreEnvState | null);
  'kind'?: "create"|"reset"|"step"|"saveState"|"restoreState";
}

export interface SessionRequest__Output {
  'create'?: (_rlprune_simulator_v1_CreateSession__Output | null);
  'reset'?: (_rlprune_simulator_v1_ResetEnvs__Output | null);
  'step'?: (_rlprune_simulator_v1_StepEnvs__Output | null);
  'saveState'?: (_rlprune_simulator_v1_SaveEnvState__Output | null);
  'restoreState'?: (_rlprune_simulator_v1_RestoreEnvState__Output | null);
  'kind'?: "create"|"reset"|"step"|"saveState"|"restoreState";
}
