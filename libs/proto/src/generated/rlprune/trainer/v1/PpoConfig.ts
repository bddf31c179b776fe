// Original file: proto/rlprune/trainer/v1/trainer.proto


export interface PpoConfig {
  'learningRate'?: (number | string);
  'rolloutSteps'?: (number);
  'numEnvs'?: (number);
  'epochs'?: (number);
  'minibatches'?: (number);
  'gamma'?: (number | string);
  'gaeLambda'?: (number | string);
  'clip'?: (number | string);
  'valueCoef'?: (number | string);
  'entropyCoef'?: (number | string);
  'maxGradNorm'?: (number | string);
  'hidden'?: (number)[];
  'activation'?: (string);
  'valueLearningRate'?: (number | string);
  '_learningRate'?: "learningRate";
  '_rolloutSteps'?: "rolloutSteps";
  '_numEnvs'?: "numEnvs";
  '_epochs'?: "epochs";
  '_minibatches'?: "minibatches";
  '_gamma'?: "gamma";
  '_gaeLambda'?: "gaeLambda";
  '_clip'?: "clip";
  '_valueCoef'?: "valueCoef";
  '_entropyCoef'?: "entropyCoef";
  '_maxGradNorm'?: "maxGradNorm";
  '_valueLearningRate'?: "valueLearningRate";
}

export interface PpoConfig__Output {
  'learningRate'?: (number);
  'rolloutSteps'?: (number);
  'numEnvs'?: (number);
  'epochs'?: (number);
  'minibatches'?: (number);
  'gamma'?: (number);
  'gaeLambda'?: (number);
  'clip'?: (number);
  'valueCoef'?: (number);
  'entropyCoef'?: (number);
  'maxGradNorm'?: (number);
  'hidden': (number)[];
  'activation': (string);
  'valueLearningRate'?: (number);
  '_learningRate'?: "learningRate";
  '_rolloutSteps'?: "rolloutSteps";
  '_numEnvs'?: "numEnvs";
  '_epochs'?: "epochs";
  '_minibatches'?: "minibatches";
  '_gamma'?: "gamma";
  '_gaeLambda'?: "gaeLambda";
  '_clip'?: "clip";
  '_valueCoef'?: "valueCoef";
  '_entropyCoef'?: "entropyCoef";
  '_maxGradNorm'?: "maxGradNorm";
  '_valueLearningRate'?: "valueLearningRate";
}
