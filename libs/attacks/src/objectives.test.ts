// Each gradient attack moves its own objective the right way, and the gradients it follows are the
// true input gradients of the victim's nets (checked against finite differences in float64 terms).
import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { decodePrepared } from './prepared-artifact';
import { attackByName } from './registry';
import { rsObjectiveActionGradient } from './rs';
import { randomBatch, randomPolicy, randomPrepared } from './test-support/random-victim';
import { Victim } from './victim';

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0) / a.length;

describe('attack objectives', () => {
  const obsDim = 8;
  const actDim = 3;
  const n = 32;
  // tanh, so finite differences do not straddle ReLU kinks.
  const policy = randomPolicy(5, obsDim, actDim, 'tanh');
  const victim = new Victim(policy);
  const obs = randomBatch(new Rng(6), n, obsDim, 1);
  const clean = victim.actionMean(obs, n);

  it('input gradients match finite differences', () => {
    const x = obs.subarray(0, obsDim).slice();
    const ref = clean.subarray(0, actDim).map((v) => v + 0.1);
    const { grad } = victim.actionChangeGradient(x, 1, ref);
    const { grad: vGrad } = victim.critic.gradient(x, 1, () => Float32Array.of(1));
    const h = 1e-2;
    for (let k = 0; k < obsDim; k++) {
      const plus = x.slice();
      const minus = x.slice();
      plus[k] = plus[k]! + h;
      minus[k] = minus[k]! - h;
      const fd = (victim.actionChange(victim.actionMean(plus, 1), ref, 1)[0]! - victim.actionChange(victim.actionMean(minus, 1), ref, 1)[0]!) / (2 * h);
      expect(grad[k]!).toBeCloseTo(fd, 2);
      const vfd = (victim.critic.predict(plus, 1)[0]! - victim.critic.predict(minus, 1)[0]!) / (2 * h);
      expect(vGrad[k]!).toBeCloseTo(vfd, 2);
    }
  });

  it('MAD changes the action more than random noise of the same budget', () => {
    const epsilon = 0.2;
    const change = (name: string) => mean(victim.actionChange(victim.actionMean(attackByName(name).createPerturber({ policy, epsilon, seed: 1 }).perturb(obs, n), n), clean, n));
    expect(change('mad')).toBeGreaterThan(2 * change('random'));
  });

  it('RS lowers Q(s, mu(s\')) below its own random start, and RS+MAD at ratio 1 is pure action change', () => {
    const epsilon = 0.3;
    const prepared = randomPrepared('rs', 9, obsDim, actDim)!;
    const q = decodePrepared(prepared).nets.q!;
    const qAt = (s2: Float32Array) => {
      const mu = victim.actionMean(s2, n);
      const input = new Float32Array(n * (obsDim + actDim));
      for (let i = 0; i < n; i++) {
        input.set(obs.subarray(i * obsDim, (i + 1) * obsDim), i * (obsDim + actDim));
        input.set(mu.subarray(i * actDim, (i + 1) * actDim), i * (obsDim + actDim) + obsDim);
      }
      return mean(victim.actor.engine.predict(q, input, n));
    };
    const run = (name: string, params: Record<string, number>) => attackByName(name).createPerturber({ policy, epsilon, seed: 2, prepared, params }).perturb(obs, n);
    expect(qAt(run('rs', {}))).toBeLessThan(qAt(run('rs', { steps: 0 })) - 1e-3);
    const change = (s2: Float32Array) => mean(victim.actionChange(victim.actionMean(s2, n), clean, n));
    expect(change(run('rs_mad', { action_ratio: 1 }))).toBeGreaterThan(change(run('rs_mad', { action_ratio: 0 })));
    expect(qAt(run('rs_mad', { action_ratio: 0 }))).toBeLessThan(qAt(run('rs_mad', { action_ratio: 1 })));
  });

  it("RS+MAD's action term is the mean over action dimensions (SA-PPO's sarsa+action), not the sum", () => {
    // One row, obsDim 1, actDim 2: dQ/da = (0.4, -0.2); mu(s') - mu(s) = (0.3, -0.1); sigma~ = (1, 0.5); r = 0.25.
    const dQ = Float32Array.of(9, 0.4, -0.2);
    const g = rsObjectiveActionGradient(dQ, 1, Float32Array.of(1.3, 0.9), Float32Array.of(1, 1), [1, 0.5], 0.25, 1);
    // 0.75 * 0.4 - 0.25 * 2 * 0.3 / (1 * 2) = 0.225;  0.75 * -0.2 - 0.25 * 2 * -0.1 / (0.25 * 2) = -0.05
    expect(g[0]).toBeCloseTo(0.225, 6);
    expect(g[1]).toBeCloseTo(-0.05, 6);
  });

  it('the correlated attack pushes the action the same way at every step of an episode, and re-draws at a reset', () => {
    const single = randomPolicy(31, 4, 1);
    const v = new Victim(single);
    const rng = new Rng(32);
    const p = attackByName('correlated').createPerturber({ policy: single, epsilon: 0.3, seed: 3 });
    const signs: number[][] = [[], []];
    const deltas: Float32Array[] = [];
    for (let episode = 0; episode < 2; episode++) {
      let s = randomBatch(rng, 1, 4, 1);
      for (let t = 0; t < 15; t++) {
        // A slowly drifting state, as consecutive observations of one episode are.
        s = s.map((x) => x + 0.02 * (rng.uniform() - 0.5));
        const s2 = p.perturb(s, 1, [t === 0]);
        signs[episode]!.push(Math.sign(v.actionMean(s2, 1)[0]! - v.actionMean(s, 1)[0]!));
        if (episode === 0) deltas.push(s2.map((x, k) => x - s[k]!));
      }
    }
    for (const episode of signs) expect(new Set(episode).size).toBe(1);
    // Consecutive perturbations stay close: the search starts from the previous one.
    const dist = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, k) => Math.abs(x - b[k]!)));
    expect(mean(deltas.slice(1).map((d, t) => dist(d, deltas[t]!)))).toBeLessThan(0.3);
    // Over many episodes both directions occur.
    const firstSigns = new Set<number>();
    for (let e = 0; e < 12; e++) {
      const s = randomBatch(rng, 1, 4, 1);
      firstSigns.add(Math.sign(v.actionMean(p.perturb(s, 1, [true]), 1)[0]! - v.actionMean(s, 1)[0]!));
    }
    expect(firstSigns).toEqual(new Set([-1, 1]));
  });
});
