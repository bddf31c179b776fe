// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { Progress as _rlprune_common_v1_Progress, Progress__Output as _rlprune_common_v1_Progress__Output } from '../../../rlprune/common/v1/Progress';
import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';

export interface PrepareEvent {
  'progress'?: (_rlprune_common_v1_Progress | null);
  'prepared'?: (_rlprune_common_v1_ArtifactRef | null);
  'kind'?: "progress"|"prepared";
}

export interface PrepareEvent__Output {
  'progress'?: (_rlprune_common_v1_Progress__Output | null);
  'prepared'?: (_rlprune_common_v1_ArtifactRef__Output | null);
  'kind'?: "progress"|"prepared";
}
