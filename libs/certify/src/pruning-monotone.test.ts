// The paper's central claim on this library's side: no criterion of libs/pruning can raise the
// surrogate Lipschitz bound (nor, hence, the global TV bound) as sparsity grows.
import { describe, expect, it } from 'vitest';
import type { Mlp } from '@rlprune/nn';
import { CRITERIA, SCOPES, pruneNet } from '@rlprune/pruning';
import { Rng } from '@rlprune/random';
import { globalBounds } from './global-bounds';
import { surrogateLipschitz } from './norms';
import { randomMlp } from './test-support/random-mlp';

function clone(mlp: Mlp): Mlp {
  return {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => ({ ...l, w: Float32Array.from(l.w), b: Float32Array.from(l.b), mask: Float32Array.from(l.mask) })),
  };
}

describe('surrogate bound under libs/pruning', () => {
  const dense = randomMlp('pruning-monotone', [11, 32, 32, 3]);
  const rng = new Rng('pruning-monotone-grads');
  const gradients = dense.layers.map((l) => Float32Array.from(l.w, () => rng.normal()));
  const sigma = [0.6, 0.6, 0.6];
  for (const criterion of CRITERIA)
    for (const scope of SCOPES)
      for (const structured of [false, true])
        it(`${criterion}, ${scope} scope, ${structured ? 'structured' : 'unstructured'}: never rises`, () => {
          const net = clone(dense);
          let prevL = surrogateLipschitz(net);
          let prevTv = globalBounds(net, sigma, 0.075, 'linf').tv.surrogate;
          for (const sparsity of [0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9]) {
            pruneNet(net, { criterion, scope, structured, sparsity, seed: 7, gradients });
            const l = surrogateLipschitz(net);
            const tv = globalBounds(net, sigma, 0.075, 'linf').tv.surrogate;
            expect(l).toBeLessThanOrEqual(prevL);
            expect(tv).toBeLessThanOrEqual(prevTv);
            prevL = l;
            prevTv = tv;
          }
          expect(prevL).toBeLessThan(surrogateLipschitz(dense));
        });
});
