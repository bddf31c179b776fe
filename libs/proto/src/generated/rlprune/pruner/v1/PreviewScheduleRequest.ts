// Original file: proto/rlprune/pruner/v1/pruner.proto

import type { PruningSchedule as _rlprune_common_v1_PruningSchedule, PruningSchedule__Output as _rlprune_common_v1_PruningSchedule__Output } from '../../../rlprune/common/v1/PruningSchedule';
import type { Long } from '@grpc/proto-loader';

export interface PreviewScheduleRequest {
  'schedule'?: (_rlprune_common_v1_PruningSchedule | null);
  'totalSteps'?: (number | string | Long);
  'points'?: (number);
}

export interface PreviewScheduleRequest__Output {
  'schedule': (_rlprune_common_v1_PruningSchedule__Output | null);
  'totalSteps': (number);
  'points': (number);
}
