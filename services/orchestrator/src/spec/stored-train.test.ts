import { describe, expect, it } from 'vitest';
import { parseSpec } from './experiment-spec';
import { storedTrainParams } from './stored-train';

describe('storedTrainParams', () => {
  it('reads a pre-rename stored train section under the new names, with the old rollout default written out', () => {
    // as the ledger of an experiment submitted before the rename holds it (Walker2d paper run, 2026-12-07)
    const old = { steps: 1000000, hidden: [64, 64], activation: 'tanh', num_envs: 1, rollout_steps: null, learning_rate: 0.0003, epochs: 10, minibatches: 32, optimiser: 'auto' };
    const t = storedTrainParams(old as never) as unknown as Record<string, unknown>;
    expect(t).toEqual({ total_timesteps: 1000000, hidden: [64, 64], activation: 'tanh', num_envs: 1, num_steps: 2048, learning_rate: 0.0003, update_epochs: 10, num_minibatches: 32, optimiser: 'auto' });
    const fourEnvs = storedTrainParams({ ...old, num_envs: 4 } as never) as unknown as Record<string, unknown>;
    expect(fourEnvs.num_steps).toBe(512);
    const set = storedTrainParams({ ...old, num_envs: 4, rollout_steps: 128 } as never) as unknown as Record<string, unknown>;
    expect(set.num_steps).toBe(128);
  });

  it('leaves a new-style train section as it is', () => {
    const spec = parseSpec('name: x\nenvs: [Hopper-v4]\nseeds: [1]\ntrain: { total_timesteps: 4096 }\n');
    expect(storedTrainParams(spec.train)).toBe(spec.train);
  });
});
