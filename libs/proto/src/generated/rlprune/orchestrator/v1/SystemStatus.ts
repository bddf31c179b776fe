// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type { ServiceStatus as _rlprune_orchestrator_v1_ServiceStatus, ServiceStatus__Output as _rlprune_orchestrator_v1_ServiceStatus__Output } from '../../../rlprune/orchestrator/v1/ServiceStatus';

export interface SystemStatus {
  'services'?: (_rlprune_orchestrator_v1_ServiceStatus)[];
}

export interface SystemStatus__Output {
  'services': (_rlprune_orchestrator_v1_ServiceStatus__Output)[];
}
