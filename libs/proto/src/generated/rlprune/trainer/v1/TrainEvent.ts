// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { TrainProgress as _rlprune_trainer_v1_TrainProgress, TrainProgress__Output as _rlprune_trainer_v1_TrainProgress__Output } from '../../../rlprune/trainer/v1/TrainProgress';
import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { TrainResult as _rlprune_trainer_v1_TrainResult, TrainResult__Output as _rlprune_trainer_v1_TrainResult__Output } from '../../../rlprune/trainer/v1/TrainResult';

export interface TrainEvent {
  'progress'?: (_rlprune_trainer_v1_TrainProgress | null);
  'checkpoint'?: (_rlprune_common_v1_ArtifactRef | null);
  'result'?: (_rlprune_trainer_v1_TrainResult | null);
  'kind'?: "progress"|"checkpoint"|"result";
}

export interface TrainEvent__Output {
  'progress'?: (_rlprune_trainer_v1_TrainProgress__Output | null);
  'checkpoint'?: (_rlprune_common_v1_ArtifactRef__Output | null);
  'result'?: (_rlprune_trainer_v1_TrainResult__Output | null);
  'kind'?: "progress"|"checkpoint"|"result";
}
