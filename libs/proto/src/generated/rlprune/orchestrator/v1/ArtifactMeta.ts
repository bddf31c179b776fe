// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface ArtifactMeta {
  'kind'?: (string);
  'labels'?: ({[key: string]: string});
}

export interface ArtifactMeta__Output {
  'kind': (string);
  'labels': ({[key: string]: string});
}
