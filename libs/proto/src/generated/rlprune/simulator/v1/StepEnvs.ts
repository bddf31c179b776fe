// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface StepEnvs {
  'actions'?: (_rlprune_common_v1_Tensor | null);
  'envIndices'?: (number)[];
}

export interface StepEnvs__Output {
  'actions': (_rlprune_common_v1_Tensor__Output | null);
  'envIndices': (number)[];
}
