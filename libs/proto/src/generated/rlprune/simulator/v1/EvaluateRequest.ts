// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { AttackBinding as _rlprune_simulator_v1_AttackBinding, AttackBinding__Output as _rlprune_simulator_v1_AttackBinding__Output } from '../../../rlprune/simulator/v1/AttackBinding';
import type { Long } from '@grpc/proto-loader';

export interface EvaluateRequest {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'envId'?: (string);
  'episodes'?: (number);
  'seed'?: (number | string | Long);
  'deterministic'?: (boolean);
  'numEnvs'?: (number);
  'attack'?: (_rlprune_simulator_v1_AttackBinding | null);
  'stateSampleSize'?: (number);
}

export interface EvaluateRequest__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'envId': (string);
  'episodes': (number);
  'seed': (number);
  'deterministic': (boolean);
  'numEnvs': (number);
  'attack': (_rlprune_simulator_v1_AttackBinding__Output | null);
  'stateSampleSize': (number);
}
