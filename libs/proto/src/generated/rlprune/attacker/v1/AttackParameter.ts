// Original file: proto/rlprune/attacker/v1/attacker.proto


export interface AttackParameter {
  'name'?: (string);
  'defaultValue'?: (number | string);
  'description'?: (string);
}

export interface AttackParameter__Output {
  'name': (string);
  'defaultValue': (number);
  'description': (string);
}
