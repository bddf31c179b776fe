import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import { RewardScaler } from './reward-scaler';

describe('RewardScaler', () => {
  it('divides by the std of every discounted return seen so far, restarting G at episode ends, and clips', () => {
    const rng = new Rng(5);
    const N = 3;
    const gamma = 0.9;
    const scaler = new RewardScaler(N, gamma, 10);
    const g = new Float64Array(N);
    const seen: number[] = [];
    const out = new Float32Array(N);
    for (let step = 0; step < 50; step++) {
      const rewards = Float32Array.from({ length: N }, () => rng.range(-3, 3));
      const done = Uint8Array.from({ length: N }, () => (rng.uniform() < 0.1 ? 1 : 0));
      scaler.scale(rewards, done, out);
      for (let i = 0; i < N; i++) {
        g[i] = g[i]! * gamma + rewards[i]!;
        seen.push(g[i]!);
      }
      // Reference: population variance over all G so far, with the 1e-4 prior sample at mean 0, var 1.
      const count = 1e-4 + seen.length;
      const mean = seen.reduce((a, b) => a + b, 0) / count;
      const m2 = 1e-4 * (1 + mean * mean) + seen.reduce((a, b) => a + (b - mean) ** 2, 0);
      const std = Math.sqrt(m2 / count + 1e-8);
      for (let i = 0; i < N; i++) {
        expect(out[i]).toBeCloseTo(Math.max(-10, Math.min(10, rewards[i]! / std)), 4);
        if (done[i]) g[i] = 0;
      }
    }
  });

  it('clips scaled rewards to [-clip, clip]', () => {
    const scaler = new RewardScaler(1, 0.99, 0.5);
    const out = new Float32Array(1);
    scaler.scale(Float32Array.of(1), Uint8Array.of(0), out);
    scaler.scale(Float32Array.of(1000), Uint8Array.of(0), out);
    expect(out[0]).toBe(0.5);
  });

  it('round-trips its state', () => {
    const a = new RewardScaler(2, 0.99, 10);
    const out = new Float32Array(2);
    a.scale(Float32Array.of(1, 2), Uint8Array.of(0, 1), out);
    const b = new RewardScaler(2, 0.99, 10);
    b.setState(a.getState());
    const oa = new Float32Array(2);
    const ob = new Float32Array(2);
    a.scale(Float32Array.of(0.3, -0.7), Uint8Array.of(0, 0), oa);
    b.scale(Float32Array.of(0.3, -0.7), Uint8Array.of(0, 0), ob);
    expect(Array.from(ob)).toEqual(Array.from(oa));
  });
});
