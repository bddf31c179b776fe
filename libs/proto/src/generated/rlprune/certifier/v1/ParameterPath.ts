// Original file: proto/rlprune/certifier/v1/certifier.proto


export interface ParameterPath {
  'deltaNorm'?: (number | string);
  'lPar'?: (number | string);
  'measuredActionShift'?: (number | string);
  'sigmaMin'?: (number | string);
  'steps'?: (number);
}

export interface ParameterPath__Output {
  'deltaNorm': (number);
  'lPar': (number);
  'measuredActionShift': (number);
  'sigmaMin': (number);
  'steps': (number);
}
