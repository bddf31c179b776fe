import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { createObsNormalizer, normalizeObs, updateObsNormalizer } from './obs-normalizer';

describe('observation normaliser', () => {
  it('merged batch statistics equal the statistics of all data at once', () => {
    const rng = new Rng(4);
    const dim = 3;
    const all: number[] = [];
    const norm = createObsNormalizer(dim, { initialCount: 0 });
    for (const batch of [1, 7, 50]) {
      const obs = Float64Array.from({ length: batch * dim }, (_, i) => rng.normal() * (1 + (i % dim)) + 5 * (i % dim));
      all.push(...obs);
      updateObsNormalizer(norm, obs, batch);
    }
    const n = all.length / dim;
    for (let j = 0; j < dim; j++) {
      const col = all.filter((_, i) => i % dim === j);
      const mean = col.reduce((s, v) => s + v, 0) / n;
      const variance = col.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      expect(norm.mean[j]).toBeCloseTo(mean, 10);
      expect(norm.var[j]).toBeCloseTo(variance, 10);
    }
    expect(norm.count).toBe(58);
  });

  it('standardises and clips', () => {
    const norm = createObsNormalizer(2, { clip: 5 });
    norm.mean.set([1, -1]);
    norm.var.set([4, 0.25]);
    const out = normalizeObs(norm, [3, 0, 101, -1], 2);
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(2, 6);
    expect(out[2]).toBe(5);
    expect(out[3]).toBe(0);
    expect(() => normalizeObs(norm, [1, 2, 3], 1)).toThrow('obs: expected shape [1, 2] (2 values), got [1, 3]');
  });
});
