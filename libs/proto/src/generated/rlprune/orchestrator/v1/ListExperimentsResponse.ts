// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { Experiment as _rlprune_orchestrator_v1_Experiment, Experiment__Output as _rlprune_orchestrator_v1_Experiment__Output } from '../../../rlprune/orchestrator/v1/Experiment';

export interface ListExperimentsResponse {
  'experiments'?: (_rlprune_orchestrator_v1_Experiment)[];
}

export interface ListExperimentsResponse__Output {
  'experiments': (_rlprune_orchestrator_v1_Experiment__Output)[];
}
