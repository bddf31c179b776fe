import { surrogateLipschitz } from '@rlprune/certify';
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { pruneActorCritic } from './prune-actor-critic';
import { cloneMlp, randomActorCritic, randomGradients } from './testing/random-nets';

describe('pruneActorCritic', () => {
  it('prunes the actor only by default', () => {
    const ac = randomActorCritic(new Rng(1), 11, 3, [16, 16]);
    const critic = cloneMlp(ac.critic);
    const before = surrogateLipschitz(ac.actor);
    const result = pruneActorCritic(ac, { criterion: 'magnitude', sparsity: 0.5 });
    expect(result.critic).toBeNull();
    expect(ac.critic).toEqual(critic);
    expect(result.perLayer.map((l) => l.layer)).toEqual(['actor.0', 'actor.1', 'actor.2']);
    expect(result.sparsity).toBeCloseTo(0.5, 2);
    expect(surrogateLipschitz(ac.actor)).toBeLessThan(before);
  });

  it('prunes both nets when asked, each ranked on its own, with its own gradients', () => {
    const ac = randomActorCritic(new Rng(2), 11, 3, [16, 16]);
    // Scale the critic up: a global ranking across both nets would strip the actor instead.
    for (const layer of ac.critic.layers) for (let k = 0; k < layer.w.length; k++) layer.w[k]! *= 100;
    const result = pruneActorCritic(ac, {
      criterion: 'saliency',
      scope: 'global',
      sparsity: 0.4,
      pruneCritic: true,
      actor: { gradients: randomGradients(new Rng(3), ac.actor) },
      critic: { gradients: randomGradients(new Rng(4), ac.critic) },
    });
    expect(result.actor.sparsity).toBeCloseTo(0.4, 2);
    expect(result.critic!.sparsity).toBeCloseTo(0.4, 2);
    expect(result.perLayer.map((l) => l.layer)).toEqual(['actor.0', 'actor.1', 'actor.2', 'critic.0', 'critic.1', 'critic.2']);
  });

  it('gives actor and critic different random masks from one seed, and the same ones again', () => {
    const base = randomActorCritic(new Rng(5), 8, 8, [8]);
    base.critic = cloneMlp(base.actor); // identical shapes and weights
    const run = () => {
      const ac = { ...base, actor: cloneMlp(base.actor), critic: cloneMlp(base.critic) };
      pruneActorCritic(ac, { criterion: 'random', sparsity: 0.5, pruneCritic: true, seed: 11 });
      return ac;
    };
    const a = run();
    const b = run();
    expect(a.actor.layers.map((l) => Array.from(l.mask))).toEqual(b.actor.layers.map((l) => Array.from(l.mask)));
    expect(a.actor.layers.map((l) => Array.from(l.mask))).not.toEqual(a.critic.layers.map((l) => Array.from(l.mask)));
  });
});
