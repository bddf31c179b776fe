// Original file: proto/rlprune/certifier/v1/certifier.proto


export interface GlobalBounds {
  'lipschitzSurrogate'?: (number | string);
  'spectralProduct'?: (number | string);
  'actionChange'?: (number | string);
  'tv'?: (number | string);
}

export interface GlobalBounds__Output {
  'lipschitzSurrogate': (number);
  'spectralProduct': (number);
  'actionChange': (number);
  'tv': (number);
}
