// Original file: proto/rlprune/common/v1/common.proto


export interface Tensor {
  'data'?: (Buffer | Uint8Array | string);
  'shape'?: (number)[];
}

export interface Tensor__Output {
  'data': (Buffer);
  'shape': (number)[];
}
