// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface SaveEnvState {
}

export interface SaveEnvState__Output {
}
