// MAD's SGLD noise is SA-PPO's action attack's (beta = 1), not its regulariser's (1e-5).
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { madAttack, madNoiseScale } from './mad';
import { randomBatch, randomPolicy } from './test-support/random-victim';

describe('MAD noise', () => {
  it('defaults to beta = 1: sqrt(2 * eps/10) / (i + 2) at step i', () => {
    expect(madAttack.parameters.find((p) => p.name === 'sgld_beta')!.default).toBe(1);
    // eps 0.075, step 0.0075: sqrt(0.015) = 0.1224745
    expect(madNoiseScale(0.0075, 1, 0)).toBeCloseTo(0.1224745 / 2, 7);
    expect(madNoiseScale(0.0075, 1, 9)).toBeCloseTo(0.1224745 / 11, 7);
    expect(madNoiseScale(0.0075, 1e-5, 0)).toBeCloseTo(Math.sqrt(0.015e-5) / 2, 10);
    expect(madNoiseScale(0.0075, 0, 3)).toBe(0);
  });

  it('the default noise changes the steps taken; beta 1e-5 barely does', () => {
    const obsDim = 8;
    const n = 64;
    const policy = randomPolicy(11, obsDim, 3, 'tanh');
    const obs = randomBatch(new Rng(12), n, obsDim, 1);
    const run = (params: Record<string, number>) => madAttack.createPerturber({ policy, epsilon: 0.075, seed: 3, params }).perturb(obs, n);
    const noiseless = run({ sgld_beta: 0 });
    const differing = (x: Float32Array) => x.reduce((c, v, i) => c + (Math.abs(v - noiseless[i]!) > 1e-6 ? 1 : 0), 0) / x.length;
    // Same seed, so the random-sign start is the same; only the gradient noise differs.
    expect(differing(run({}))).toBeGreaterThan(0.2);
    expect(differing(run({ sgld_beta: 1e-5 }))).toBeLessThan(0.05);
  });
});
