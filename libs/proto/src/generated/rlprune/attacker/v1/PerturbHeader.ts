// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Long } from '@grpc/proto-loader';

export interface PerturbHeader {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'epsilon'?: (number | string);
  'prepared'?: (_rlprune_common_v1_ArtifactRef | null);
  'seed'?: (number | string | Long);
  'params'?: ({[key: string]: number | string});
}

export interface PerturbHeader__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'epsilon': (number);
  'prepared': (_rlprune_common_v1_ArtifactRef__Output | null);
  'seed': (number);
  'params': ({[key: string]: number});
}
