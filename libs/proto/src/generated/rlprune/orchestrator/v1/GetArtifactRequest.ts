// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface GetArtifactRequest {
  'id'?: (string);
}

export interface GetArtifactRequest__Output {
  'id': (string);
}
