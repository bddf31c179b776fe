// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface GetExperimentRequest {
  'id'?: (string);
}

export interface GetExperimentRequest__Output {
  'id': (string);
}
