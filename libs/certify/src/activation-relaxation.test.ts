import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import type { Activation } from '@rlprune/nn';
import { relaxActivation } from './activation-relaxation';

const act = (a: Activation, z: number): number => (a === 'tanh' ? Math.tanh(z) : Math.max(0, z));

function randomInterval(rng: Rng): [number, number] {
  const scale = [0.01, 0.3, 2, 8][rng.int(4)]!;
  const a = rng.normal() * scale;
  const b = rng.normal() * scale;
  return [Math.min(a, b), Math.max(a, b)];
}

describe('relaxActivation', () => {
  for (const a of ['tanh', 'relu'] as Activation[]) {
    it(`${a}: both lines bound the function on a dense grid of every interval`, () => {
      const rng = new Rng(`relax-${a}`);
      let worst = 0;
      for (let t = 0; t < 2000; t++) {
        const [l, u] = randomInterval(rng);
        const { lower, upper } = relaxActivation(a, l, u);
        for (let k = 0; k <= 200; k++) {
          const z = l + ((u - l) * k) / 200;
          worst = Math.max(worst, lower.slope * z + lower.intercept - act(a, z), act(a, z) - (upper.slope * z + upper.intercept));
        }
      }
      expect(worst).toBeLessThanOrEqual(0);
    });

    it(`${a}: derivatives of slope and intercept match finite differences`, () => {
      const rng = new Rng(`relax-grad-${a}`);
      const h = 1e-6;
      for (let t = 0; t < 300; t++) {
        const [l, u] = randomInterval(rng);
        if (u - l < 1e-3 || Math.abs(l) < 1e-3 || Math.abs(u) < 1e-3 || Math.abs(u + l) < 1e-3) continue;
        const r = relaxActivation(a, l, u);
        const rl = [relaxActivation(a, l + h, u), relaxActivation(a, l - h, u)];
        const ru = [relaxActivation(a, l, u + h), relaxActivation(a, l, u - h)];
        for (const side of ['lower', 'upper'] as const) {
          const fd = (p: typeof rl, key: 'slope' | 'intercept'): number => (p[0]![side][key] - p[1]![side][key]) / (2 * h);
          expect(r[side].dSlopeDl).toBeCloseTo(fd(rl, 'slope'), 4);
          expect(r[side].dSlopeDu).toBeCloseTo(fd(ru, 'slope'), 4);
          expect(r[side].dInterceptDl).toBeCloseTo(fd(rl, 'intercept'), 4);
          expect(r[side].dInterceptDu).toBeCloseTo(fd(ru, 'intercept'), 4);
        }
      }
    });
  }

  it('tanh crossing case: the upper tangent touches the curve at l when the chord is not needed', () => {
    const { upper } = relaxActivation('tanh', -0.5, 3);
    expect(upper.slope * -0.5 + upper.intercept).toBeCloseTo(Math.tanh(-0.5), 9);
  });

  it('rejects an interval with l > u', () => {
    expect(() => relaxActivation('tanh', 1, 0)).toThrow(/exceeds/);
  });
});
