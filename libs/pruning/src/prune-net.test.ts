// What each criterion, scope and structure picks on small nets whose right answer is known by hand.
import type { DenseLayer, Mlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { NO_LAYER_FLOOR } from './layer-floor';
import { enforceMasks, isUnitRemoved } from './masks';
import { pruneNet } from './prune-net';
import { cloneMlp, randomGradients, randomMlp } from './testing/random-nets';

function layer(outDim: number, inDim: number, w: number[], b?: number[]): DenseLayer {
  return {
    inDim,
    outDim,
    w: Float32Array.from(w),
    b: Float32Array.from(b ?? new Array(outDim).fill(0.5)),
    mask: new Float32Array(w.length).fill(1),
  };
}

function net(...layers: DenseLayer[]): Mlp {
  return { activation: 'tanh', layers };
}

const masksOf = (mlp: Mlp) => mlp.layers.map((l) => Array.from(l.mask));

describe('unstructured criteria', () => {
  it('magnitude prunes the smallest |w| and zeroes them', () => {
    const mlp = net(layer(2, 2, [0.1, -0.5, 0.3, -2]));
    const result = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5 });
    expect(Array.from(mlp.layers[0]!.mask)).toEqual([0, 1, 0, 1]);
    expect(Array.from(mlp.layers[0]!.w)).toEqual([0, -0.5, 0, -2]);
    expect(result.perLayer).toEqual([{ layer: 'net.0', total: 4, pruned: 2, sparsity: 0.5, bias: null }]);
  });

  it('saliency ranks by |w * dL/dw|, not by |w|', () => {
    const mlp = net(layer(2, 2, [1, 2, 3, 4]));
    const gradients = [Float32Array.from([5, 0.1, 0.01, 1])]; // saliencies 5, 0.2, 0.03, 4
    pruneNet(mlp, { criterion: 'saliency', sparsity: 0.5, gradients });
    expect(Array.from(mlp.layers[0]!.mask)).toEqual([1, 0, 0, 1]);
  });

  it('random depends on the seed only, and different seeds give different masks', () => {
    const base = randomMlp(new Rng(1), { dims: [16, 16, 4] });
    const a = cloneMlp(base);
    const b = cloneMlp(base);
    const c = cloneMlp(base);
    pruneNet(a, { criterion: 'random', sparsity: 0.5, seed: 7 });
    pruneNet(b, { criterion: 'random', sparsity: 0.5, seed: 7 });
    pruneNet(c, { criterion: 'random', sparsity: 0.5, seed: 8 });
    expect(masksOf(a)).toEqual(masksOf(b));
    expect(masksOf(a)).not.toEqual(masksOf(c));
    // Not magnitude in disguise: some pruned weights are larger than some kept ones.
    const l0 = a.layers[0]!;
    const prunedMax = Math.max(...base.layers[0]!.w.filter((_, k) => l0.mask[k] === 0).map(Math.abs));
    const keptMin = Math.min(...l0.w.filter((_, k) => l0.mask[k] === 1).map(Math.abs));
    expect(prunedMax).toBeGreaterThan(keptMin);
  });

  it('layer scope prunes every layer alike; global scope takes the small weights wherever they are, above the layer floor', () => {
    const small = layer(2, 2, [0.01, 0.02, 0.03, 0.04]);
    const large = layer(2, 2, [1, 2, 3, 4]);
    const byLayer = net(cloneMlp(net(small)).layers[0]!, cloneMlp(net(large)).layers[0]!);
    pruneNet(byLayer, { criterion: 'magnitude', sparsity: 0.5, scope: 'layer' });
    expect(masksOf(byLayer)).toEqual([
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ]);
    // Without a floor the small layer would go entirely; the floor keeps each unit's best weight
    // (0.02 and 0.04), so the lowest of the rest go: 0.01, 0.03, 1 and 3.
    const global = net(cloneMlp(net(small)).layers[0]!, cloneMlp(net(large)).layers[0]!);
    const result = pruneNet(global, { criterion: 'magnitude', sparsity: 0.5, scope: 'global' });
    expect(masksOf(global)).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ]);
    expect(result.sparsity).toBe(0.5);
    const unfloored = net(small, large);
    pruneNet(unfloored, { criterion: 'magnitude', sparsity: 0.5, scope: 'global', layerFloor: NO_LAYER_FLOOR });
    expect(masksOf(unfloored)).toEqual([
      [0, 0, 0, 0],
      [1, 1, 1, 1],
    ]);
  });

  it('counts the 64-64 Hopper actor as 4,992 prunable weights plus 131 biases', () => {
    const actor = randomMlp(new Rng(3), { dims: [11, 64, 64, 3] });
    const result = pruneNet(actor, { criterion: 'magnitude', sparsity: 0.9, scope: 'global', pruneBiases: true });
    const weights = result.perLayer.reduce((s, l) => s + l.total, 0);
    const biases = result.perLayer.reduce((s, l) => s + l.bias!.total, 0);
    expect([weights, biases]).toEqual([4992, 131]);
    const pruned = result.perLayer.reduce((s, l) => s + l.pruned + l.bias!.pruned, 0);
    expect(pruned).toBe(Math.round(0.9 * 5123));
  });
});

