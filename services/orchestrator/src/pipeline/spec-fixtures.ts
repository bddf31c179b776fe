// A one-env, one-seed, 2048-step spec with the given attacks (YAML flow list), for tests of how the
// attacks section turns into stages.
import { parseSpec, type ExperimentSpec } from '../spec/experiment-spec';

export function specWithAttacks(attacks: string): ExperimentSpec {
  return parseSpec(`
name: s
envs: [Hopper-v4]
seeds: [1]
train: { total_timesteps: 2048 }
attacks: ${attacks}
`);
}
