// CROWN against IBP and against the global bound, on PPO-shaped nets (11-64-64-3 tanh, the
// Hopper actor) at the Hopper attack budget.
import { describe, expect, it } from 'vitest';
import { crownBounds } from './crown';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { globalBounds } from './global-bounds';
import { sigmaFromLogStd, tvFromActionBounds } from './gaussian-tv';
import { ibpBounds } from './ibp';
import { randomMlp, randomStates } from './test-support/random-mlp';

const width = (b: { lower: Float64Array; upper: Float64Array }): number =>
  b.upper.reduce((s, u, j) => s + u - b.lower[j]!, 0);

describe('CROWN tightness', () => {
  for (const act of ['tanh', 'relu'] as const)
    it(`${act}: never looser than the global bound, tighter than IBP on average`, () => {
      const actor = randomMlp(`tight-${act}`, [11, 64, 64, 3], act, Math.SQRT2);
      const net = toFloat64Mlp(actor);
      const sigma = sigmaFromLogStd([-0.5, -0.5, -0.5]);
      const eps = 0.075;
      const g = globalBounds(actor, sigma, eps, 'linf');
      let ratio = 0;
      const states = randomStates(`tight-states-${act}`, 20, 11);
      for (const s of states) {
        const mu = forwardMean(net, s);
        const crown = crownBounds(net, s, eps);
        const ibp = ibpBounds(net, s, eps);
        expect(tvFromActionBounds(crown, mu, sigma)).toBeLessThanOrEqual(g.tv.surrogate);
        crown.upper.forEach((u, j) => {
          expect(Math.max(u - mu[j]!, mu[j]! - crown.lower[j]!)).toBeLessThanOrEqual(g.actionChange.surrogate);
        });
        ratio += width(crown) / width(ibp) / states.length;
      }
      expect(ratio).toBeLessThan(1);
    });
});
