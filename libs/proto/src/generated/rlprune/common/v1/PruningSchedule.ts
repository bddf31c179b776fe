// Original file: proto/rlprune/common/v1/common.proto

import type { Long } from '@grpc/proto-loader';

export interface PruningSchedule {
  'criterion'?: (string);
  'scope'?: (string);
  'structured'?: (boolean);
  'kind'?: (string);
  'initialSparsity'?: (number | string);
  'finalSparsity'?: (number | string);
  'startFraction'?: (number | string);
  'endFraction'?: (number | string);
  'interval'?: (number);
  'pruneCritic'?: (boolean);
  'pruneBiases'?: (boolean);
  'seed'?: (number | string | Long);
  '_startFraction'?: "startFraction";
  '_endFraction'?: "endFraction";
  '_interval'?: "interval";
}

export interface PruningSchedule__Output {
  'criterion': (string);
  'scope': (string);
  'structured': (boolean);
  'kind': (string);
  'initialSparsity': (number);
  'finalSparsity': (number);
  'startFraction'?: (number);
  'endFraction'?: (number);
  'interval'?: (number);
  'pruneCritic': (boolean);
  'pruneBiases': (boolean);
  'seed': (number);
  '_startFraction'?: "startFraction";
  '_endFraction'?: "endFraction";
  '_interval'?: "interval";
}
