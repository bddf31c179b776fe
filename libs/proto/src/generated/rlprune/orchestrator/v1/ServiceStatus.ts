// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto


export interface ServiceStatus {
  'name'?: (string);
  'address'?: (string);
  'status'?: (string);
  'version'?: (string);
  'latencyMs'?: (number | string);
  'error'?: (string);
}

export interface ServiceStatus__Output {
  'name': (string);
  'address': (string);
  'status': (string);
  'version': (string);
  'latencyMs': (number);
  'error': (string);
}