describe('masks only shrink', () => {
  it('keeps earlier pruning, counts it toward the target and brings nothing back without regrow', () => {
    const mlp = randomMlp(new Rng(5), { dims: [8, 8, 2] });
    pruneNet(mlp, { criterion: 'random', sparsity: 0.5, seed: 1 });
    const first = masksOf(mlp);
    const result = pruneNet(mlp, { criterion: 'random', sparsity: 0.25, seed: 2 });
    expect(masksOf(mlp)).toEqual(first);
    expect(result.perLayer.map((l) => l.pruned)).toEqual([32, 8]);
  });

  it('grows nested masks as the target rises (micro-pruning)', () => {
    const mlp = randomMlp(new Rng(6), { dims: [10, 12, 3] });
    let previous = masksOf(mlp);
    for (const sparsity of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const result = pruneNet(mlp, { criterion: 'magnitude', sparsity });
      const now = masksOf(mlp);
      now.forEach((m, l) => m.forEach((v, k) => expect(v).toBeLessThanOrEqual(previous[l]![k]!)));
      result.perLayer.forEach((l) => expect(l.pruned).toBe(Math.round(sparsity * l.total)));
      previous = now;
    }
  });

  it('with regrow recomputes the mask from scratch; revived weights restart at 0', () => {
    const mlp = randomMlp(new Rng(7), { dims: [6, 6, 2] });
    pruneNet(mlp, { criterion: 'random', sparsity: 0.8, seed: 1 });
    const before = cloneMlp(mlp);
    const result = pruneNet(mlp, { criterion: 'random', sparsity: 0.3, seed: 1, regrow: true });
    expect(result.perLayer.map((l) => l.pruned)).toEqual([Math.round(0.3 * 36), Math.round(0.3 * 12)]);
    let revived = 0;
    mlp.layers.forEach((layer, l) =>
      layer.mask.forEach((m, k) => {
        if (m === 1 && before.layers[l]!.mask[k] === 0) {
          revived++;
          expect(layer.w[k]).toBe(0);
        }
      }),
    );
    expect(revived).toBeGreaterThan(0);
  });
});

describe('bias pruning', () => {
  it('leaves biases alone by default and prunes them with the weights when asked', () => {
    const plain = net(layer(2, 2, [1, 2, 3, 4], [0.25, 9]));
    expect(pruneNet(plain, { criterion: 'magnitude', sparsity: 0.5 }).biasMasks).toBeNull();
    expect(Array.from(plain.layers[0]!.b)).toEqual([0.25, 9]);

    const mlp = net(layer(2, 2, [1, 2, 3, 4], [0.25, 9]));
    const result = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5, pruneBiases: true });
    // Entries 1, 2, 3, 4, 0.25, 9: the three smallest are the bias 0.25 and the weights 1 and 2.
    expect(Array.from(result.biasMasks![0]!)).toEqual([0, 1]);
    expect(Array.from(mlp.layers[0]!.b)).toEqual([0, 9]);
    expect(Array.from(mlp.layers[0]!.mask)).toEqual([0, 0, 1, 1]);
    expect(result.perLayer[0]!.bias).toEqual({ total: 2, pruned: 1 });
  });

  it('keeps pruned biases pruned when the caller passes the bias masks back, and at zero via enforceMasks', () => {
    const mlp = net(layer(2, 2, [1, 2, 3, 4], [0.25, 9]));
    const first = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5, pruneBiases: true });
    mlp.layers[0]!.b[0] = 5; // an optimiser step moved it
    enforceMasks(mlp, first.biasMasks!);
    expect(mlp.layers[0]!.b[0]).toBe(0);
    mlp.layers[0]!.b[0] = 5;
    const second = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5, pruneBiases: true, biasMasks: first.biasMasks! });
    expect(Array.from(second.biasMasks![0]!)).toEqual([0, 1]);
    expect(mlp.layers[0]!.b[0]).toBe(0);
  });

  it('saliency scores biases by |b * dL/db|', () => {
    const mlp = net(layer(1, 2, [1, 1], [1]));
    const result = pruneNet(mlp, {
      criterion: 'saliency',
      sparsity: 0.3, // one of three entries
      pruneBiases: true,
      gradients: [Float32Array.from([1, 1])],
      biasGradients: [Float32Array.from([0.5])],
    });
    expect(Array.from(result.biasMasks![0]!)).toEqual([0]);
    expect(Array.from(mlp.layers[0]!.mask)).toEqual([1, 1]);
  });
});

