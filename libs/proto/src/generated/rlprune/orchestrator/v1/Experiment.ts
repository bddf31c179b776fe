// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { StageKindCount as _rlprune_orchestrator_v1_StageKindCount, StageKindCount__Output as _rlprune_orchestrator_v1_StageKindCount__Output } from '../../../rlprune/orchestrator/v1/StageKindCount';

export interface Experiment {
  'id'?: (string);
  'name'?: (string);
  'state'?: (string);
  'gridPoints'?: (number);
  'stagesTotal'?: (number);
  'stagesDone'?: (number);
  'stagesFailed'?: (number);
  'error'?: (string);
  'traceIds'?: (string)[];
  'stageKinds'?: (_rlprune_orchestrator_v1_StageKindCount)[];
}

export interface Experiment__Output {
  'id': (string);
  'name': (string);
  'state': (string);
  'gridPoints': (number);
  'stagesTotal': (number);
  'stagesDone': (number);
  'stagesFailed': (number);
  'error': (string);
  'traceIds': (string)[];
  'stageKinds': (_rlprune_orchestrator_v1_StageKindCount__Output)[];
}
