// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface StepResult {
  'observations'?: (_rlprune_common_v1_Tensor | null);
  'rewards'?: (number | string)[];
  'terminated'?: (boolean)[];
  'truncated'?: (boolean)[];
  'finalObservations'?: (_rlprune_common_v1_Tensor | null);
  'episodeReturns'?: (number | string)[];
  'episodeLengths'?: (number)[];
}

export interface StepResult__Output {
  'observations': (_rlprune_common_v1_Tensor__Output | null);
  'rewards': (number)[];
  'terminated': (boolean)[];
  'truncated': (boolean)[];
  'finalObservations': (_rlprune_common_v1_Tensor__Output | null);
  'episodeReturns': (number)[];
  'episodeLengths': (number)[];
}
