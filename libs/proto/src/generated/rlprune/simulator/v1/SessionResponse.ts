// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { SessionCreated as _rlprune_simulator_v1_SessionCreated, SessionCreated__Output as _rlprune_simulator_v1_SessionCreated__Output } from '../../../rlprune/simulator/v1/SessionCreated';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';
import type { StepResult as _rlprune_simulator_v1_StepResult, StepResult__Output as _rlprune_simulator_v1_StepResult__Output } from '../../../rlprune/simulator/v1/StepResult';

export interface SessionResponse {
  'created'?: (_rlprune_simulator_v1_SessionCreated | null);
  'observations'?: (_rlprune_common_v1_Tensor | null);
  'step'?: (_rlprune_simulator_v1_StepResult | null);
  'kind'?: "created"|"observations"|"step";
}

export interface SessionResponse__Output {
  'created'?: (_rlprune_simulator_v1_SessionCreated__Output | null);
  'observations'?: (_rlprune_common_v1_Tensor__Output | null);
  'step'?: (_rlprune_simulator_v1_StepResult__Output | null);
  'kind'?: "created"|"observations"|"step";
}
