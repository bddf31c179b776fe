// Original file: proto/rlprune/certifier/v1/certifier.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';

export interface CertifyRequest {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'epsilon'?: (number | string);
  'norm'?: (string);
  'methods'?: (string)[];
  'states'?: (_rlprune_common_v1_Tensor | null);
  'tvThreshold'?: (number | string);
  'includePerState'?: (boolean);
  'certifiedRadius'?: (boolean);
  'referencePolicy'?: (_rlprune_common_v1_ArtifactRef | null);
  'pathSteps'?: (number);
  '_tvThreshold'?: "tvThreshold";
  '_certifiedRadius'?: "certifiedRadius";
  '_pathSteps'?: "pathSteps";
}

export interface CertifyRequest__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'epsilon': (number);
  'norm': (string);
  'methods': (string)[];
  'states': (_rlprune_common_v1_Tensor__Output | null);
  'tvThreshold'?: (number);
  'includePerState': (boolean);
  'certifiedRadius'?: (boolean);
  'referencePolicy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'pathSteps'?: (number);
  '_tvThreshold'?: "tvThreshold";
  '_certifiedRadius'?: "certifiedRadius";
  '_pathSteps'?: "pathSteps";
}
