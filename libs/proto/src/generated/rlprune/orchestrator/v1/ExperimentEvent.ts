// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { Progress as _rlprune_common_v1_Progress, Progress__Output as _rlprune_common_v1_Progress__Output } from '../../../rlprune/common/v1/Progress';
import type { Experiment as _rlprune_orchestrator_v1_Experiment, Experiment__Output as _rlprune_orchestrator_v1_Experiment__Output } from '../../../rlprune/orchestrator/v1/Experiment';

export interface ExperimentEvent {
  'experimentId'?: (string);
  'stageId'?: (string);
  'stageKind'?: (string);
  'gridPoint'?: (string);
  'state'?: (string);
  'progress'?: (_rlprune_common_v1_Progress | null);
  'experiment'?: (_rlprune_orchestrator_v1_Experiment | null);
}

export interface ExperimentEvent__Output {
  'experimentId': (string);
  'stageId': (string);
  'stageKind': (string);
  'gridPoint': (string);
  'state': (string);
  'progress': (_rlprune_common_v1_Progress__Output | null);
  'experiment': (_rlprune_orchestrator_v1_Experiment__Output | null);
}
