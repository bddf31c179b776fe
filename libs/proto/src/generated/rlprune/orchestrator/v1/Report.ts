// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface Report {
  'htmlPath'?: (string);
  'csvPath'?: (string);
  'jsonlPath'?: (string);
  'summaryJson'?: (string);
}

export interface Report__Output {
  'htmlPath': (string);
  'csvPath': (string);
  'jsonlPath': (string);
  'summaryJson': (string);
}
