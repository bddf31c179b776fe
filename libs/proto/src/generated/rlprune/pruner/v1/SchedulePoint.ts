// Original file: proto/rlprune/pruner/v1/pruner.proto

import type { Long } from '@grpc/proto-loader';

export interface SchedulePoint {
  'step'?: (number | string | Long);
  'sparsity'?: (number | string);
}

export interface SchedulePoint__Output {
  'step': (number);
  'sparsity': (number);
}
