// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface StageKindCount {
  'kind'?: (string);
  'total'?: (number);
  'done'?: (number);
  'failed'?: (number);
}

export interface StageKindCount__Output {
  'kind': (string);
  'total': (number);
  'done': (number);
  'failed': (number);
}
