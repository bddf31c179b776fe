// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { Long } from '@grpc/proto-loader';

export interface TrainProgress {
  'iteration'?: (number);
  'iterations'?: (number);
  'envSteps'?: (number | string | Long);
  'stepsPerSecond'?: (number | string);
  'meanReturn'?: (number | string);
  'policyLoss'?: (number | string);
  'valueLoss'?: (number | string);
  'entropy'?: (number | string);
  'saLoss'?: (number | string);
  'approxKl'?: (number | string);
  'clipFraction'?: (number | string);
  'sparsity'?: (number | string);
  'lipschitzBound'?: (number | string);
}

export interface TrainProgress__Output {
  'iteration': (number);
  'iterations': (number);
  'envSteps': (number);
  'stepsPerSecond': (number);
  'meanReturn': (number);
  'policyLoss': (number);
  'valueLoss': (number);
  'entropy': (number);
  'saLoss': (number);
  'approxKl': (number);
  'clipFraction': (number);
  'sparsity': (number);
  'lipschitzBound': (number);
}
