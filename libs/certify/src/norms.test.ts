import { describe, expect, it } from 'vitest';
import { Rng } from '@rlprune/random';
import type { DenseLayer, Mlp } from '@rlprune/nn';
import { frobeniusNorm, induced1Norm, inducedInfNorm, layerNorms, spectralNorm, spectralProduct, surrogateLipschitz } from './norms';
import { pruneLowest, randomMlp } from './test-support/random-mlp';

function layer(rows: number[][]): DenseLayer {
  const outDim = rows.length;
  const inDim = rows[0]!.length;
  return { inDim, outDim, w: Float32Array.from(rows.flat()), b: new Float32Array(outDim), mask: new Float32Array(inDim * outDim).fill(1) };
}

describe('layer norms', () => {
  it('match hand-computed values', () => {
    const l = layer([[1, -2, 0], [3, 0, 4]]);
    expect(frobeniusNorm(l)).toBeCloseTo(Math.sqrt(30), 12);
    expect(induced1Norm(l)).toBe(4); // column sums 4, 2, 4
    expect(inducedInfNorm(l)).toBe(7); // row sums 3, 7
    // Singular values of [[1,-2,0],[3,0,4]]: eigenvalues of W W^T = [[5,3],[3,25]].
    expect(spectralNorm(l)).toBeCloseTo(Math.sqrt(15 + Math.sqrt(109)), 8);
  });

  it('respect the mask', () => {
    const l = layer([[1, 2], [3, 4]]);
    l.mask[3] = 0;
    expect(layerNorms(l)).toMatchObject({ one: 4, inf: 3 });
    expect(frobeniusNorm(l)).toBeCloseTo(Math.sqrt(14), 12);
  });

  it('the spectral norm can rise when a weight is zeroed, as ANCHORS notes', () => {
    const l = layer([[1, 1], [1, -1]]);
    expect(spectralNorm(l)).toBeCloseTo(Math.SQRT2, 8);
    l.w[3] = 0;
    l.mask[3] = 0;
    expect(spectralNorm(l)).toBeCloseTo((1 + Math.sqrt(5)) / 2, 8);
  });

  it('the spectral norm lies between the bounds that make up the surrogate', () => {
    const net = randomMlp('norm-order', [11, 64, 64, 3]);
    for (const l of net.layers) {
      const n = layerNorms(l);
      expect(n.spectral).toBeLessThanOrEqual(n.frobenius * (1 + 1e-12));
      expect(n.spectral).toBeLessThanOrEqual(Math.sqrt(n.one * n.inf) * (1 + 1e-12));
      expect(n.spectral).toBeGreaterThanOrEqual(n.frobenius / Math.sqrt(Math.min(l.inDim, l.outDim)) - 1e-9);
    }
    expect(spectralProduct(net)).toBeLessThanOrEqual(surrogateLipschitz(net));
  });
});

describe('surrogate Lipschitz bound under pruning', () => {
  // A fine-grained trajectory independent of libs/pruning (pruning-monotone.test.ts uses that):
  // magnitude, saliency |w * g| (g a stand-in gradient) and random scores, global scope, 5% steps.
  const net = randomMlp('monotone', [11, 32, 32, 3]);
  const rng = new Rng('monotone-scores');
  const fakeGrad = net.layers.map((l) => Array.from(l.w, () => rng.normal()));
  const criteria: Record<string, number[][]> = {
    magnitude: net.layers.map((l) => Array.from(l.w, Math.abs)),
    saliency: net.layers.map((l, k) => Array.from(l.w, (w, i) => Math.abs(w * fakeGrad[k]![i]!))),
    random: net.layers.map((l) => Array.from(l.w, () => rng.uniform())),
  };
  const total = net.layers.reduce((s, l) => s + l.w.length, 0);
  for (const [name, scores] of Object.entries(criteria))
    it(`never rises along a ${name} pruning trajectory`, () => {
      let prev = surrogateLipschitz(net);
      let pruned: Mlp = net;
      for (let sparsity = 0.05; sparsity < 1; sparsity += 0.05) {
        pruned = pruneLowest(net, scores, Math.round(sparsity * total));
        const now = surrogateLipschitz(pruned);
        expect(now).toBeLessThanOrEqual(prev);
        prev = now;
      }
      expect(prev).toBeLessThan(surrogateLipschitz(net));
    });
});
