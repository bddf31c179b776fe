import type { Mlp } from '@rlprune/nn';
import { describe, expect, it } from 'vitest';
import type { Mlp64 } from './float64-mlp';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { parameterJacobianGram, parameterPath } from './parameter-path';
import { interpolate } from './path-sensitivity';
import { symmetricEigenvalues } from './symmetric-eigen';
import { pruneLowest, randomMlp, randomStates } from './test-support/random-mlp';

/** The explicit parameter Jacobian [actDim, P] by central differences over every weight and bias. */
function finiteDifferenceJacobian(net: Mlp64, x: ArrayLike<number>, h = 1e-6): Float64Array[] {
  const params: Float64Array[] = net.layers.flatMap((l) => [l.w, l.b]);
  const rows: number[][] = Array.from({ length: net.layers[net.layers.length - 1]!.outDim }, () => []);
  for (const p of params)
    for (let i = 0; i < p.length; i++) {
      const v = p[i]!;
      p[i] = v + h;
      const fp = forwardMean(net, x);
      p[i] = v - h;
      const fm = forwardMean(net, x);
      p[i] = v;
      rows.forEach((r, o) => r.push((fp[o]! - fm[o]!) / (2 * h)));
    }
  return rows.map((r) => Float64Array.from(r));
}

const withLogStd = (actor: Mlp, logStd: number[]) => ({ actor, logStd });

describe('parameter Jacobian', () => {
  it('J J^T matches the Gram matrix of central finite differences (tanh and relu)', () => {
    for (const act of ['tanh', 'relu'] as const) {
      const net = toFloat64Mlp(randomMlp(`pj-${act}`, [5, 7, 6, 3], act));
      const [x] = randomStates(`pj-x-${act}`, 1, 5);
      const gram = parameterJacobianGram(net, x!);
      const j = finiteDifferenceJacobian(net, x!);
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
          const fd = j[a]!.reduce((s, v, k) => s + v * j[b]![k]!, 0);
          expect(gram[a * 3 + b]!).toBeCloseTo(fd, 6);
        }
    }
  });

  it('a linear layer mu = W x + b: J J^T = (1 + ||x||^2) I', () => {
    const net = toFloat64Mlp(randomMlp('lin', [4, 2]));
    const x = [1, -2, 0.5, 3];
    const gram = parameterJacobianGram(net, x);
    const expected = 1 + 1 + 4 + 0.25 + 9;
    expect(Array.from(gram)).toEqual([expected, 0, 0, expected]);
  });

  it('Jacobi eigenvalues of a symmetric matrix with a repeated top eigenvalue', () => {
    // diag(5, 5, 1) rotated: power iteration's worst case; the top eigenvalue is still 5.
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const m = [
      5 * c * c + 5 * s * s,
      0,
      0,
      0,
      5 * c * c + s * s,
      (5 - 1) * c * s,
      0,
      (5 - 1) * c * s,
      5 * s * s + c * c,
    ];
    const ev = Array.from(symmetricEigenvalues(m, 3)).sort((p, q) => q - p);
    expect(ev[0]).toBeCloseTo(5, 12);
    expect(ev[1]).toBeCloseTo(5, 12);
    expect(ev[2]).toBeCloseTo(1, 12);
  });
});

