import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '@rlprune/errors';
import { createEnv } from './mujoco-env';
import { parseActionsJson, rollout, type RolloutRecord } from './rollout';

async function collect(gen: AsyncGenerator<RolloutRecord>): Promise<RolloutRecord[]> {
  const out: RolloutRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('rollout', () => {
  it('yields the reset record then one record per step, matching a directly driven env', async () => {
    const actions = [
      [0.5, -0.5, 0.1],
      [0.2, 0.3, -0.9],
      [1, 1, 1],
    ];
    const records = await collect(rollout({ envId: 'Hopper-v4', seed: 3, actions }));
    expect(records.map((r) => [r.episode, r.step])).toEqual([[0, 0], [0, 1], [0, 2], [0, 3]]);
    const env = await createEnv('Hopper-v4', { seed: 3 });
    expect(records[0].obs).toEqual(Array.from(env.reset()));
    actions.forEach((a, t) => {
      const s = env.step(a);
      expect(records[t + 1]).toEqual({ episode: 0, step: t + 1, obs: Array.from(s.obs), reward: s.reward, terminated: s.terminated, truncated: s.truncated });
    });
    env.close();
    expect(JSON.parse(JSON.stringify(records[1]))).toEqual(records[1]);
  });

  it('uses zero actions without a file, no reset noise on request, and resets after an episode ends', async () => {
    const records = await collect(rollout({ envId: 'InvertedPendulum-v4', seed: 0, resetNoise: false, steps: 4 }));
    expect(records[0].obs).toEqual([0, 0, 0, 0]);
    // without noise the seed does not matter; with noise it does
    expect(await collect(rollout({ envId: 'InvertedPendulum-v4', seed: 9, resetNoise: false, steps: 4 }))).toEqual(records);
    const noisy = await collect(rollout({ envId: 'InvertedPendulum-v4', seed: 9, steps: 4 }));
    expect(noisy[0].obs).not.toEqual([0, 0, 0, 0]);
    expect(records.map((r) => r.reward)).toEqual([0, 1, 1, 1, 1]);
    const falls = await collect(rollout({ envId: 'InvertedPendulum-v4', seed: 0, actions: new Array(60).fill([3]) }));
    const end = falls.findIndex((r) => r.terminated);
    expect(end).toBeGreaterThan(0);
    expect(falls[end + 1]).toMatchObject({ episode: 1, step: 0, reward: 0 });
    expect(falls.filter((r) => r.step > 0)).toHaveLength(60);
  });

  it('rejects bad input before yielding anything', async () => {
    await expect(collect(rollout({ envId: 'Nope-v0', seed: 0 }))).rejects.toThrow(NotFoundError);
    await expect(collect(rollout({ envId: 'Hopper-v4', seed: 0, actions: [[0, 0, 0], [0, 0]] }))).rejects.toThrow(
      'actions[1]: expected an action of length 3 (actDim of Hopper-v4), got length 2',
    );
    await expect(collect(rollout({ envId: 'Hopper-v4', seed: 0, actions: [[0, 0, 0]], steps: 2 }))).rejects.toThrow(
      'steps: expected at most the number of actions (1), got 2',
    );
    await expect(collect(rollout({ envId: 'Hopper-v4', seed: 0, steps: -1 }))).rejects.toThrow(InvalidArgumentError);
  });

  it('parses an actions file and names the bad entry', () => {
    expect(parseActionsJson('[[0.1, 0.2], [1, -1]]')).toEqual([[0.1, 0.2], [1, -1]]);
    expect(() => parseActionsJson('{"a": 1}')).toThrow('actions: expected an array of action arrays, got {"a":1}');
    expect(() => parseActionsJson('[[0.1], 3]')).toThrow('actions[1]: expected an array of numbers, got 3');
    expect(() => parseActionsJson('[[0.1, "x"]]')).toThrow('actions[0][1]: expected a number, got "x"');
    expect(() => parseActionsJson('[[0.1,')).toThrow(InvalidArgumentError);
  });
});
