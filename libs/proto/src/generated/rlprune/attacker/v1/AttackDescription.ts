// Original file: proto/rlprune/attacker/v1/attacker.proto

import type { AttackParameter as _rlprune_attacker_v1_AttackParameter, AttackParameter__Output as _rlprune_attacker_v1_AttackParameter__Output } from '../../../rlprune/attacker/v1/AttackParameter';

export interface AttackDescription {
  'name'?: (string);
  'parameters'?: (_rlprune_attacker_v1_AttackParameter)[];
  'needsPrepare'?: (boolean);
}

export interface AttackDescription__Output {
  'name': (string);
  'parameters': (_rlprune_attacker_v1_AttackParameter__Output)[];
  'needsPrepare': (boolean);
}
