// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface ListExperimentsRequest {
}

export interface ListExperimentsRequest__Output {
}
