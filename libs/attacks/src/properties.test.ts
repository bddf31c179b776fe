// For every attack, random victims and random batches: every output row lies in the epsilon ball,
// the same seed gives the same outputs, and epsilon 0 changes nothing.
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { ATTACKS } from './registry';
import { randomBatch, randomPolicy, randomPrepared } from './test-support/random-victim';

const CASES = 6;

describe.each(ATTACKS.map((a) => [a.name, a] as const))('%s', (_name, attack) => {
  it('keeps every row within epsilon (L-inf) and is reproducible from the seed', () => {
    const rng = new Rng(`props-${attack.name}`);
    for (let c = 0; c < CASES; c++) {
      const obsDim = 1 + rng.int(12);
      const actDim = 1 + rng.int(4);
      const policy = randomPolicy(rng.int(1e9), obsDim, actDim);
      const epsilon = [0.01, 0.075, 0.3, 1.5][c % 4]!;
      const seed = rng.int(1e9);
      const prepared = randomPrepared(attack.name, rng.int(1e9), obsDim, actDim);
      const make = () => attack.createPerturber({ policy, epsilon, seed, ...(prepared ? { prepared } : {}) });
      const a = make();
      const b = make();
      // A stream of three batches, the second starting new episodes in some rows.
      for (let t = 0; t < 3; t++) {
        const n = 1 + (c % 5);
        const obs = randomBatch(rng, n, obsDim);
        const starts = Array.from({ length: n }, (_, i) => t === 0 || (t === 1 && i % 2 === 0));
        const input = obs.slice();
        const out = a.perturb(obs, n, starts);
        expect(obs).toEqual(input); // input untouched
        expect(out).toHaveLength(n * obsDim);
        let maxDev = 0;
        let moved = 0;
        for (let k = 0; k < out.length; k++) {
          expect(Number.isFinite(out[k]!)).toBe(true);
          const dev = Math.abs(out[k]! - obs[k]!);
          maxDev = Math.max(maxDev, dev - epsilon);
          if (dev > 0) moved++;
        }
        // float32 rounding of s +- eps is at most half an ulp of |s| + eps.
        expect(maxDev).toBeLessThanOrEqual(1e-6 * (3 + epsilon));
        expect(moved).toBeGreaterThan(0);
        expect(b.perturb(obs, n, starts)).toEqual(out);
      }
    }
  });

  it('returns the input unchanged at epsilon 0', () => {
    const policy = randomPolicy(11, 5, 2);
    const prepared = randomPrepared(attack.name, 12, 5, 2);
    const p = attack.createPerturber({ policy, epsilon: 0, seed: 1, ...(prepared ? { prepared } : {}) });
    const obs = randomBatch(new Rng(13), 4, 5);
    expect(p.perturb(obs, 4)).toEqual(obs);
  });

  it('draws different perturbations for different seeds when it is random', () => {
    const policy = randomPolicy(21, 6, 2);
    const prepared = randomPrepared(attack.name, 22, 6, 2);
    const obs = randomBatch(new Rng(23), 3, 6);
    const out = (seed: number) => attack.createPerturber({ policy, epsilon: 0.5, seed, ...(prepared ? { prepared } : {}) }).perturb(obs, 3);
    // The learned adversary is deterministic given its artifact; every other attack draws from its seed.
    if (attack.name === 'learned') expect(out(1)).toEqual(out(2));
    else expect(out(1)).not.toEqual(out(2));
  });
});
