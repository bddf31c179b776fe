// Original file: proto/rlprune/simulator/v1/simulator.proto


export interface EpisodeResult {
  'index'?: (number);
  'episodeReturn'?: (number | string);
  'length'?: (number);
  'terminated'?: (boolean);
}

export interface EpisodeResult__Output {
  'index': (number);
  'episodeReturn': (number);
  'length': (number);
  'terminated': (boolean);
}
