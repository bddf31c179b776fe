// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface GetSystemStatusRequest {
}

export interface GetSystemStatusRequest__Output {
}
