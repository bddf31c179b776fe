import { describe, expect, it } from 'vitest';
import { Rng, deriveSeed } from './rng';

describe('Rng', () => {
  it('repeats a stream for a seed and differs across seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(sa);
  });

  it('gives uniforms in [0,1) with mean 1/2 and normals with mean 0, variance 1', () => {
    const r = new Rng(1);
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('restores a saved state exactly', () => {
    const r = new Rng(3);
    r.normal();
    const st = r.getState();
    const next = [r.normal(), r.uniform()];
    r.setState(st);
    expect([r.normal(), r.uniform()]).toEqual(next);
  });

  it('derives distinct stable child seeds', () => {
    expect(deriveSeed(1, 'env', 0)).toBe(deriveSeed(1, 'env', 0));
    expect(deriveSeed(1, 'env', 0)).not.toBe(deriveSeed(1, 'env', 1));
    expect(deriveSeed(1, 'env', 0)).not.toBe(deriveSeed(2, 'env', 0));
  });
});
