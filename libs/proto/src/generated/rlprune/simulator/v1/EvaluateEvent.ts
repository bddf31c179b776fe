// Original file: proto/rlprune/simulator/v1/simulator.proto

import type { EpisodeResult as _rlprune_simulator_v1_EpisodeResult, EpisodeResult__Output as _rlprune_simulator_v1_EpisodeResult__Output } from '../../../rlprune/simulator/v1/EpisodeResult';
import type { EvaluateSummary as _rlprune_simulator_v1_EvaluateSummary, EvaluateSummary__Output as _rlprune_simulator_v1_EvaluateSummary__Output } from '../../../rlprune/simulator/v1/EvaluateSummary';

export interface EvaluateEvent {
  'episode'?: (_rlprune_simulator_v1_EpisodeResult | null);
  'summary'?: (_rlprune_simulator_v1_EvaluateSummary | null);
  'kind'?: "episode"|"summary";
}

export interface EvaluateEvent__Output {
  'episode'?: (_rlprune_simulator_v1_EpisodeResult__Output | null);
  'summary'?: (_rlprune_simulator_v1_EvaluateSummary__Output | null);
  'kind'?: "episode"|"summary";
}
