// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface WatchExperimentRequest {
  'id'?: (string);
}

export interface WatchExperimentRequest__Output {
  'id': (string);
}
