// Original file: proto/rlprune/pruner/v1/pruner.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from '../../../rlprune/common/v1/Tensor';
import type { Long } from '@grpc/proto-loader';

export interface PruneRequest {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'criterion'?: (string);
  'scope'?: (string);
  'structured'?: (boolean);
  'sparsity'?: (number | string);
  'seed'?: (number | string | Long);
  'states'?: (_rlprune_common_v1_Tensor | null);
  'pruneCritic'?: (boolean);
  'pruneBiases'?: (boolean);
}

export interface PruneRequest__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'criterion': (string);
  'scope': (string);
  'structured': (boolean);
  'sparsity': (number);
  'seed': (number);
  'states': (_rlprune_common_v1_Tensor__Output | null);
  'pruneCritic': (boolean);
  'pruneBiases': (boolean);
}
