// Robust sarsa's schedules, pinned on SA-PPO's 30 iterations (src/test.py of huanzhang12/SA_PPO).
import { describe, expect, it } from 'vitest';
import { discountedReturnStd, storedRewardStd } from './reward-scale';
import { rsSettingLabel, SA_PPO_RS_SWEEP } from './rs-sweep';
import { sarsaEpsilon, sarsaLrFactor } from './sarsa-schedule';
import { randomPolicy } from './test-support/random-victim';

describe('robust sarsa schedules', () => {
  it('learning rate: constant for 20 of 30 iterations, then 1.0, 0.9, ..., 0.1', () => {
    const f = Array.from({ length: 30 }, (_, k) => sarsaLrFactor(k, 30, 2 / 3));
    for (let k = 0; k <= 20; k++) expect(f[k]).toBe(1);
    expect(f[21]).toBeCloseTo(0.9, 12);
    expect(f[25]).toBeCloseTo(0.5, 12);
    expect(f[29]).toBeCloseTo(0.1, 12);
    // decayFrom 1: constant throughout.
    expect(sarsaLrFactor(29, 30, 1)).toBe(1);
  });

  it('eps_q: 0 for iterations 0-8, ramped per minibatch over 9-18, full from 19 (LinearScheduler start=10, length=10)', () => {
    const eps = (k: number, b: number) => sarsaEpsilon(0.2, k, b, 320, 30, 1 / 3, 1 / 3);
    expect(eps(0, 0)).toBe(0);
    expect(eps(8, 319)).toBe(0);
    expect(eps(9, 0)).toBe(0);
    expect(eps(9, 160)).toBeCloseTo(0.01, 12);
    expect(eps(13, 0)).toBeCloseTo(0.08, 12);
    expect(eps(18, 319)).toBeCloseTo(0.18 + (0.02 * 319) / 320, 12);
    expect(eps(19, 0)).toBeCloseTo(0.2, 12);
    expect(eps(29, 319)).toBeCloseTo(0.2, 12);
  });
});

describe("robust sarsa's reward scale", () => {
  it('is the population std of the discounted return, restarted at episode ends', () => {
    // gamma 0.5, rewards 1, 1, 1: G = 1, 1.5, 1.75 -> std 0.3118048
    expect(discountedReturnStd([1, 1, 1], [0, 0, 0], 1, 0.5)).toBeCloseTo(0.3118048, 6);
    // An episode ends after the first step: G = 1 | 1, 1.5 -> std 0.2357023
    expect(discountedReturnStd([1, 1, 1], [1, 0, 0], 1, 0.5)).toBeCloseTo(0.2357023, 6);
    // Two envs, step-major rows: env 0 gets 2, 2 (G 2, 3), env 1 gets 0, 4 (G 0, 4): values 2, 0, 3, 4
    expect(discountedReturnStd([2, 0, 2, 4], [0, 0, 0, 0], 2, 0.5)).toBeCloseTo(Math.sqrt(2.1875), 6);
  });

  it("comes from the policy file's reward scaler when it has one", () => {
    const policy = randomPolicy(1, 3, 1);
    expect(storedRewardStd(policy)).toBeNull();
    expect(storedRewardStd({ ...policy, extraTensors: { 'rewardScaler.stats': Float64Array.of(0, 4, 10) } })).toBeCloseTo(2, 8);
  });
});

describe("SA-PPO's robust sarsa sweep", () => {
  it('is the 6 x 5 grid of scan_attacks.sh, eps_q-major', () => {
    expect(SA_PPO_RS_SWEEP).toHaveLength(30);
    expect(SA_PPO_RS_SWEEP[0]).toEqual({ eps_q: 0.02, reg_coef: 0.1 });
    expect(SA_PPO_RS_SWEEP[4]).toEqual({ eps_q: 0.02, reg_coef: 10 });
    expect(SA_PPO_RS_SWEEP[29]).toEqual({ eps_q: 0.3, reg_coef: 10 });
    expect(new Set(SA_PPO_RS_SWEEP.map((s) => s.eps_q))).toEqual(new Set([0.02, 0.05, 0.1, 0.15, 0.2, 0.3]));
    expect(new Set(SA_PPO_RS_SWEEP.map((s) => s.reg_coef))).toEqual(new Set([0.1, 0.3, 1, 3, 10]));
    expect(rsSettingLabel(SA_PPO_RS_SWEEP[7]!)).toBe('eps_q=0.05,reg_coef=1');
  });
});
