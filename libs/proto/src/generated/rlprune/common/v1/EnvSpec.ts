// Original file: proto/rlprune/common/v1/common.proto


export interface EnvSpec {
  'id'?: (string);
  'obsDim'?: (number);
  'actDim'?: (number);
  'dt'?: (number | string);
  'actionLow'?: (number | string);
  'actionHigh'?: (number | string);
  'maxEpisodeSteps'?: (number);
  'defaultAttackEpsilon'?: (number | string);
}

export interface EnvSpec__Output {
  'id': (string);
  'obsDim': (number);
  'actDim': (number);
  'dt': (number);
  'actionLow': (number);
  'actionHigh': (number);
  'maxEpisodeSteps': (number);
  'defaultAttackEpsilon': (number);
}
