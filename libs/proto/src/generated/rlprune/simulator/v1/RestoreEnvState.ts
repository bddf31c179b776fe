// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface RestoreEnvState {
  'state'?: (Buffer | Uint8Array | string);
}

export interface RestoreEnvState__Output {
  'state': (Buffer);
}
