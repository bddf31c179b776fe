import type { Mlp } from '@rlprune/nn';
import { describe, expect, it } from 'vitest';
import { certifiedRadius } from './certified-radius';
import { certifyPolicy } from './certify-policy';
import { isConstantPolicy } from './constant-policy';
import { toFloat64Mlp } from './float64-mlp';
import { surrogateLipschitz } from './norms';
import { pruneLowest, randomMlp, randomStates } from './test-support/random-mlp';

const logStd = [-0.5, -0.5, -0.5];
const states = randomStates('const-states', 6, 11);

/** Prunes every weight of layer k (mask and weight), as global magnitude pruning does to a 0.01-gain head. */
function emptyLayer(mlp: Mlp, k: number): Mlp {
  const scores = mlp.layers.map((l, j) => Array.from(l.w, () => (j === k ? 0 : 1)));
  return pruneLowest(mlp, scores, mlp.layers[k]!.w.length);
}

describe('constant-policy flag', () => {
  it('an actor pruned to an empty layer is constant: surrogate 0, every TV bound 0, flagged', () => {
    const dense = randomMlp('const', [11, 16, 16, 3]);
    for (const k of [0, 1, 2]) {
      const pruned = emptyLayer(dense, k);
      expect(surrogateLipschitz(pruned)).toBe(0);
      expect(isConstantPolicy(toFloat64Mlp(pruned))).toBe(true);
      const r = certifyPolicy({
        actor: pruned,
        logStd,
        states,
        epsilon: 0.05,
        methods: ['lipschitz', 'ibp', 'crown'],
      });
      expect(r.constant).toBe(true);
      // the bounds are right (nothing moves, up to the bounds' outward rounding) and say nothing about
      // robustness: hence the flag
      for (const s of r.perState) expect(s.maxTv).toBeLessThan(1e-9);
    }
    expect(certifyPolicy({ actor: dense, logStd, states, epsilon: 0.05 }).constant).toBe(false);
  });

  it('non-empty layers that no longer connect are constant too; one surviving path is not', () => {
    // 2 -> 2 -> 1: unit 0 of the hidden layer hears the inputs, only unit 1 speaks to the output.
    const layer = (inDim: number, outDim: number, w: number[]) => ({
      inDim,
      outDim,
      w: Float32Array.from(w),
      b: new Float32Array(outDim).fill(0.3),
      mask: Float32Array.from(w, (v) => (v === 0 ? 0 : 1)),
    });
    const cut: Mlp = { activation: 'tanh', layers: [layer(2, 2, [1, 2, 0, 0]), layer(2, 1, [0, 5])] };
    expect(surrogateLipschitz(cut)).toBeGreaterThan(0);
    expect(isConstantPolicy(toFloat64Mlp(cut))).toBe(true);
    const joined: Mlp = { activation: 'tanh', layers: [layer(2, 2, [1, 2, 0, 0]), layer(2, 1, [1e-3, 5])] };
    expect(isConstantPolicy(toFloat64Mlp(joined))).toBe(false);
  });

  it('a weight zeroed by its mask alone counts as pruned', () => {
    const net = randomMlp('mask', [3, 4, 2]);
    net.layers[1]!.mask.fill(0);
    expect(isConstantPolicy(toFloat64Mlp(net))).toBe(true);
  });
});

describe('mean certified radius in certifyPolicy', () => {
  it('is the mean of the per-state bisection radii, for per-state and global methods', () => {
    const actor = randomMlp('radius', [11, 16, 16, 3]);
    const r = certifyPolicy({
      actor,
      logStd,
      states,
      epsilon: 0.05,
      methods: ['lipschitz', 'ibp', 'crown'],
      tvThreshold: 0.2,
    });
    for (const s of r.perState) {
      const each = states.map((x) => certifiedRadius(actor, logStd, x, { threshold: 0.2, method: s.method }));
      expect(s.meanCertifiedRadius).toBeCloseTo(each.reduce((a, b) => a + b, 0) / each.length, 12);
      expect(s.meanCertifiedRadius).toBeGreaterThan(0);
    }
    const by = Object.fromEntries(r.perState.map((s) => [s.method, s.meanCertifiedRadius!]));
    // CROWN's radius is at least the global surrogate's at every state (its TV is at most the surrogate's).
    expect(by.crown).toBeGreaterThanOrEqual(by.lipschitz! - 1e-4);
  });

  it('can be turned off, and a constant policy reaches the search ceiling', () => {
    const actor = randomMlp('radius-off', [11, 8, 3]);
    const off = certifyPolicy({
      actor,
      logStd,
      states,
      epsilon: 0.05,
      methods: ['crown'],
      certifiedRadius: false,
    });
    expect(off.perState[0]!.meanCertifiedRadius).toBeUndefined();
    const constant = certifyPolicy({
      actor: emptyLayer(actor, 1),
      logStd,
      states,
      epsilon: 0.05,
      methods: ['crown'],
      radiusMax: 2,
    });
    expect(constant.perState[0]!.meanCertifiedRadius).toBe(2);
    expect(constant.constant).toBe(true);
  });
});