describe('parameterPath', () => {
  it('bounds the action shift per state and on average, on random nets pruned by magnitude', () => {
    for (const [seed, act, count] of [
      ['pp-1', 'tanh', 200],
      ['pp-2', 'relu', 350],
      ['pp-3', 'tanh', 460],
    ] as const) {
      const dense = randomMlp(seed, [11, 16, 16, 3], act);
      const pruned = pruneLowest(
        dense,
        dense.layers.map((l) => Array.from(l.w, Math.abs)),
        count,
      );
      const states = randomStates(`${seed}-s`, 20, 11);
      const r = parameterPath(
        withLogStd(dense, [0, -0.5, 0.2]),
        withLogStd(pruned, [0.1, -0.3, -0.7]),
        states,
      );
      expect(r.deltaNorm).toBeGreaterThan(0);
      expect(r.measuredActionShift).toBeGreaterThan(0);
      expect(r.measuredActionShift).toBeLessThanOrEqual(r.lPar * r.deltaNorm);
      for (let s = 0; s < states.length; s++)
        expect(r.perState.actionShift[s]!).toBeLessThanOrEqual(r.perState.lPar[s]! * r.deltaNorm);
      expect(r.sigmaMin).toBeCloseTo(Math.exp(-0.7), 6);
      expect(r.points).toHaveLength(11);
    }
  });

  it('deltaNorm is the L2 distance of weights (masks folded) and biases', () => {
    const dense = randomMlp('dn', [3, 4, 2]);
    const pruned = pruneLowest(
      dense,
      dense.layers.map((l) => Array.from(l.w, Math.abs)),
      5,
    );
    pruned.layers[1]!.b[0]! += 0.25;
    let expected = 0.25 ** 2;
    dense.layers.forEach((l, k) =>
      l.w.forEach((v, i) => (expected += (v - pruned.layers[k]!.w[i]! * pruned.layers[k]!.mask[i]!) ** 2)),
    );
    const r = parameterPath(
      withLogStd(dense, [0, 0]),
      withLogStd(pruned, [0, 0]),
      randomStates('dn-s', 2, 3),
    );
    expect(r.deltaNorm).toBeCloseTo(Math.sqrt(expected), 6);
  });

  it('the trapezoid average matches a fine quadrature of the operator norm along the path', () => {
    const dense = randomMlp('tq', [6, 8, 2]);
    const pruned = pruneLowest(
      dense,
      dense.layers.map((l) => Array.from(l.w, Math.abs)),
      40,
    );
    const [x] = randomStates('tq-s', 1, 6);
    const coarse = parameterPath(withLogStd(dense, [0, 0]), withLogStd(pruned, [0, 0]), [x!], { steps: 10 });
    const a = toFloat64Mlp(dense);
    const b = toFloat64Mlp(pruned);
    const fine = 2000;
    let integral = 0;
    for (let p = 0; p <= fine; p++) {
      const g = parameterJacobianGram(interpolate(a, b, p / fine), x!);
      const top = Math.max(...symmetricEigenvalues(g, 2));
      integral += ((p === 0 || p === fine ? 0.5 : 1) * Math.sqrt(top)) / fine;
    }
    expect(coarse.lPar).toBeCloseTo(integral, 3);
  });

  it('identical actors: zero delta and zero shift, L_par the operator norm at the one point', () => {
    const net = randomMlp('same', [4, 5, 2]);
    const r = parameterPath(withLogStd(net, [0, 0]), withLogStd(net, [0, 0]), randomStates('same-s', 3, 4));
    expect(r.deltaNorm).toBe(0);
    expect(r.measuredActionShift).toBe(0);
    expect(r.lPar).toBeCloseTo(r.points[0]!.meanOperatorNorm, 12);
  });

  it('rejects actors of different shapes, naming both shapes', () => {
    const a = randomMlp('a', [11, 16, 3]);
    const b = randomMlp('b', [11, 8, 3]);
    expect(() =>
      parameterPath(withLogStd(a, [0, 0, 0]), withLogStd(b, [0, 0, 0]), randomStates('x', 1, 11)),
    ).toThrow(/pruned.actor: expected the dense \(reference\) actor's shape 11-16-3 tanh.*got "11-8-3 tanh"/);
    expect(() =>
      parameterPath(withLogStd(a, [0, 0, 0]), withLogStd(a, [0, 0]), randomStates('x', 1, 11)),
    ).toThrow(/pruned.logStd.length/);
    expect(() => parameterPath(withLogStd(a, [0, 0, 0]), withLogStd(a, [0, 0, 0]), [])).toThrow(/states/);
    expect(() =>
      parameterPath(withLogStd(a, [0, 0, 0]), withLogStd(a, [0, 0, 0]), randomStates('x', 1, 11), {
        steps: 0,
      }),
    ).toThrow(/steps/);
  });
});
