// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Long } from '@grpc/proto-loader';

export interface TrainResult {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'finalMeanReturn'?: (number | string);
  'envSteps'?: (number | string | Long);
}

export interface TrainResult__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'finalMeanReturn': (number);
  'envSteps': (number);
}
