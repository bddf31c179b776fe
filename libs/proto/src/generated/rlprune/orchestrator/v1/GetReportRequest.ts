// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface GetReportRequest {
  'id'?: (string);
}

export interface GetReportRequest__Output {
  'id': (string);
}
