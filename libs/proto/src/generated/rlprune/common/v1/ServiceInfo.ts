// Original file: proto/rlprune/common/v1/common.proto


export interface ServiceInfo {
  'name'?: (string);
  'version'?: (string);
  'pid'?: (number);
  'details'?: ({[key: string]: string});
}

export interface ServiceInfo__Output {
  'name': (string);
  'version': (string);
  'pid': (number);
  'details': ({[key: string]: string});
}
