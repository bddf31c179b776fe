// Original file: proto/rlprune/certifier/v1/certifier.proto

import type { LayerNorms as _rlprune_certifier_v1_LayerNorms, LayerNorms__Output as _rlprune_certifier_v1_LayerNorms__Output } from '../../../rlprune/certifier/v1/LayerNorms';
import type { GlobalBounds as _rlprune_certifier_v1_GlobalBounds, GlobalBounds__Output as _rlprune_certifier_v1_GlobalBounds__Output } from '../../../rlprune/certifier/v1/GlobalBounds';
import type { PerStateStats as _rlprune_certifier_v1_PerStateStats, PerStateStats__Output as _rlprune_certifier_v1_PerStateStats__Output } from '../../../rlprune/certifier/v1/PerStateStats';
import type { ParameterPath as _rlprune_certifier_v1_ParameterPath, ParameterPath__Output as _rlprune_certifier_v1_ParameterPath__Output } from '../../../rlprune/certifier/v1/ParameterPath';

export interface CertifyResponse {
  'layers'?: (_rlprune_certifier_v1_LayerNorms)[];
  'global'?: (_rlprune_certifier_v1_GlobalBounds | null);
  'perState'?: (_rlprune_certifier_v1_PerStateStats)[];
  'states'?: (number);
  'constant'?: (boolean);
  'parameterPath'?: (_rlprune_certifier_v1_ParameterPath | null);
}

export interface CertifyResponse__Output {
  'layers': (_rlprune_certifier_v1_LayerNorms__Output)[];
  'global': (_rlprune_certifier_v1_GlobalBounds__Output | null);
  'perState': (_rlprune_certifier_v1_PerStateStats__Output)[];
  'states': (number);
  'constant': (boolean);
  'parameterPath': (_rlprune_certifier_v1_ParameterPath__Output | null);
}
