// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { EnvSpec as _rlprune_common_v1_EnvSpec, EnvSpec__Output as _rlprune_common_v1_EnvSpec__Output } from '../../../rlprune/common/v1/EnvSpec';

export interface ListEnvsResponse {
  'envs'?: (_rlprune_common_v1_EnvSpec)[];
}

export interface ListEnvsResponse__Output {
  'envs': (_rlprune_common_v1_EnvSpec__Output)[];
}
