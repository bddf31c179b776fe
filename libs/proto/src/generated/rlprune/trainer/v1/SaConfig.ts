// Original file: proto/rlprune/trainer/v1/trainer.proto


export interface SaConfig {
  'kappa'?: (number | string);
  'epsilon'?: (number | string);
  'method'?: (string);
  'rampFraction'?: (number | string);
  '_epsilon'?: "epsilon";
  '_rampFraction'?: "rampFraction";
}

export interface SaConfig__Output {
  'kappa': (number);
  'epsilon'?: (number);
  'method': (string);
  'rampFraction'?: (number);
  '_epsilon'?: "epsilon";
  '_rampFraction'?: "rampFraction";
}
