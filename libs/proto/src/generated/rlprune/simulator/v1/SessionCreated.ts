// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { EnvSpec as _rlprune_common_v1_EnvSpec, EnvSpec__Output as _rlprune_common_v1_EnvSpec__Output } from '../../../rlprune/common/v1/EnvSpec';

export interface SessionCreated {
  'sessionId'?: (string);
  'env'?: (_rlprune_common_v1_EnvSpec | null);
}

export interface SessionCreated__Output {
  'sessionId': (string);
  'env': (_rlprune_common_v1_EnvSpec__Output | null);
}
