// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { ArtifactMeta as _rlprune_orchestrator_v1_ArtifactMeta, ArtifactMeta__Output as _rlprune_orchestrator_v1_ArtifactMeta__Output } from '../../../rlprune/orchestrator/v1/ArtifactMeta';
import type { Long } from '@grpc/proto-loader';

export interface ArtifactInfo {
  'id'?: (string);
  'size'?: (number | string | Long);
  'meta'?: (_rlprune_orchestrator_v1_ArtifactMeta | null);
}

export interface ArtifactInfo__Output {
  'id': (string);
  'size': (number);
  'meta': (_rlprune_orchestrator_v1_ArtifactMeta__Output | null);
}
