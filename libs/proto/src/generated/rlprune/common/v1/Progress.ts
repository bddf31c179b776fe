// Original file: proto/rlprune/common/v1/common.proto


export interface Progress {
  'fraction'?: (number | string);
  'message'?: (string);
}

export interface Progress__Output {
  'fraction': (number);
  'message': (string);
}
