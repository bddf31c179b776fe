// Original file: proto/rlprune/certifier/v1/certifier.proto

import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface PerStateStats {
  'method'?: (string);
  'meanTv'?: (number | string);
  'medianTv'?: (number | string);
  'maxTv'?: (number | string);
  'certifiedFraction'?: (number | string);
  'meanWidth'?: (number | string);
  'lower'?: (_rlprune_common_v1_Tensor | null);
  'upper'?: (_rlprune_common_v1_Tensor | null);
  'meanCertifiedRadius'?: (number | string);
  '_meanCertifiedRadius'?: "meanCertifiedRadius";
}

export interface PerStateStats__Output {
  'method': (string);
  'meanTv': (number);
  'medianTv': (number);
  'maxTv': (number);
  'certifiedFraction': (number);
  'meanWidth': (number);
  'lower': (_rlprune_common_v1_Tensor__Output | null);
  'upper': (_rlprune_common_v1_Tensor__Output | null);
  'meanCertifiedRadius'?: (number);
  '_meanCertifiedRadius'?: "meanCertifiedRadius";
}
