// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


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
}
