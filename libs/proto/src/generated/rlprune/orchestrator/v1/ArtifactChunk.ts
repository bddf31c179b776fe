// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { ArtifactInfo as _rlprune_orchestrator_v1_ArtifactInfo, ArtifactInfo__Output as _rlprune_orchestrator_v1_ArtifactInfo__Output } from '../../../rlprune/orchestrator/v1/ArtifactInfo';

export interface ArtifactChunk {
  'info'?: (_rlprune_orchestrator_v1_ArtifactInfo | null);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ArtifactChunk__Output {
  'info': (_rlprune_orchestrator_v1_ArtifactInfo__Output | null);
  'data': (Buffer);
}
