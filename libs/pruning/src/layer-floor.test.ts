// The layer floor of global pruning (issue 15 item 6): a Hopper actor's head (orthogonal init, gain
// 0.01) is no longer emptied at 80%, every output stays connected to the input, the target is met
// exactly, and a target the floor makes unreachable is refused with the highest reachable sparsity.
import { createActorCritic, createKernelEngine, type Mlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { NO_LAYER_FLOOR, protectedWeights, requireLayerFloor } from './layer-floor';
import { CRITERIA } from './options';
import { pruneNet } from './prune-net';
import { randomGradients } from './testing/random-nets';

const hopperActor = (): Mlp => createActorCritic({ obsDim: 11, actDim: 3, hidden: [64, 64] }, 7).actor;
const WEIGHTS = 11 * 64 + 64 * 64 + 64 * 3; // 4,992

/** Units of each layer reachable from the inputs through kept weights; the last entry is the outputs. */
function reachable(mlp: Mlp): boolean[][] {
  let live = new Array<boolean>(mlp.layers[0]!.inDim).fill(true);
  const out: boolean[][] = [];
  for (const layer of mlp.layers) {
    const next = Array.from({ length: layer.outDim }, (_, o) => live.some((ok, j) => ok && layer.mask[o * layer.inDim + j] === 1));
    out.push(next);
    live = next;
  }
  return out;
}

const keptIn = (mlp: Mlp, l: number) => mlp.layers[l]!.mask.reduce((s, m) => s + m, 0);

describe('layer floor of global pruning', () => {
  it('without it, magnitude pruning at 80% empties the Hopper actor head (the bug it fixes)', () => {
    const actor = hopperActor();
    pruneNet(actor, { criterion: 'magnitude', sparsity: 0.8, scope: 'global', layerFloor: NO_LAYER_FLOOR });
    expect(keptIn(actor, 2)).toBe(0);
  });

  it.each(CRITERIA)('%s at 80 percent, global: exact sparsity, every unit keeps an incoming weight, every output connected to the input', (criterion) => {
    const actor = hopperActor();
    const gradients = criterion === 'saliency' ? randomGradients(new Rng(1), actor) : undefined;
    const result = pruneNet(actor, { criterion, sparsity: 0.8, scope: 'global', seed: 3, ...(gradients ? { gradients } : {}) });
    expect(result.floorLimit).toBeNull();
    const pruned = result.perLayer.reduce((s, l) => s + l.pruned, 0);
    expect(pruned).toBe(Math.round(0.8 * WEIGHTS));
    for (const layer of actor.layers) {
      for (let o = 0; o < layer.outDim; o++) expect(layer.mask.subarray(o * layer.inDim, (o + 1) * layer.inDim).some((m) => m === 1)).toBe(true);
    }
    expect(reachable(actor).at(-1)).toEqual([true, true, true]);
    // and so the actions depend on the observation again
    const engine = createKernelEngine();
    const a = engine.predict(actor, new Float32Array(11).fill(0.5), 1);
    const b = engine.predict(actor, new Float32Array(11).fill(-0.5), 1);
    expect(Array.from(a).some((v, j) => v !== b[j])).toBe(true);
  });

  it('keeps the floor as masks shrink step by step (micro-pruning), and stops at it, saying so, when the target is beyond', () => {
    const actor = hopperActor();
    for (const sparsity of [0.5, 0.8, 0.9, 0.97]) {
      const result = pruneNet(actor, { criterion: 'magnitude', sparsity, scope: 'global' });
      expect(result.perLayer.reduce((s, l) => s + l.pruned, 0)).toBe(Math.round(sparsity * WEIGHTS));
      expect(reachable(actor).at(-1)).toEqual([true, true, true]);
    }
    // Floor: 64 + 64 + 3 units keep one weight each (above every layer's 1%: 8, 41, 2), so 4,861 of 4,992 can go.
    const limited = pruneNet(actor, { criterion: 'magnitude', sparsity: 0.99, scope: 'global' });
    expect(limited.floorLimit).toMatchObject({ requested: Math.round(0.99 * WEIGHTS), pruned: 4861, total: WEIGHTS });
    expect(limited.floorLimit!.message).toContain('at most 4861 can be pruned: reached sparsity 0.9738');
    expect(limited.sparsity).toBeCloseTo(4861 / WEIGHTS, 12);
    expect(actor.layers.map((_, l) => keptIn(actor, l))).toEqual([64, 64, 3]);
    expect(reachable(actor).at(-1)).toEqual([true, true, true]);
  });

  it('protects each row\'s best weight, then the layer\'s best up to its fraction (hand-computed)', () => {
    // scores [[0.1, 0.5, 0.4], [0.3, 0.2, 0.6]]; entry 5 already pruned
    const scores = [0.1, 0.5, 0.4, 0.3, 0.2, 0.6];
    const alive = [1, 1, 1, 1, 1, 0];
    expect(Array.from(protectedWeights(scores, alive, 2, 3, { minPerUnit: 1, minFraction: 0 }))).toEqual([0, 1, 0, 1, 0, 0]);
    expect(Array.from(protectedWeights(scores, alive, 2, 3, { minPerUnit: 1, minFraction: 0.5 }))).toEqual([0, 1, 1, 1, 0, 0]);
    expect(Array.from(protectedWeights(scores, alive, 2, 3, { minPerUnit: 2, minFraction: 0 }))).toEqual([0, 1, 1, 1, 1, 0]);
    expect(Array.from(protectedWeights(scores, alive, 2, 3, { minPerUnit: 0, minFraction: 0 }))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rejects a malformed floor naming the field', () => {
    expect(() => requireLayerFloor({ minPerUnit: -1, minFraction: 0 })).toThrow('layerFloor.minPerUnit');
    expect(() => requireLayerFloor({ minPerUnit: 1, minFraction: 2 })).toThrow('layerFloor.minFraction');
    const mlp = hopperActor();
    expect(() => pruneNet(mlp, { criterion: 'magnitude', sparsity: 0.5, scope: 'global', layerFloor: { minPerUnit: 1.5, minFraction: 0 } })).toThrow(
      'layerFloor.minPerUnit',
    );
  });
});
