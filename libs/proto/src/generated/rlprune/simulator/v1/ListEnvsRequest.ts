// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface ListEnvsRequest {
}

export interface ListEnvsRequest__Output {
}
