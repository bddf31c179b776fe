import { describe, expect, it } from 'vitest';
import { certifiedRadius } from './certified-radius';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { sigmaFromLogStd, tvFromActionBounds } from './gaussian-tv';
import { ibpBounds } from './ibp';
import { crownBounds } from './crown';
import { InvalidArgumentError } from '@rlprune/errors';
import { randomMlp, randomStates } from './test-support/random-mlp';

describe('certifiedRadius', () => {
  const actor = randomMlp('radius', [11, 32, 32, 3]);
  const net = toFloat64Mlp(actor);
  const logStd = [-0.5, 0, -1];
  const sigma = sigmaFromLogStd(logStd);
  const states = randomStates('radius-states', 4, 11);
  const tol = 1e-5;

  for (const [method, bound] of [['ibp', ibpBounds], ['crown', crownBounds]] as const)
    it(`${method}: the radius is certified and a slightly larger one is not`, () => {
      for (const s of states) {
        const r = certifiedRadius(actor, logStd, s, { threshold: 0.2, method, tolerance: tol });
        const mu = forwardMean(net, s);
        expect(r).toBeGreaterThan(0);
        expect(tvFromActionBounds(bound(net, s, r), mu, sigma)).toBeLessThanOrEqual(0.2);
        expect(tvFromActionBounds(bound(net, s, r + 2 * tol), mu, sigma)).toBeGreaterThan(0.2);
      }
    });

  it('global methods give a state-independent radius no larger than the per-state ones', () => {
    const lip = states.map((s) => certifiedRadius(actor, logStd, s, { threshold: 0.2, method: 'lipschitz' }));
    expect(Math.max(...lip) - Math.min(...lip)).toBe(0);
    for (const s of states)
      expect(lip[0]!).toBeLessThanOrEqual(certifiedRadius(actor, logStd, s, { threshold: 0.2, method: 'crown' }));
  });

  it('returns maxEpsilon when the whole range is certified', () => {
    expect(certifiedRadius(actor, logStd, states[0]!, { threshold: 1, maxEpsilon: 0.3 })).toBe(0.3);
  });

  it('rejects bad input naming the field', () => {
    expect(() => certifiedRadius(actor, logStd, states[0]!, { threshold: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => certifiedRadius(actor, logStd, [1, 2], { threshold: 0.1 })).toThrow(/state.length: expected 11/);
    expect(() => certifiedRadius(actor, logStd, states[0]!, { threshold: 0.1, method: 'pgd' as never })).toThrow(/method/);
  });
});
