// The scheduler as the trainer drives it: asked every gradient step, weights moving in between.
import { surrogateLipschitz } from '@rlprune/certify';
import type { ActorCritic } from '@rlprune/nn';
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@rlprune/errors';
import { enforceMasks } from './masks';
import { PruningScheduler } from './scheduler';
import { randomActorCritic, randomGradients } from './testing/random-nets';

/** A stand-in for an optimiser step: moves every weight a little, then masked ones back to 0. */
function jiggle(ac: ActorCritic, rng: Rng, biasMasks: { actor: Float32Array[] | null; critic: Float32Array[] | null }): void {
  for (const [mlp, masks] of [
    [ac.actor, biasMasks.actor],
    [ac.critic, biasMasks.critic],
  ] as const) {
    for (const layer of mlp.layers) {
      for (let k = 0; k < layer.w.length; k++) layer.w[k]! += 0.01 * rng.normal();
      for (let o = 0; o < layer.b.length; o++) layer.b[o]! += 0.01 * rng.normal();
    }
    enforceMasks(mlp, masks ?? undefined);
  }
}

describe('PruningScheduler', () => {
  it('micro-prunes along the cubic schedule: on time, to target, masks nested, bound never raised', () => {
    const rng = new Rng(1);
    const ac = randomActorCritic(rng, 11, 3, [16, 16]);
    const total = 600;
    const scheduler = new PruningScheduler(
      { criterion: 'magnitude', finalSparsity: 0.8, pruneCritic: true, pruneBiases: true },
      total,
    );
    expect([scheduler.startStep, scheduler.endStep]).toEqual([150, 450]);
    let previousMasks = ac.actor.layers.map((l) => l.mask.slice());
    const updatedAt: number[] = [];
    for (let step = 0; step <= total; step++) {
      jiggle(ac, rng, scheduler.biasMasks);
      const before = surrogateLipschitz(ac.actor);
      const result = scheduler.update(ac, step);
      if (!result) continue;
      updatedAt.push(step);
      expect(surrogateLipschitz(ac.actor)).toBeLessThanOrEqual(before);
      const target = scheduler.targetAt(step);
      for (const layer of [...result.actor.perLayer, ...result.critic!.perLayer]) {
        const n = layer.total + layer.bias!.total;
        expect(Math.abs(layer.pruned + layer.bias!.pruned - target * n)).toBeLessThanOrEqual(1);
      }
      ac.actor.layers.forEach((layer, l) =>
        layer.mask.forEach((m, k) => expect(m).toBeLessThanOrEqual(previousMasks[l]![k]!)),
      );
      previousMasks = ac.actor.layers.map((l) => l.mask.slice());
    }
    expect(updatedAt[0]).toBe(150);
    expect(updatedAt[1]).toBe(165);
    expect(updatedAt[updatedAt.length - 1]).toBe(450);
    expect(updatedAt).toHaveLength(21);
    // Pruned biases stayed at zero through the optimiser steps after the last update.
    ac.actor.layers.forEach((layer, l) =>
      scheduler.biasMasks.actor![l]!.forEach((m, o) => {
        if (m === 0) expect(layer.b[o]).toBe(0);
      }),
    );
  });

  it('counts in iterations when the trainer does: one update every N iterations', () => {
    const scheduler = new PruningScheduler({ criterion: 'magnitude', finalSparsity: 0.5, interval: 2 }, 100);
    const updates = [...Array(101).keys()].filter((it) => scheduler.shouldUpdate(it));
    expect(updates).toEqual(Array.from({ length: 26 }, (_, i) => 25 + 2 * i));
  });

  it('asks for gradients under saliency and refuses an update step without them', () => {
    const rng = new Rng(2);
    const ac = randomActorCritic(rng, 4, 2, [8]);
    const scheduler = new PruningScheduler({ criterion: 'saliency', finalSparsity: 0.5, kind: 'one_shot' }, 100);
    expect(scheduler.needsGradients).toBe(true);
    expect(scheduler.update(ac, 10)).toBeNull(); // not an update step: nothing needed
    expect(() => scheduler.update(ac, 25)).toThrow(InvalidArgumentError);
    const result = scheduler.update(ac, 25, { actor: { gradients: randomGradients(rng, ac.actor) } });
    expect(result!.actor.sparsity).toBeCloseTo(0.5, 1);
    expect(result!.critic).toBeNull();
  });
});
