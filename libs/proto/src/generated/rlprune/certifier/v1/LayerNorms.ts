// Original file: proto/rlprune/certifier/v1/certifier.proto


export interface LayerNorms {
  'layer'?: (string);
  'frobenius'?: (number | string);
  'one'?: (number | string);
  'inf'?: (number | string);
  'spectral'?: (number | string);
}

export interface LayerNorms__Output {
  'layer': (string);
  'frobenius': (number);
  'one': (number);
  'inf': (number);
  'spectral': (number);
}
