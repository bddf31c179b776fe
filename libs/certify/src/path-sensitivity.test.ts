import { describe, expect, it } from 'vitest';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { inputJacobian, pathSensitivity, spectralNormOfMatrix } from './path-sensitivity';
import { pruneLowest, randomMlp, randomStates } from './test-support/random-mlp';

describe('path sensitivity', () => {
  it('the input Jacobian matches central finite differences', () => {
    for (const act of ['tanh', 'relu'] as const) {
      const net = toFloat64Mlp(randomMlp(`jac-${act}`, [6, 10, 10, 3], act));
      const [x] = randomStates(`jac-x-${act}`, 1, 6);
      const j = inputJacobian(net, x!);
      const h = 1e-6;
      for (let i = 0; i < 6; i++) {
        const xp = Float64Array.from(x!);
        const xm = Float64Array.from(x!);
        xp[i]! += h;
        xm[i]! -= h;
        const fp = forwardMean(net, xp);
        const fm = forwardMean(net, xm);
        for (let o = 0; o < 3; o++) expect(j[o * 6 + i]).toBeCloseTo((fp[o]! - fm[o]!) / (2 * h), 6);
      }
    }
  });

  it('the operator norm is the largest singular value', () => {
    // [[3, 0], [0, -4], [0, 0]] has singular values 4 and 3.
    expect(spectralNormOfMatrix(Float64Array.of(3, 0, 0, -4, 0, 0), 3, 2)).toBeCloseTo(4, 10);
    // Rank one: u v^T with |u| = 5, |v| = sqrt(2).
    expect(spectralNormOfMatrix(Float64Array.of(3, 3, 4, 4), 2, 2)).toBeCloseTo(5 * Math.SQRT2, 10);
    expect(spectralNormOfMatrix(new Float64Array(6), 2, 3)).toBe(0);
  });

  it('a single linear layer: the norm is linear in t when pruning scales it', () => {
    const dense = randomMlp('lin', [4, 3]);
    const half = { ...dense, layers: dense.layers.map((l) => ({ ...l, w: l.w.map((v) => v / 2) })) };
    const states = randomStates('lin-s', 3, 4);
    const r = pathSensitivity(dense, half, states, { steps: 4 });
    const n0 = r.points[0]!.meanOperatorNorm;
    r.points.forEach((p) => expect(p.meanOperatorNorm).toBeCloseTo(n0 * (1 - p.t / 2), 10));
    expect(r.lPar).toBeCloseTo(0.75 * n0, 10);
  });

  it('the pruned end of the path is the pruned net', () => {
    const dense = randomMlp('path', [11, 16, 16, 3]);
    const pruned = pruneLowest(dense, dense.layers.map((l) => Array.from(l.w, Math.abs)), 300);
    const states = randomStates('path-s', 5, 11);
    const r = pathSensitivity(dense, pruned, states, { steps: 5 });
    const end = pathSensitivity(pruned, pruned, states, { steps: 1 });
    expect(r.points).toHaveLength(6);
    expect(r.points[5]!.meanOperatorNorm).toBeCloseTo(end.lPar, 10);
  });

  it('rejects mismatched nets naming the field', () => {
    const a = randomMlp('a', [11, 16, 3]);
    const b = randomMlp('b', [11, 8, 3]);
    expect(() => pathSensitivity(a, b, randomStates('x', 1, 11))).toThrow(/pruned.layers\[0\]/);
    expect(() => pathSensitivity(a, a, [])).toThrow(/states/);
  });
});
