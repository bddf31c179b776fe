// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { Long } from '@grpc/proto-loader';

export interface MaskUpdate {
  'envSteps'?: (number | string | Long);
  'gradientStep'?: (number | string | Long);
  'sparsity'?: (number | string);
  'before'?: (number | string);
  'after'?: (number | string);
}

export interface MaskUpdate__Output {
  'envSteps': (number);
  'gradientStep': (number);
  'sparsity': (number);
  'before': (number);
  'after': (number);
}
