// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';

export interface AttackBinding {
  'address'?: (string);
  'attack'?: (string);
  'epsilon'?: (number | string);
  'prepared'?: (_rlprune_common_v1_ArtifactRef | null);
  'params'?: ({[key: string]: number | string});
}

export interface AttackBinding__Output {
  'address': (string);
  'attack': (string);
  'epsilon': (number);
  'prepared': (_rlprune_common_v1_ArtifactRef__Output | null);
  'params': ({[key: string]: number});
}
