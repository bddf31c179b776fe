// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { PerturbHeader as _rlprune_attacker_v1_PerturbHeader, PerturbHeader__Output as _rlprune_attacker_v1_PerturbHeader__Output } from '../../../rlprune/attacker/v1/PerturbHeader';
import type { ObservationBatch as _rlprune_attacker_v1_ObservationBatch, ObservationBatch__Output as _rlprune_attacker_v1_ObservationBatch__Output } from '../../../rlprune/attacker/v1/ObservationBatch';

export interface PerturbRequest {
  'header'?: (_rlprune_attacker_v1_PerturbHeader | null);
  'batch'?: (_rlprune_attacker_v1_ObservationBatch | null);
  'kind'?: "header"|"batch";
}

export interface PerturbRequest__Output {
  'header'?: (_rlprune_attacker_v1_PerturbHeader__Output | null);
  'batch'?: (_rlprune_attacker_v1_ObservationBatch__Output | null);
  'kind'?: "header"|"batch";
}
