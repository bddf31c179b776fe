// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface CancelExperimentRequest {
  'id'?: (string);
}

export interface CancelExperimentRequest__Output {
  'id': (string);
}
