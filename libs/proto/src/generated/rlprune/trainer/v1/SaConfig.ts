// Original file: proto/rlprune/trainer/v1/trainer.proto


export interface SaConfig {
  'kappa'?: (number | string);
  'epsilon'?: (number | string);
  'method'?: (string);
  'rampFraction'?: (number | string);
  'detachStdev'?: (boolean);
  'convexBounds'?: (string);
  '_epsilon'?: "epsilon";
  '_rampFraction'?: "rampFraction";
  '_detachStdev'?: "detachStdev";
}

export interface SaConfig__Output {
  'kappa': (number);
  'epsilon'?: (number);
  'method': (string);
  'rampFraction'?: (number);
  'detachStdev'?: (boolean);
  'convexBounds': (string);
  '_epsilon'?: "epsilon";
  '_rampFraction'?: "rampFraction";
  '_detachStdev'?: "detachStdev";
}
