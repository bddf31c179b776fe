// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface PerturbResponse {
  'observations'?: (_rlprune_common_v1_Tensor | null);
}

export interface PerturbResponse__Output {
  'observations': (_rlprune_common_v1_Tensor__Output | null);
}
