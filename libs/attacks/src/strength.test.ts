// Attacks against a small trained policy (InvertedPendulum-v4, 16-16 tanh, trained to return 1000 by
// scripts/train-fixture.ts). That policy shrugs off budgets below ~0.5 normalised units (see
// scripts/attack-strength.ts), so the comparisons run at epsilon 1, with episodes cut at 200 steps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePolicy, normalizeObs } from '@rlprune/nn';
import { describe, expect, it } from 'vitest';
import { localEnvFactory } from './env-source';
import { evaluatePolicy } from './evaluate';
import { decodePrepared } from './prepared-artifact';
import { attackByName } from './registry';
import type { Perturber, PrepareProgress } from './types';
import { Victim } from './victim';

const policy = decodePolicy(readFileSync(join(__dirname, 'fixtures', 'inverted-pendulum-16x16.policy')));
const ENV_ID = 'InvertedPendulum-v4';
const EPSILON = 1;
const MAX_STEPS = 200;

async function meanReturn(perturber?: Perturber): Promise<number> {
  const env = await localEnvFactory({ envId: ENV_ID, numEnvs: 8, seed: 99, maxEpisodeSteps: MAX_STEPS });
  try {
    return (await evaluatePolicy({ policy, env, episodesPerEnv: 1, ...(perturber ? { perturber } : {}) })).mean;
  } finally {
    await env.close();
  }
}

function perturber(name: string, epsilon = EPSILON, prepared?: Buffer): Perturber {
  return attackByName(name).createPerturber({ policy, epsilon, seed: 5, ...(prepared ? { prepared } : {}) });
}

/** Normalised observations the clean policy visits, [n * obsDim]. */
async function visitedStates(n: number): Promise<Float32Array> {
  const env = await localEnvFactory({ envId: ENV_ID, numEnvs: n, seed: 7 });
  const victim = new Victim(policy);
  const { Rng } = await import('@rlprune/random');
  const rng = new Rng(1);
  let raw = await env.reset();
  for (let t = 0; t < 30; t++) raw = (await env.step(victim.act(normalizeObs(policy.normalizer, raw, n), n, rng, false))).obs;
  await env.close();
  return normalizeObs(policy.normalizer, raw, n);
}

describe('attack strength on the fixture policy', () => {
  it('the fixture balances for the whole episode without an attack', async () => {
    expect(await meanReturn()).toBe(MAX_STEPS);
  });

  it('MAD lowers the evaluated return at least as much as random, at the same epsilon', async () => {
    const random = await meanReturn(perturber('random'));
    const mad = await meanReturn(perturber('mad'));
    expect(mad).toBeLessThanOrEqual(random);
    expect(mad).toBeLessThan(MAX_STEPS / 2);
  });

  it("critic lowers the victim's V(s') below V(s) on average over visited states", async () => {
    const n = 64;
    const s = await visitedStates(n);
    const victim = new Victim(policy);
    for (const epsilon of [0.05, EPSILON]) {
      const s2 = perturber('critic', epsilon).perturb(s, n);
      const v = victim.critic.predict(s, n);
      const v2 = victim.critic.predict(s2, n);
      const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;
      expect(mean(v2)).toBeLessThan(mean(v));
      // Each row moves down, not just the average: PGD starts near s and only descends.
      expect(Array.from(v2).filter((x, i) => x < v[i]!).length).toBeGreaterThan(0.9 * n);
    }
  });

  it("robust sarsa's Q learns the victim's scaled return (TD error down 100x, Q ~ 100 / std), and its attack hurts", async () => {
    const progress: PrepareProgress[] = [];
    const prepared = await attackByName('rs').prepare!({
      policy, envId: ENV_ID, epsilon: EPSILON, seed: 3, env: localEnvFactory,
      params: { iterations: 6, steps_per_iteration: 1024 }, onProgress: (p) => progress.push(p),
    });
    expect(progress.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.at(-1)!.envSteps).toBe(6 * 1024);
    const { metrics, nets } = decodePrepared(prepared);
    // Rewards are 1 per step divided by the std of the discounted return (about 23 here).
    const std = metrics.rewardStd!;
    expect(std).toBeGreaterThan(5);
    expect(metrics.tdError!).toBeLessThan(metrics.tdErrorInitial! / 100);
    expect(progress.at(-1)!.metrics.tdError).toBe(metrics.tdError);
    // The Q of a policy that never falls is close to sum_t 0.99^t = 100, here in units of std.
    expect(metrics.meanQ! * std).toBeGreaterThan(80);
    expect(nets.q!.layers.map((l) => l.outDim)).toEqual([64, 64, 1]);
    expect(await meanReturn(perturber('rs', EPSILON, prepared))).toBeLessThan(MAX_STEPS);
    expect(await meanReturn(perturber('rs_mad', EPSILON, prepared))).toBeLessThan(MAX_STEPS);
  });

  it("without a stored reward scaler, rewards are scaled by the std of the victim's discounted return on its first iteration", async () => {
    // Mean actions, so the fixture never falls: every episode runs the full 1000 steps of reward 1, and
    // G_t = (1 - 0.99^(t+1)) / 0.01 for t < 1000, restarting at step 1000.
    const steps = 1536;
    const g = Array.from({ length: steps }, (_, t) => (1 - 0.99 ** ((t % 1000) + 1)) / 0.01);
    const m = g.reduce((a, b) => a + b, 0) / steps;
    const expected = Math.sqrt(g.reduce((a, b) => a + (b - m) ** 2, 0) / steps);
    const prepare = (p: typeof policy, extra: Record<string, number> = {}) => attackByName('rs').prepare!({
      policy: p, envId: ENV_ID, epsilon: EPSILON, seed: 3, env: localEnvFactory,
      params: { iterations: 2, steps_per_iteration: steps, epochs: 1, deterministic: 1, ...extra },
    });
    expect(decodePrepared(await prepare(policy)).metrics.rewardStd).toBeCloseTo(expected, 3);
    // A checkpoint's reward scaler ([mean, var, count]) is used as it is, as SA-PPO's read-only filter.
    const withStats = { ...policy, extraTensors: { 'rewardScaler.stats': Float64Array.of(3, 144, 1e5) } };
    expect(decodePrepared(await prepare(withStats)).metrics.rewardStd).toBeCloseTo(12, 6);
    expect(decodePrepared(await prepare(policy, { reward_scaling: 0 })).metrics.rewardStd).toBe(1);
  });

  it('the temporally correlated attack lowers the return below clean and below random', async () => {
    const random = await meanReturn(perturber('random'));
    const correlated = await meanReturn(perturber('correlated'));
    expect(correlated).toBeLessThan(random);
    expect(correlated).toBeLessThan(MAX_STEPS / 2);
  });

  it('the learned adversary, trained briefly at epsilon 2, beats random noise there', async () => {
    const epsilon = 2;
    const prepared = await attackByName('learned').prepare!({
      policy, envId: ENV_ID, epsilon, seed: 1, env: localEnvFactory, params: { iterations: 8 },
    });
    const random = await meanReturn(perturber('random', epsilon));
    const learned = await meanReturn(perturber('learned', epsilon, prepared));
    expect(learned).toBeLessThan(random);
  });

  it('Prepare stops when its signal aborts', async () => {
    const controller = new AbortController();
    const run = attackByName('rs').prepare!({
      policy, envId: ENV_ID, epsilon: EPSILON, seed: 3, env: localEnvFactory, signal: controller.signal,
      params: { iterations: 1000, steps_per_iteration: 256 }, onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
  });
});
