// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface CompareExperimentsRequest {
  'ids'?: (string)[];
}

export interface CompareExperimentsRequest__Output {
  'ids': (string)[];
}
