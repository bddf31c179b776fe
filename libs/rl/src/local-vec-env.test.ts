import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import { createLocalVecEnv } from './local-vec-env';
import type { VecStep } from './vec-env-like';

async function steps(env: { step(a: Float32Array): Promise<VecStep> }, n: number, actDim: number, numEnvs: number, rng: Rng): Promise<VecStep[]> {
  const out: VecStep[] = [];
  for (let i = 0; i < n; i++) out.push(await env.step(Float32Array.from({ length: numEnvs * actDim }, () => rng.range(-1, 1))));
  return out;
}

describe('LocalVecEnv state', () => {
  it('restores physics, reset noise, step counters and episode returns into fresh envs exactly', async () => {
    const opts = { numEnvs: 3, seed: 11, maxEpisodeSteps: 40 };
    const a = await createLocalVecEnv('Hopper-v4', opts);
    await a.reset();
    await steps(a, 25, 3, 3, new Rng(1));
    const state = await a.saveState();
    // 120 more steps: several terminations and time-limit truncations, so resets draw reset noise.
    const expected = await steps(a, 120, 3, 3, new Rng(2));
    expect(expected.some((s) => s.truncated.some((x) => x === 1))).toBe(true);

    const b = await createLocalVecEnv('Hopper-v4', opts);
    await b.reset();
    await b.restoreState(state);
    const actual = await steps(b, 120, 3, 3, new Rng(2));
    expect(actual).toEqual(expected);
    a.close();
    b.close();
  });

  it('rejects the state of a different number of envs', async () => {
    const a = await createLocalVecEnv('Hopper-v4', { numEnvs: 2, seed: 1 });
    await a.reset();
    const b = await createLocalVecEnv('Hopper-v4', { numEnvs: 3, seed: 1 });
    await expect(b.restoreState(await a.saveState())).rejects.toThrow(/3 envs/);
    a.close();
    b.close();
  });
});