describe('structured pruning by neuron', () => {
  // 2 -> 3 -> 1; hidden unit h has incoming row norm |h+1| * 1, 0.1 * ..., chosen below.
  function threeUnitNet(): Mlp {
    return net(layer(3, 2, [3, 0, 0.1, 0.1, 1, 1]), layer(1, 3, [1, 1, 1]));
  }

  it('magnitude removes the unit with the smallest incoming row: its row, its column and its bias', () => {
    const mlp = threeUnitNet();
    const result = pruneNet(mlp, { criterion: 'magnitude', sparsity: 1 / 3, structured: true, pruneBiases: true });
    expect(masksOf(mlp)).toEqual([
      [1, 1, 0, 0, 1, 1],
      [1, 0, 1],
    ]);
    expect(Array.from(result.biasMasks![0]!)).toEqual([1, 0, 1]);
    expect(Array.from(result.biasMasks![1]!)).toEqual([1]); // output biases are never removed
    expect(mlp.layers[0]!.b[1]).toBe(0);
    expect(result.units).toEqual([{ layer: 'net.0', total: 3, removed: 1 }]);
  });

  it('saliency sums the unit\'s incoming row and outgoing column', () => {
    const mlp = threeUnitNet();
    // Unit 1 has the smallest row but a huge outgoing saliency; unit 2 then scores lowest.
    const gradients = [Float32Array.from([1, 1, 1, 1, 1, 1]), Float32Array.from([1, 100, 0.01])];
    pruneNet(mlp, { criterion: 'saliency', sparsity: 1 / 3, structured: true, gradients });
    expect(masksOf(mlp)).toEqual([
      [1, 1, 1, 1, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('global scope ranks units of all hidden layers together but keeps one unit per layer', () => {
    const rng = new Rng(9);
    const mlp = randomMlp(rng, { dims: [4, 3, 5, 2] });
    for (let k = 0; k < mlp.layers[0]!.w.length; k++) mlp.layers[0]!.w[k] = 0.001 * (k + 1); // tiny first layer
    const result = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5, structured: true, scope: 'global' });
    // 4 of 8 hidden units go: the 2 weakest of layer 0 (its last unit stays), then the 2 weakest of layer 1.
    expect(result.units.map((u) => u.removed)).toEqual([2, 2]);
    const masks = mlp.layers.map((l) => l.mask);
    expect([0, 1, 2].map((h) => isUnitRemoved(mlp, masks, 0, h))).toEqual([true, true, false]);
  });

  it('counts a unit that a removal leaves without inputs or outputs as removed', () => {
    // Hidden units a, b (layer 0) and c, d (layer 1). Earlier element-wise pruning cut a -> d and
    // d -> output, so d hangs on b alone. Removing b, the weakest unit, leaves d with neither inputs
    // nor outputs: it is gone too, and the target of one unit is overshot by that one.
    const mlp = net(layer(2, 1, [5, 0.1]), layer(2, 2, [1, 1, 0, 3]), layer(1, 2, [1, 0]));
    mlp.layers[1]!.mask[2] = 0; // a -> d
    mlp.layers[2]!.mask[1] = 0; // d -> output
    const result = pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.25, structured: true, scope: 'global' });
    expect(result.units.map((u) => u.removed)).toEqual([1, 1]);
    expect(masksOf(mlp)).toEqual([
      [1, 0],
      [1, 0, 0, 0],
      [1, 0],
    ]);
  });

  it('never touches input or output dimensions', () => {
    const mlp = randomMlp(new Rng(10), { dims: [5, 8, 3] });
    pruneNet(mlp, { criterion: 'random', sparsity: 0.6, structured: true, seed: 4 });
    // Every input column of layer 0 and every output row of layer 1 keeps some weight.
    const [l0, l1] = mlp.layers as [DenseLayer, DenseLayer];
    for (let i = 0; i < 5; i++) expect([...Array(8).keys()].some((o) => l0.mask[o * 5 + i] === 1)).toBe(true);
    for (let o = 0; o < 3; o++) expect([...Array(8).keys()].some((h) => l1.mask[o * 8 + h] === 1)).toBe(true);
  });

  it('gives the same units for the same gradients and seed', () => {
    const base = randomMlp(new Rng(11), { dims: [6, 10, 10, 2] });
    const gradients = randomGradients(new Rng(12), base);
    for (const criterion of ['magnitude', 'saliency', 'random'] as const) {
      const a = cloneMlp(base);
      const b = cloneMlp(base);
      pruneNet(a, { criterion, sparsity: 0.4, structured: true, gradients, seed: 3 });
      pruneNet(b, { criterion, sparsity: 0.4, structured: true, gradients, seed: 3 });
      expect(masksOf(a)).toEqual(masksOf(b));
    }
  });
});
