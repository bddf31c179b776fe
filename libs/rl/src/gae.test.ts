import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import { computeGae } from './gae';

describe('computeGae', () => {
  it('stops at a termination, bootstraps a truncation from its final observation, and continues across the rollout end', () => {
    // One env, 5 steps: s0 s1 [terminated] s2 s3 [truncated, V(final) = 10] s4, then V(s5) = 4.
    const gamma = 0.9;
    const lambda = 0.5;
    const rewards = Float32Array.of(1, 2, 3, 4, 5);
    const values = Float32Array.of(0.5, 1, 1.5, 2, 2.5);
    const { advantages, returns } = computeGae({
      numSteps: 5, numEnvs: 1, rewards, values,
      terminated: Uint8Array.of(0, 1, 0, 0, 0), truncated: Uint8Array.of(0, 0, 0, 1, 0),
      truncationValues: Float32Array.of(0, 0, 0, 10, 0), nextValues: Float32Array.of(4), gamma, lambda,
    });
    const d4 = 5 + gamma * 4 - 2.5; // the rollout ends: V(s5) continues the chain
    const d3 = 4 + gamma * 10 - 2; // truncated: bootstrapped from V(final obs), then the chain stops
    const d2 = 3 + gamma * 2 - 1.5;
    const d1 = 2 - 1; // terminated: no future
    const d0 = 1 + gamma * 1 - 0.5;
    const expected = [d0 + gamma * lambda * d1, d1, d2 + gamma * lambda * d3, d3, d4];
    expected.forEach((e, t) => expect(advantages[t]).toBeCloseTo(e, 5));
    expected.forEach((e, t) => expect(returns[t]).toBeCloseTo(e + values[t]!, 5));
  });

  it('with lambda = 1 gives discounted returns to the episode end (bootstrapped) minus V, per env', () => {
    const rng = new Rng(3);
    const T = 40;
    const N = 3;
    const gamma = 0.97;
    const rewards = Float32Array.from({ length: T * N }, () => rng.range(-1, 1));
    const values = Float32Array.from({ length: T * N }, () => rng.range(-1, 1));
    const terminated = Uint8Array.from({ length: T * N }, () => (rng.uniform() < 0.05 ? 1 : 0));
    const truncated = Uint8Array.from({ length: T * N }, (_, k) => (!terminated[k] && rng.uniform() < 0.05 ? 1 : 0));
    const truncationValues = Float32Array.from({ length: T * N }, () => rng.range(-5, 5));
    const nextValues = Float32Array.from({ length: N }, () => rng.range(-5, 5));
    const { advantages } = computeGae({ numSteps: T, numEnvs: N, rewards, values, terminated, truncated, truncationValues, nextValues, gamma, lambda: 1 });
    for (let i = 0; i < N; i++) {
      for (let t = 0; t < T; t++) {
        // Monte Carlo return from t: sum rewards until the episode ends, plus the bootstrap at its end.
        let g = 0;
        let discount = 1;
        let u = t;
        for (;; u++) {
          const k = u * N + i;
          g += discount * rewards[k]!;
          discount *= gamma;
          if (terminated[k]) break;
          if (truncated[k]) {
            g += discount * truncationValues[k]!;
            break;
          }
          if (u === T - 1) {
            g += discount * nextValues[i]!;
            break;
          }
        }
        expect(advantages[t * N + i]).toBeCloseTo(g - values[t * N + i]!, 4);
      }
    }
  });
});
