// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface ResetEnvs {
}

export interface ResetEnvs__Output {
}
