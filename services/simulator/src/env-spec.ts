// libs/envs' EnvSpec as the wire EnvSpec.
import type { EnvSpec } from '@rlprune/envs';
import type { EnvSpec as WireEnvSpec } from '@rlprune/proto';

export function toWireEnvSpec(spec: EnvSpec): WireEnvSpec {
  return {
    id: spec.id,
    obsDim: spec.obsDim,
    actDim: spec.actDim,
    dt: spec.dt,
    // every task here has the same bounds on all action coordinates
    actionLow: Math.min(...spec.actionLow),
    actionHigh: Math.max(...spec.actionHigh),
    maxEpisodeSteps: spec.maxEpisodeSteps,
    defaultAttackEpsilon: spec.defaultAttackEpsilon,
  };
}
