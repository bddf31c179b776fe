// No sampled or PGD-found perturbation may leave the IBP or CROWN bounds.
import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import type { Activation } from '@rlprune/nn';
import type { BallNorm } from './ball';
import { crownBounds } from './crown';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import type { Mlp64 } from './float64-mlp';
import { ibpBounds } from './ibp';
import { pgdExtreme } from './test-support/pgd';
import { randomMlp, randomStates } from './test-support/random-mlp';

const SAMPLES_PER_STATE = 10_000;
const TOL = 1e-9;

function sampleInBall(rng: Rng, center: Float64Array, eps: number, norm: BallNorm): Float64Array {
  const d = center.length;
  if (norm === 'linf') {
    // Half the samples on corners, where the extremes of a near-linear net sit.
    const corner = rng.uniform() < 0.5;
    return center.map((c) => c + (corner ? (rng.uniform() < 0.5 ? -eps : eps) : rng.range(-eps, eps)));
  }
  const dir = Float64Array.from({ length: d }, () => rng.normal());
  const n = Math.hypot(...dir);
  const r = eps * Math.pow(rng.uniform(), 1 / d);
  return center.map((c, i) => c + (r * dir[i]!) / n);
}

function within(v: number, lo: number, hi: number): boolean {
  return v >= lo - TOL * (1 + Math.abs(lo)) && v <= hi + TOL * (1 + Math.abs(hi));
}

function checkState(net: Mlp64, rng: Rng, center: Float64Array, eps: number, norm: BallNorm, samples: number): number {
  const ibp = ibpBounds(net, center, eps, norm);
  const crown = crownBounds(net, center, eps, norm);
  let violations = 0;
  for (let s = 0; s < samples; s++) {
    const mu = forwardMean(net, sampleInBall(rng, center, eps, norm));
    mu.forEach((v, j) => {
      if (!within(v, ibp.lower[j]!, ibp.upper[j]!)) violations++;
      if (!within(v, crown.lower[j]!, crown.upper[j]!)) violations++;
    });
  }
  if (norm === 'linf') {
    for (let j = 0; j < ibp.lower.length; j++)
      for (let start = 0; start < 4; start++) {
        const x0 = sampleInBall(rng, center, eps, norm);
        const hi = pgdExtreme(net, center, eps, j, 1, x0);
        const lo = pgdExtreme(net, center, eps, j, -1, x0);
        for (const b of [ibp, crown]) {
          if (!within(hi, b.lower[j]!, b.upper[j]!)) violations++;
          if (!within(lo, b.lower[j]!, b.upper[j]!)) violations++;
        }
      }
  }
  return violations;
}

const cases: { name: string; sizes: number[]; act: Activation; eps: number }[] = [
  { name: 'tanh 11-32-32-3', sizes: [11, 32, 32, 3], act: 'tanh', eps: 0.1 },
  { name: 'relu 11-32-32-3', sizes: [11, 32, 32, 3], act: 'relu', eps: 0.1 },
  { name: 'tanh 11-16-16-16-3, wide ball', sizes: [11, 16, 16, 16, 3], act: 'tanh', eps: 0.5 },
  { name: 'relu 5-8-2, tiny ball', sizes: [5, 8, 2], act: 'relu', eps: 1e-3 },
];

describe('IBP and CROWN are sound', () => {
  for (const c of cases)
    for (const norm of ['linf', 'l2'] as BallNorm[])
      it(`${c.name}, ${norm} ball`, () => {
        const net = toFloat64Mlp(randomMlp(`sound-${c.name}`, c.sizes, c.act));
        const rng = new Rng(`samples-${c.name}-${norm}`);
        const states = randomStates(`states-${c.name}`, 3, c.sizes[0]!);
        const samples = norm === 'linf' ? SAMPLES_PER_STATE : SAMPLES_PER_STATE / 5;
        let violations = 0;
        for (const s of states) violations += checkState(net, rng, s, c.eps, norm, samples);
        expect(violations).toBe(0);
      });

  it('both contain the unperturbed output and collapse to it at epsilon 0', () => {
    const net = toFloat64Mlp(randomMlp('zero-eps', [11, 16, 16, 3]));
    const [s] = randomStates('zero-eps-s', 1, 11);
    const mu = forwardMean(net, s!);
    for (const b of [ibpBounds(net, s!, 0), crownBounds(net, s!, 0)])
      mu.forEach((v, j) => {
        expect(b.lower[j]).toBeLessThanOrEqual(v);
        expect(b.upper[j]).toBeGreaterThanOrEqual(v);
        expect(b.upper[j]! - b.lower[j]!).toBeLessThan(1e-9);
      });
  });

  it('a sampled counterexample would be caught: shrunken bounds are violated', () => {
    // Guards the test itself: the sampler must reach the edges of the bounds.
    const net = toFloat64Mlp(randomMlp('shrunk', [11, 16, 16, 3]));
    const [s] = randomStates('shrunk-s', 1, 11);
    const crown = crownBounds(net, s!, 0.1);
    const rng = new Rng('shrunk-rng');
    let maxSeen = -Infinity;
    for (let k = 0; k < 2000; k++) maxSeen = Math.max(maxSeen, forwardMean(net, sampleInBall(rng, s!, 0.1, 'linf'))[0]!);
    const mid = (crown.lower[0]! + crown.upper[0]!) / 2;
    expect(maxSeen).toBeGreaterThan(mid);
  });
});
