// Original file: proto/rlprune/common/v1/common.proto


export interface LayerSparsity {
  'layer'?: (string);
  'total'?: (number);
  'pruned'?: (number);
  'sparsity'?: (number | string);
}

export interface LayerSparsity__Output {
  'layer': (string);
  'total': (number);
  'pruned': (number);
  'sparsity': (number);
}
