// Original file: proto/rlprune/common/v1/common.proto


export interface ArtifactRef {
  'id'?: (string);
}

export interface ArtifactRef__Output {
  'id': (string);
}
