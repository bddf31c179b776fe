// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { ArtifactMeta as _rlprune_orchestrator_v1_ArtifactMeta, ArtifactMeta__Output as _rlprune_orchestrator_v1_ArtifactMeta__Output } from '../../../rlprune/orchestrator/v1/ArtifactMeta';

export interface PutArtifactChunk {
  'meta'?: (_rlprune_orchestrator_v1_ArtifactMeta | null);
  'data'?: (Buffer | Uint8Array | string);
}

export interface PutArtifactChunk__Output {
  'meta': (_rlprune_orchestrator_v1_ArtifactMeta__Output | null);
  'data': (Buffer);
}
