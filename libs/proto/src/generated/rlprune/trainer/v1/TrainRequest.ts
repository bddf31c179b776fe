// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { PpoConfig as _rlprune_trainer_v1_PpoConfig, PpoConfig__Output as _rlprune_trainer_v1_PpoConfig__Output } from '../../../rlprune/trainer/v1/PpoConfig';
import type { SaConfig as _rlprune_trainer_v1_SaConfig, SaConfig__Output as _rlprune_trainer_v1_SaConfig__Output } from '../../../rlprune/trainer/v1/SaConfig';
import type { PruningSchedule as _rlprune_common_v1_PruningSchedule, PruningSchedule__Output as _rlprune_common_v1_PruningSchedule__Output } from '../../../rlprune/common/v1/PruningSchedule';
import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Long } from '@grpc/proto-loader';

export interface TrainRequest {
  'envId'?: (string);
  'seed'?: (number | string | Long);
  'totalTimesteps'?: (number | string | Long);
  'ppo'?: (_rlprune_trainer_v1_PpoConfig | null);
  'sa'?: (_rlprune_trainer_v1_SaConfig | null);
  'pruning'?: (_rlprune_common_v1_PruningSchedule | null);
  'checkpointEvery'?: (number);
  'resumeFrom'?: (_rlprune_common_v1_ArtifactRef | null);
  'simulatorAddress'?: (string);
}

export interface TrainRequest__Output {
  'envId': (string);
  'seed': (number);
  'totalTimesteps': (number);
  'ppo': (_rlprune_trainer_v1_PpoConfig__Output | null);
  'sa': (_rlprune_trainer_v1_SaConfig__Output | null);
  'pruning': (_rlprune_common_v1_PruningSchedule__Output | null);
  'checkpointEvery': (number);
  'resumeFrom': (_rlprune_common_v1_ArtifactRef__Output | null);
  'simulatorAddress': (string);
}
