// CROWN-IBP (crownBounds with intermediate "ibp"; SA-PPO's convex regulariser through auto_LiRPA):
// sound on sampled and gradient-found points, and between IBP and full CROWN in width: its hidden
// bounds are IBP's and its output bound a CROWN backward pass over them. Its tape twin in
// convexRegulariser (bounds "crown-ibp") has the same value and a gradient matching finite differences.
import { describe, expect, it } from 'vitest';
import type { Activation } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { convexRegulariser } from './convex-regulariser';
import { crownBounds } from './crown';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { ibpBounds } from './ibp';
import { pgdExtreme } from './test-support/pgd';
import { randomMlp, randomStates } from './test-support/random-mlp';

const TOL = 1e-9;
const width = (b: { lower: Float64Array; upper: Float64Array }, j: number): number => b.upper[j]! - b.lower[j]!;

describe('CROWN-IBP bounds', () => {
  const cases: { sizes: number[]; act: Activation; eps: number }[] = [
    { sizes: [11, 64, 64, 3], act: 'tanh', eps: 0.075 },
    { sizes: [11, 64, 64, 3], act: 'tanh', eps: 0.3 },
    { sizes: [11, 32, 32, 32, 3], act: 'tanh', eps: 0.1 },
    { sizes: [11, 64, 64, 3], act: 'relu', eps: 0.075 },
  ];
  for (const { sizes, act, eps } of cases) {
    it(`${act} ${sizes.join('-')} eps ${eps}: sound, and IBP >= CROWN-IBP >= CROWN in width`, () => {
      const net = toFloat64Mlp(randomMlp(`cibp-${act}-${sizes.join('-')}`, sizes, act));
      const rng = new Rng(`cibp-samples-${eps}`);
      let violations = 0;
      for (const center of randomStates(`cibp-states-${sizes.length}`, 4, sizes[0]!)) {
        const ibp = ibpBounds(net, center, eps);
        const crown = crownBounds(net, center, eps);
        const mixed = crownBounds(net, center, eps, 'linf', 'ibp');
        const inside = (v: number, j: number) => v >= mixed.lower[j]! - TOL * (1 + Math.abs(v)) && v <= mixed.upper[j]! + TOL * (1 + Math.abs(v));
        for (let s = 0; s < 1000; s++) {
          const x = center.map((c) => c + (rng.uniform() < 0.5 ? (rng.uniform() < 0.5 ? -eps : eps) : rng.range(-eps, eps)));
          forwardMean(net, x).forEach((v, j) => void (inside(v, j) || violations++));
        }
        for (let j = 0; j < mixed.lower.length; j++) {
          const x0 = center.map((c) => c + rng.range(-eps, eps));
          if (!inside(pgdExtreme(net, center, eps, j, 1, x0), j)) violations++;
          if (!inside(pgdExtreme(net, center, eps, j, -1, x0), j)) violations++;
          expect(width(mixed, j)).toBeLessThanOrEqual(width(ibp, j) * (1 + 1e-9));
          expect(width(mixed, j)).toBeGreaterThanOrEqual(width(crown, j) * (1 - 1e-9));
        }
      }
      expect(violations).toBe(0);
    });
  }

  it('equals full CROWN for one hidden layer (IBP is exact on the first layer)', () => {
    const net = toFloat64Mlp(randomMlp('cibp-one', [5, 16, 3]));
    const [center] = randomStates('cibp-one-s', 1, 5);
    const a = crownBounds(net, center!, 0.2);
    const b = crownBounds(net, center!, 0.2, 'linf', 'ibp');
    for (let j = 0; j < 3; j++) {
      expect(b.lower[j]).toBeCloseTo(a.lower[j]!, 12);
      expect(b.upper[j]).toBeCloseTo(a.upper[j]!, 12);
    }
  });
});

describe('convexRegulariser with bounds "crown-ibp"', () => {
  const actor = randomMlp('cibp-reg', [5, 8, 8, 3]);
  const wide = { activation: actor.activation, layers: actor.layers.map((l) => ({ ...l, w: Float64Array.from(l.w), b: Float64Array.from(l.b) })) };
  const logStd = Float64Array.of(-0.3, 0.1, -0.7);
  const states = randomStates('cibp-reg-s', 3, 5);

  it('mixes IBP with the CROWN-IBP bounds of crown.ts, and differs from the full-CROWN mix', () => {
    const net = toFloat64Mlp(actor);
    let expected = 0;
    for (const s of states) {
      const i = ibpBounds(net, s, 0.1);
      const c = crownBounds(net, s, 0.1, 'linf', 'ibp');
      const mu = forwardMean(net, s);
      for (let j = 0; j < 3; j++) {
        const lb = 0.3 * i.lower[j]! + 0.7 * c.lower[j]!;
        const ub = 0.3 * i.upper[j]! + 0.7 * c.upper[j]!;
        expected += Math.max(Math.abs(lb - mu[j]!), Math.abs(ub - mu[j]!)) ** 2 / Math.exp(2 * logStd[j]!);
      }
    }
    const value = convexRegulariser(actor, logStd, states, { epsilon: 0.1, beta: 0.3, bounds: 'crown-ibp' }).value;
    expect(value).toBeCloseTo(expected / 3, 10);
    expect(value).not.toBeCloseTo(convexRegulariser(actor, logStd, states, { epsilon: 0.1, beta: 0.3, bounds: 'crown' }).value, 6);
  });

  for (const detachMean of [true, false])
    it(`gradient matches central finite differences (${detachMean ? 'detached' : 'differentiated'} mean)`, () => {
      const net = toFloat64Mlp(actor);
      const means = detachMean ? states.map((s) => forwardMean(net, s)) : undefined;
      const o = { epsilon: 0.1, beta: 0.3, bounds: 'crown-ibp' as const, detachMean, means };
      const m = wide as unknown as typeof actor;
      const { grad } = convexRegulariser(m, logStd, states, o);
      const h = 1e-6;
      const check = (arr: Float64Array, k: number, analytic: number): void => {
        const keep = arr[k]!;
        arr[k] = keep + h;
        const up = convexRegulariser(m, logStd, states, o).value;
        arr[k] = keep - h;
        const down = convexRegulariser(m, logStd, states, o).value;
        arr[k] = keep;
        const fd = (up - down) / (2 * h);
        expect(Math.abs(analytic - fd)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)));
      };
      wide.layers.forEach((l, k) => {
        for (let i = 0; i < l.w.length; i += 3) check(l.w, i, grad.layers[k]!.w[i]!);
        for (let i = 0; i < l.b.length; i++) check(l.b, i, grad.layers[k]!.b[i]!);
      });
      for (let j = 0; j < 3; j++) check(logStd, j, grad.logStd[j]!);
    });

  it('names a bad bounds option', () => {
    expect(() => convexRegulariser(actor, logStd, states, { epsilon: 0.1, beta: 0.3, bounds: 'ibp' as never })).toThrow(/bounds/);
  });
});
