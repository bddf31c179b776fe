// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { SessionCreated as _rlprune_simulator_v1_SessionCreated, SessionCreated__Output as _rlprune_simulator_v1_SessionCreated__Output } from '../../../rlprune/simulator/v1/SessionCreated';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';
import type { StepResult as _rlprune_simulator_v1_StepResult, StepResult__Output as _rlprune_simulator_v1_StepResult__Output } from '../../../rlprune/simulator/v1/StepResult';
import type { EnvStateRestored as _rlprune_simulator_v1_EnvStateRestored, EnvStateRestored__Output as _rlprune_simulator_v1_EnvStateRestored__Output } from '../../../rlprune/simulator/v1/EnvStateRestored';

export interface SessionResponse {
  'created'?: (_rlprune_simulator_v1_SessionCreated | null);
  'observations'?: (_rlprune_common_v1_Tensor | null);
  'step'?: (_rlprune_simulator_v1_StepResult | null);
  'state'?: (Buffer | Uint8Array | string);
  'restored'?: (_rlprune_simulator_v1_EnvStateRestored | null);
  'kind'?: "created"|"observations"|"step"|"state"|"restored";
}

export interface SessionResponse__Output {
  'created'?: (_rlprune_simulator_v1_SessionCreated__Output | null);
  'observations'?: (_rlprune_common_v1_Tensor__Output | null);
  'step'?: (_rlprune_simulator_v1_StepResult__Output | null);
  'state'?: (Buffer);
  'restored'?: (_rlprune_simulator_v1_EnvStateRestored__Output | null);
  'kind'?: "created"|"observations"|"step"|"state"|"restored";
}
