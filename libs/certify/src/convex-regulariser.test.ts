import { describe, expect, it } from 'vitest';
import type { Mlp } from '@rlprune/nn';
import { convexRegulariser } from './convex-regulariser';
import { crownBounds } from './crown';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { ibpBounds } from './ibp';
import { randomMlp, randomStates } from './test-support/random-mlp';

function withFloat64Weights(mlp: Mlp): Mlp {
  // Float32 storage would swamp finite differences; the tape reads the values as float64 anyway,
  // so the test perturbs float64 copies through a float64-backed view.
  return { activation: mlp.activation, layers: mlp.layers.map((l) => ({ ...l, w: Float64Array.from(l.w), b: Float64Array.from(l.b) })) } as unknown as Mlp;
}

describe('convex SA-PPO regulariser', () => {
  for (const act of ['tanh', 'relu'] as const) {
    const actor = withFloat64Weights(randomMlp(`reg-${act}`, [5, 8, 8, 3], act));
    actor.layers[1]!.w[3] = 0;
    actor.layers[1]!.mask[3] = 0;
    const logStd = Float64Array.of(-0.3, 0.1, -0.7);
    const states = randomStates(`reg-s-${act}`, 3, 5);
    const opts = { epsilon: 0.1, beta: 0.4 };

    it(`${act}: value equals the mixed IBP/CROWN bounds of ibp.ts and crown.ts`, () => {
      const net = toFloat64Mlp(actor);
      let expected = 0;
      for (const s of states) {
        const i = ibpBounds(net, s, 0.1);
        const c = crownBounds(net, s, 0.1);
        const mu = forwardMean(net, s);
        for (let j = 0; j < 3; j++) {
          const lb = 0.4 * i.lower[j]! + 0.6 * c.lower[j]!;
          const ub = 0.4 * i.upper[j]! + 0.6 * c.upper[j]!;
          expected += Math.max(Math.abs(lb - mu[j]!), Math.abs(ub - mu[j]!)) ** 2 / Math.exp(2 * logStd[j]!);
        }
      }
      expect(convexRegulariser(actor, logStd, states, opts).value).toBeCloseTo(expected / 3, 10);
    });

    for (const detachMean of [true, false])
      it(`${act}, ${detachMean ? 'detached' : 'differentiated'} mean: gradient matches central finite differences`, () => {
        // With a detached mean the reference means are held fixed while the weights move.
        const net = toFloat64Mlp(actor);
        const means = detachMean ? states.map((s) => forwardMean(net, s)) : undefined;
        const o = { ...opts, detachMean, means };
        const { grad } = convexRegulariser(actor, logStd, states, o);
        const h = 1e-6;
        const value = (): number => convexRegulariser(actor, logStd, states, o).value;
        const check = (arr: Float64Array | Float32Array, k: number, analytic: number): void => {
          const keep = arr[k]!;
          arr[k] = keep + h;
          const up = value();
          arr[k] = keep - h;
          const down = value();
          arr[k] = keep;
          const fd = (up - down) / (2 * h);
          expect(Math.abs(analytic - fd)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)));
        };
        actor.layers.forEach((l, k) => {
          for (let i = 0; i < l.w.length; i += 3) if (l.mask[i] === 1) check(l.w, i, grad.layers[k]!.w[i]!);
          for (let i = 0; i < l.b.length; i++) check(l.b, i, grad.layers[k]!.b[i]!);
        });
        for (let j = 0; j < 3; j++) check(logStd, j, grad.logStd[j]!);
        expect(grad.layers[1]!.w[3]).toBe(0);
        expect(grad.layers.some((g) => g.w.some((v) => v !== 0))).toBe(true);
      });
  }

  it('beta = 1 is pure IBP and beta = 0 pure CROWN', () => {
    const actor = randomMlp('reg-pure', [5, 8, 3]);
    const net = toFloat64Mlp(actor);
    const [s] = randomStates('reg-pure-s', 1, 5);
    const logStd = [0, 0, 0];
    const r = (b: { lower: Float64Array; upper: Float64Array }): number => {
      const mu = forwardMean(net, s!);
      return mu.reduce((acc, m, j) => acc + Math.max(Math.abs(b.lower[j]! - m), Math.abs(b.upper[j]! - m)) ** 2, 0);
    };
    expect(convexRegulariser(actor, logStd, [s!], { epsilon: 0.2, beta: 1 }).value).toBeCloseTo(r(ibpBounds(net, s!, 0.2)), 10);
    expect(convexRegulariser(actor, logStd, [s!], { epsilon: 0.2, beta: 0 }).value).toBeCloseTo(r(crownBounds(net, s!, 0.2)), 10);
  });

  it('rejects bad input naming the field', () => {
    const actor = randomMlp('reg-bad', [5, 8, 3]);
    const states = randomStates('reg-bad-s', 2, 5);
    expect(() => convexRegulariser(actor, [0, 0, 0], states, { epsilon: -1, beta: 0 })).toThrow(/epsilon: expected/);
    expect(() => convexRegulariser(actor, [0, 0, 0], states, { epsilon: 0.1, beta: 2 })).toThrow(/beta: expected/);
    expect(() => convexRegulariser(actor, [0, 0], states, { epsilon: 0.1, beta: 0 })).toThrow(/logStd.length/);
  });
});
