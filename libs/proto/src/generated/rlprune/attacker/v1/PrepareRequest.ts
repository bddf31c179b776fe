// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Long } from '@grpc/proto-loader';

export interface PrepareRequest {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'envId'?: (string);
  'epsilon'?: (number | string);
  'seed'?: (number | string | Long);
  'simulatorAddress'?: (string);
  'params'?: ({[key: string]: number | string});
}

export interface PrepareRequest__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'envId': (string);
  'epsilon': (number);
  'seed': (number);
  'simulatorAddress': (string);
  'params': ({[key: string]: number});
}
