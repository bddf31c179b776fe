// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateSession {
  'envId'?: (string);
  'numEnvs'?: (number);
  'seed'?: (number | string | Long);
  'disableResetNoise'?: (boolean);
  'physicsThreads'?: (number);
}

export interface CreateSession__Output {
  'envId': (string);
  'numEnvs': (number);
  'seed': (number);
  'disableResetNoise': (boolean);
  'physicsThreads': (number);
}
