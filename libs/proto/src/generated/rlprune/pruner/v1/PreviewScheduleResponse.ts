// Original file: proto/rlprune/pruner/v1/pruner.proto

import type { SchedulePoint as _rlprune_pruner_v1_SchedulePoint, SchedulePoint__Output as _rlprune_pruner_v1_SchedulePoint__Output } from '../../../rlprune/pruner/v1/SchedulePoint';

export interface PreviewScheduleResponse {
  'points'?: (_rlprune_pruner_v1_SchedulePoint)[];
}

export interface PreviewScheduleResponse__Output {
  'points': (_rlprune_pruner_v1_SchedulePoint__Output)[];
}
