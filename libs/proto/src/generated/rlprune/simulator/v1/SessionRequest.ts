// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { CreateSession as _rlprune_simulator_v1_CreateSession, CreateSession__Output as _rlprune_simulator_v1_CreateSession__Output } from '../../../rlprune/simulator/v1/CreateSession';
import type { ResetEnvs as _rlprune_simulator_v1_ResetEnvs, ResetEnvs__Output as _rlprune_simulator_v1_ResetEnvs__Output } from '../../../rlprune/simulator/v1/ResetEnvs';
import type { StepEnvs as _rlprune_simulator_v1_StepEnvs, StepEnvs__Output as _rlprune_simulator_v1_StepEnvs__Output } from '../../../rlprune/simulator/v1/StepEnvs';

export interface SessionRequest {
  'create'?: (_rlprune_simulator_v1_CreateSession | null);
  'reset'?: (_rlprune_simulator_v1_ResetEnvs | null);
  'step'?: (_rlprune_simulator_v1_StepEnvs | null);
  'kind'?: "create"|"reset"|"step";
}

export interface SessionRequest__Output {
  'create'?: (_rlprune_simulator_v1_CreateSession__Output | null);
  'reset'?: (_rlprune_simulator_v1_ResetEnvs__Output | null);
  'step'?: (_rlprune_simulator_v1_StepEnvs__Output | null);
  'kind'?: "create"|"reset"|"step";
}
