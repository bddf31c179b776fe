import { describe, expect, it } from 'vitest';
import { certifiedRobustness } from './certified-robustness';
import { certifyPolicy } from './certify-policy';
import { InvalidArgumentError } from '@rlprune/errors';
import { surrogateLipschitz } from './norms';
import { randomMlp, randomStates } from './test-support/random-mlp';

const actor = randomMlp('policy', [11, 32, 32, 3]);
const logStd = [-0.5, -0.5, -0.5];
const states = randomStates('policy-states', 8, 11);

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as InvalidArgumentError).field!;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('certifyPolicy', () => {
  it('reports global bounds and per-state statistics for every method', () => {
    const r = certifyPolicy({ actor, logStd, states, epsilon: 0.05, includeBounds: true });
    expect(r.layerNorms).toHaveLength(3);
    expect(r.global.surrogateLipschitz).toBeCloseTo(surrogateLipschitz(actor), 12);
    expect(r.global.l2Radius).toBeCloseTo(0.05 * Math.sqrt(11), 12);
    expect(r.global.tv.surrogate).toBeLessThanOrEqual(r.global.tvLinearised.surrogate);
    expect(r.perState.map((p) => p.method)).toEqual(['lipschitz', 'spectral', 'ibp', 'crown']);
    const by = Object.fromEntries(r.perState.map((p) => [p.method, p]));
    for (const p of r.perState) {
      p.means!.forEach((mu, s) =>
        mu.forEach((m, j) => {
          expect(p.lower![s]![j]).toBeLessThanOrEqual(m);
          expect(p.upper![s]![j]).toBeGreaterThanOrEqual(m);
        }),
      );
      expect(p.medianTv).toBeLessThanOrEqual(p.maxTv);
      expect(p.meanTv).toBeCloseTo(certifiedRobustness(actor, logStd, states, 0.05, p.method), 12);
    }
    expect(by.crown!.meanTv).toBeLessThanOrEqual(by.lipschitz!.meanTv);
    expect(by.lipschitz!.meanTv).toBeCloseTo(r.global.tv.surrogate, 12);
    expect(by.crown!.meanWidth).toBeLessThan(by.lipschitz!.meanWidth);
  });

  it('certified fraction follows the threshold', () => {
    const loose = certifyPolicy({ actor, logStd, states, epsilon: 0.05, methods: ['ibp'], tvThreshold: 1 });
    const strict = certifyPolicy({ actor, logStd, states, epsilon: 0.05, methods: ['ibp'], tvThreshold: 0 });
    expect(loose.perState[0]!.certifiedFraction).toBe(1);
    expect(strict.perState[0]!.certifiedFraction).toBe(0);
    expect(loose.perState[0]!.lower).toBeUndefined();
  });

  it('without states reports only the global bounds', () => {
    const r = certifyPolicy({ actor, logStd, epsilon: 0.05, norm: 'l2' });
    expect(r.perState).toEqual([]);
    expect(r.global.l2Radius).toBe(0.05);
  });

  it('rejects bad input with an error naming the field', () => {
    const base = { actor, logStd, states, epsilon: 0.05 };
    expect(fieldOf(() => certifyPolicy({ ...base, epsilon: -0.1 }))).toBe('epsilon');
    expect(() => certifyPolicy({ ...base, epsilon: -0.1 })).toThrow('epsilon: expected a finite number >= 0, got -0.1');
    expect(fieldOf(() => certifyPolicy({ ...base, states: [] }))).toBe('states');
    expect(fieldOf(() => certifyPolicy({ ...base, states: [states[0]!, [1, 2, 3]] }))).toBe('states[1].length');
    expect(() => certifyPolicy({ ...base, states: [[1, 2, 3]] })).toThrow('states[0].length: expected 11');
    expect(fieldOf(() => certifyPolicy({ ...base, methods: ['ibp', 'lp' as never] }))).toBe('methods[1]');
    expect(() => certifyPolicy({ ...base, methods: ['lp' as never] })).toThrow('methods[0]: expected one of lipschitz|spectral|ibp|crown, got "lp"');
    expect(fieldOf(() => certifyPolicy({ ...base, norm: 'l1' as never }))).toBe('norm');
    expect(fieldOf(() => certifyPolicy({ ...base, tvThreshold: 2 }))).toBe('tvThreshold');
    expect(fieldOf(() => certifyPolicy({ ...base, logStd: [0] }))).toBe('logStd.length');
    expect(fieldOf(() => certifiedRobustness(actor, logStd, states, 0.1, 'x' as never))).toBe('method');
    expect(fieldOf(() => certifiedRobustness(actor, logStd, [], 0.1, 'crown'))).toBe('states');
  });
});
