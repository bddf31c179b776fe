import { describe, expect, it } from 'vitest';
import { createActorCritic, createGrads, createKernelEngine, type ActorCritic } from '@rlprune/nn';
import { PpoOptimisers } from './optimisers';

const kernels = createKernelEngine().kernels;

function setup(): { model: ActorCritic; grads: { actor: Float32Array[]; critic: Float32Array[]; logStd: Float32Array } } {
  const model = createActorCritic({ obsDim: 4, actDim: 2, hidden: [6], activation: 'tanh', logStdInit: 0 }, 11);
  return { model, grads: { actor: createGrads(model.actor), critic: createGrads(model.critic), logStd: new Float32Array(2) } };
}

const fill = (arrays: Float32Array[], v: number) => arrays.forEach((a) => a.fill(v));
const snapshot = (m: ActorCritic) => ({ actor: m.actor.layers.map((l) => l.w.slice()), critic: m.critic.layers.map((l) => l.w.slice()), logStd: m.logStd.slice() });

describe('PpoOptimisers', () => {
  it('separate: the policy and the value Adam step with their own learning rates and moments', () => {
    const { model, grads } = setup();
    const opt = new PpoOptimisers(model, grads, { separateValue: true, adamEps: 1e-8 }, kernels);
    expect(opt.separateValue).toBe(true);
    const before = snapshot(model);
    fill(grads.actor, 0.3);
    fill(grads.critic, -2);
    grads.logStd.fill(0.1);
    opt.step(1e-3, 2.5e-4, null);
    // Adam's first step moves every entry by lr * sign(g) (bias-corrected m / sqrt(v) = sign(g)).
    model.actor.layers[0]!.w.forEach((w, i) => expect(w - before.actor[0]![i]!).toBeCloseTo(-1e-3, 6));
    model.critic.layers[0]!.w.forEach((w, i) => expect(w - before.critic[0]![i]!).toBeCloseTo(2.5e-4, 6));
    const state = opt.getState();
    expect(state.adam.step).toBe(1);
    expect(state.valueAdam!.step).toBe(1);
    // Moments of their own: the policy optimiser holds actor and log-std only, the value one the critic.
    expect(state.adam.m.length).toBe(2 * model.actor.layers.length + 1);
    expect(state.valueAdam!.m.length).toBe(2 * model.critic.layers.length);
    // A second step with zero policy gradients leaves the value moments and steps untouched by it.
    fill(grads.actor, 0);
    grads.logStd.fill(0);
    fill(grads.critic, 0);
    grads.critic[0]!.fill(5);
    opt.step(1e-3, 2.5e-4, null);
    expect(opt.getState().valueAdam!.m[0]![0]).toBeCloseTo(0.9 * 0.1 * -2 + 0.1 * 5, 5);
    expect(opt.getState().adam.m[0]![0]).toBeCloseTo(0.9 * 0.1 * 0.3, 6);
  });

  it('joint: one Adam over actor, critic and log-std, at the policy learning rate', () => {
    const { model, grads } = setup();
    const opt = new PpoOptimisers(model, grads, { separateValue: false, adamEps: 1e-8 }, kernels);
    const before = snapshot(model);
    fill(grads.actor, 0.3);
    fill(grads.critic, -2);
    opt.step(1e-3, 2.5e-4, null);
    model.critic.layers[0]!.w.forEach((w, i) => expect(w - before.critic[0]![i]!).toBeCloseTo(1e-3, 6));
    expect(opt.getState().valueAdam).toBeNull();
    expect(opt.getState().adam.m.length).toBe(2 * model.actor.layers.length + 2 * model.critic.layers.length + 1);
  });

  it('no clip (null) feeds Adam the raw gradients; a clip scales them, per optimiser when separate', () => {
    for (const maxGradNorm of [null, 0.5]) {
      const { model, grads } = setup();
      const opt = new PpoOptimisers(model, grads, { separateValue: true, adamEps: 1e-5 }, kernels);
      fill(grads.actor, 3);
      grads.logStd.fill(3);
      fill(grads.critic, 100);
      const { norm, policyScale } = opt.step(3e-4, 2.5e-4, maxGradNorm);
      const policyNorm = Math.sqrt(9 * [...grads.actor, grads.logStd].reduce((n, g) => n + g.length, 0));
      const valueNorm = Math.sqrt(1e4 * grads.critic.reduce((n, g) => n + g.length, 0));
      expect(norm).toBeCloseTo(Math.hypot(policyNorm, valueNorm), 2);
      const m = opt.getState();
      if (maxGradNorm === null) {
        expect(policyScale).toBe(1);
        expect(m.adam.m[0]![0]).toBeCloseTo(0.1 * 3, 6); // first moment = (1 - beta1) g, unscaled
        expect(m.valueAdam!.m[0]![0]).toBeCloseTo(0.1 * 100, 4);
      } else {
        // Each optimiser is clipped by its own norm, not by the critic's huge one.
        expect(policyScale).toBeCloseTo(0.5 / policyNorm, 6);
        expect(m.adam.m[0]![0]).toBeCloseTo((0.1 * 3 * 0.5) / policyNorm, 6);
        expect(m.valueAdam!.m[0]![0]).toBeCloseTo((0.1 * 100 * 0.5) / valueNorm, 6);
      }
    }
  });

  it('updates nothing when the gradient norm is not finite', () => {
    const { model, grads } = setup();
    const opt = new PpoOptimisers(model, grads, { separateValue: true, adamEps: 1e-5 }, kernels);
    const before = snapshot(model);
    grads.critic[0]![0] = NaN;
    expect(Number.isNaN(opt.step(1e-3, 1e-3, null).norm)).toBe(true);
    expect(snapshot(model)).toEqual(before);
  });
});
