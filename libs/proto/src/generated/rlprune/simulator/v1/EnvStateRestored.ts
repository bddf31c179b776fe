// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface EnvStateRestored {
}

export interface EnvStateRestored__Output {
}
