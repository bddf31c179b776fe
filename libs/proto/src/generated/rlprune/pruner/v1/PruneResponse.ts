// Original file: proto/rlprune/pruner/v1/pruner.proto

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from '../../../rlprune/common/v1/ArtifactRef';
import type { LayerSparsity as _rlprune_common_v1_LayerSparsity, LayerSparsity__Output as _rlprune_common_v1_LayerSparsity__Output } from '../../../rlprune/common/v1/LayerSparsity';

export interface PruneResponse {
  'policy'?: (_rlprune_common_v1_ArtifactRef | null);
  'layers'?: (_rlprune_common_v1_LayerSparsity)[];
  'lipschitzBefore'?: (number | string);
  'lipschitzAfter'?: (number | string);
  'sparsity'?: (number | string);
}

export interface PruneResponse__Output {
  'policy': (_rlprune_common_v1_ArtifactRef__Output | null);
  'layers': (_rlprune_common_v1_LayerSparsity__Output)[];
  'lipschitzBefore': (number);
  'lipschitzAfter': (number);
  'sparsity': (number);
}
