// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface EvaluateSummary {
  'episodes'?: (number);
  'meanReturn'?: (number | string);
  'stdReturn'?: (number | string);
  'medianReturn'?: (number | string);
  'minReturn'?: (number | string);
  'maxReturn'?: (number | string);
  'meanLength'?: (number | string);
  'returns'?: (number | string)[];
  'lengths'?: (number)[];
  'stateSample'?: (_rlprune_common_v1_Tensor | null);
}

export interface EvaluateSummary__Output {
  'episodes': (number);
  'meanReturn': (number);
  'stdReturn': (number);
  'medianReturn': (number);
  'minReturn': (number);
  'maxReturn': (number);
  'meanLength': (number);
  'returns': (number)[];
  'lengths': (number)[];
  'stateSample': (_rlprune_common_v1_Tensor__Output | null);
}
