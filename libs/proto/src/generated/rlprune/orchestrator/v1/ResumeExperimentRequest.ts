// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface ResumeExperimentRequest {
  'id'?: (string);
}

export interface ResumeExperimentRequest__Output {
  'id': (string);
}
