// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface SubmitExperimentRequest {
  'specYaml'?: (string);
  'name'?: (string);
}

export interface SubmitExperimentRequest__Output {
  'specYaml': (string);
  'name': (string);
}
