// Original file: proto/rlprune/trainer/v1/trainer.proto

import type { MaskUpdate as _rlprune_trainer_v1_MaskUpdate, MaskUpdate__Output as _rlprune_trainer_v1_MaskUpdate__Output } from '../../../rlprune/trainer/v1/MaskUpdate';
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
  'maskUpdates'?: (_rlprune_trainer_v1_MaskUpdate)[];
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
  'maskUpdates': (_rlprune_trainer_v1_MaskUpdate__Output)[];
}
