// Bad input throws InvalidArgumentError naming the field and saying what was expected and what came,
// and leaves the nets untouched (the pruner service maps these to INVALID_ARGUMENT).
import type { Mlp } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@rlprune/errors';
import { type Criterion, type PruneOptions } from './options';
import { pruneActorCritic } from './prune-actor-critic';
import { pruneNet } from './prune-net';
import { cloneMlp, randomActorCritic, randomGradients, randomMlp } from './testing/random-nets';

function refusal(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as Error).name).toBe('InvalidArgumentError');
    return e as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError, nothing was thrown');
}

function expectRefused(mlp: Mlp, options: PruneOptions, field: string, ...mentions: string[]): void {
  const before = cloneMlp(mlp);
  const err = refusal(() => pruneNet(mlp, options));
  expect(err.field).toBe(field);
  expect(err.message.startsWith(`${field}: `)).toBe(true);
  for (const m of mentions) expect(err.message).toContain(m);
  expect(mlp).toEqual(before);
}

describe('bad input', () => {
  const mlp = randomMlp(new Rng(1), { dims: [4, 3, 2] });

  it('rejects sparsity outside [0, 1)', () => {
    for (const sparsity of [-0.1, 1, 1.5, Number.NaN]) {
      expectRefused(mlp, { criterion: 'magnitude', sparsity }, 'sparsity', '[0, 1)', String(sparsity));
    }
  });

  it('rejects an unknown criterion or scope', () => {
    expectRefused(mlp, { criterion: 'l1' as Criterion, sparsity: 0.5 }, 'criterion', '"magnitude"', '"l1"');
    expectRefused(mlp, { criterion: 'magnitude', scope: 'net' as 'layer', sparsity: 0.5 }, 'scope', '"global"', '"net"');
  });

  it('rejects saliency without gradients, and gradients of the wrong shape', () => {
    expectRefused(mlp, { criterion: 'saliency', sparsity: 0.5 }, 'gradients', 'states', 'got nothing');
    const gradients = randomGradients(new Rng(2), mlp);
    expectRefused(mlp, { criterion: 'saliency', sparsity: 0.5, gradients: gradients.slice(0, 1) }, 'gradients', '(2)', 'length 1');
    const short = [gradients[0]!, new Float32Array(5)];
    expectRefused(mlp, { criterion: 'saliency', sparsity: 0.5, gradients: short }, 'gradients[1]', 'length 6', 'length 5');
    const nan = [gradients[0]!, Float32Array.from([0, 0, Number.NaN, 0, 0, 0])];
    expectRefused(mlp, { criterion: 'saliency', sparsity: 0.5, gradients: nan }, 'gradients[1][2]', 'NaN');
    expectRefused(mlp, { criterion: 'saliency', sparsity: 0.5, gradients, pruneBiases: true }, 'biasGradients');
  });

  it('rejects structured pruning that would leave a hidden layer below one unit', () => {
    // 3 hidden units: 0.9 * 3 rounds to 3, all of them.
    expectRefused(mlp, { criterion: 'magnitude', sparsity: 0.9, structured: true }, 'sparsity', 'at least one unit', '0.9');
    const deep = randomMlp(new Rng(3), { dims: [4, 2, 2, 1] });
    // Global: 0.6 * 4 rounds to 2, allowed (one per layer stays); 0.7 * 4 rounds to 3, not.
    expect(() => pruneNet(cloneMlp(deep), { criterion: 'magnitude', sparsity: 0.6, structured: true, scope: 'global' })).not.toThrow();
    expectRefused(deep, { criterion: 'magnitude', sparsity: 0.7, structured: true, scope: 'global' }, 'sparsity', 'at most 2 of 4');
    const linear = randomMlp(new Rng(4), { dims: [4, 2] });
    expectRefused(linear, { criterion: 'magnitude', sparsity: 0.5, structured: true }, 'structured', 'hidden layer');
  });

  it('rejects malformed nets and masks', () => {
    const bad = cloneMlp(mlp);
    bad.layers[0]!.mask[1] = 0.5;
    expectRefused(bad, { criterion: 'magnitude', sparsity: 0.5 }, 'net.layers[0].mask[1]', '0 or 1', '0.5');
    const chain = cloneMlp(mlp);
    chain.layers[1] = { ...chain.layers[1]!, inDim: 2, w: new Float32Array(4), mask: new Float32Array(4).fill(1) };
    expectRefused(chain, { criterion: 'magnitude', sparsity: 0.5 }, 'net.layers[1].inDim', '3', 'got 2');
    expectRefused(mlp, { criterion: 'random', sparsity: 0.5, seed: 1.5 }, 'seed', '1.5');
  });

  it('names the critic\'s fields and leaves the actor unpruned when only the critic is at fault', () => {
    const ac = randomActorCritic(new Rng(5), 4, 2, [3]);
    const actor = cloneMlp(ac.actor);
    const err = refusal(() =>
      pruneActorCritic(ac, {
        criterion: 'saliency',
        sparsity: 0.5,
        pruneCritic: true,
        actor: { gradients: randomGradients(new Rng(6), ac.actor) },
      }),
    );
    expect(err.field).toBe('critic.gradients');
    expect(ac.actor).toEqual(actor);
  });
});
