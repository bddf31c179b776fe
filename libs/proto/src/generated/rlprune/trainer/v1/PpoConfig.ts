// Original file: proto/rlprune/trainer/v1/trainer.proto


export interface PpoConfig {
  'learningRate'?: (number | string);
  'numSteps'?: (number);
  'numEnvs'?: (number);
  'updateEpochs'?: (number);
  'numMinibatches'?: (number);
  'gamma'?: (number | string);
  'gaeLambda'?: (number | string);
  'clipCoef'?: (number | string);
  'vfCoef'?: (number | string);
  'entCoef'?: (number | string);
  'maxGradNorm'?: (number | string);
  'hidden'?: (number)[];
  'activation'?: (string);
  'valueLearningRate'?: (number | string);
  'annealLr'?: (boolean);
  'normAdv'?: (boolean);
  'clipVloss'?: (boolean);
  'targetKl'?: (number | string);
  '_learningRate'?: "learningRate";
  '_numSteps'?: "numSteps";
  '_numEnvs'?: "numEnvs";
  '_updateEpochs'?: "updateEpochs";
  '_numMinibatches'?: "numMinibatches";
  '_gamma'?: "gamma";
  '_gaeLambda'?: "gaeLambda";
  '_clipCoef'?: "clipCoef";
  '_vfCoef'?: "vfCoef";
  '_entCoef'?: "entCoef";
  '_maxGradNorm'?: "maxGradNorm";
  '_valueLearningRate'?: "valueLearningRate";
  '_annealLr'?: "annealLr";
  '_normAdv'?: "normAdv";
  '_clipVloss'?: "clipVloss";
  '_targetKl'?: "targetKl";
}

export interface PpoConfig__Output {
  'learningRate'?: (number);
  'numSteps'?: (number);
  'numEnvs'?: (number);
  'updateEpochs'?: (number);
  'numMinibatches'?: (number);
  'gamma'?: (number);
  'gaeLambda'?: (number);
  'clipCoef'?: (number);
  'vfCoef'?: (number);
  'entCoef'?: (number);
  'maxGradNorm'?: (number);
  'hidden': (number)[];
  'activation': (string);
  'valueLearningRate'?: (number);
  'annealLr'?: (boolean);
  'normAdv'?: (boolean);
  'clipVloss'?: (boolean);
  'targetKl'?: (number);
  '_learningRate'?: "learningRate";
  '_numSteps'?: "numSteps";
  '_numEnvs'?: "numEnvs";
  '_updateEpochs'?: "updateEpochs";
  '_numMinibatches'?: "numMinibatches";
  '_gamma'?: "gamma";
  '_gaeLambda'?: "gaeLambda";
  '_clipCoef'?: "clipCoef";
  '_vfCoef'?: "vfCoef";
  '_entCoef'?: "entCoef";
  '_maxGradNorm'?: "maxGradNorm";
  '_valueLearningRate'?: "valueLearningRate";
  '_annealLr'?: "annealLr";
  '_normAdv'?: "normAdv";
  '_clipVloss'?: "clipVloss";
  '_targetKl'?: "targetKl";
}
