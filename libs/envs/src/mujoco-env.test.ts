import { deriveSeed } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { createEnv, MujocoEnv } from './mujoco-env';
import { loadMujoco } from './mujoco-module';
import { getEnvSpec, getTask, listEnvSpecs } from './registry';

const ids = ['Hopper-v4', 'Hopper-v5', 'Walker2d-v4', 'Walker2d-v5', 'HalfCheetah-v4', 'HalfCheetah-v5', 'InvertedPendulum-v4'];

describe('env specs', () => {
  it('lists the seven ids with Gymnasium dimensions, dt and action ranges', () => {
    const specs = listEnvSpecs();
    expect(specs.map((s) => s.id)).toEqual(ids);
    const byId = Object.fromEntries(specs.map((s) => [s.id, s]));
    expect([byId['Hopper-v4'].obsDim, byId['Hopper-v4'].actDim, byId['Hopper-v4'].dt]).toEqual([11, 3, 0.008]);
    expect([byId['Walker2d-v5'].obsDim, byId['Walker2d-v5'].actDim, byId['Walker2d-v5'].dt]).toEqual([17, 6, 0.008]);
    expect([byId['HalfCheetah-v4'].obsDim, byId['HalfCheetah-v4'].actDim, byId['HalfCheetah-v4'].dt]).toEqual([17, 6, 0.05]);
    const ip = byId['InvertedPendulum-v4'];
    expect([ip.obsDim, ip.actDim, ip.dt, ip.actionLow, ip.actionHigh]).toEqual([4, 1, 0.04, [-3], [3]]);
    expect(specs.map((s) => s.defaultAttackEpsilon)).toEqual([0.075, 0.075, 0.05, 0.05, 0.15, 0.15, 0.05]);
    for (const s of specs) expect(s.maxEpisodeSteps).toBe(1000);
  });

  it('rejects an unknown id with an error listing the known ids', async () => {
    expect(() => getEnvSpec('Hopper-v3')).toThrow(NotFoundError);
    const err = await createEnv('Ant-v4').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).field).toBe('envId');
    for (const id of ids) expect((err as Error).message).toContain(id);
    expect((err as Error).message).toContain('"Ant-v4"');
  });
});

describe('MujocoEnv', () => {
  it('without reset noise starts at the model initial state, every episode', async () => {
    const env = await createEnv('Hopper-v4', { resetNoise: false });
    const first = env.reset();
    expect(Array.from(first)).toEqual([1.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    env.step([0.5, -0.5, 0.2]);
    expect(env.reset()).toEqual(first);
    env.close();
  });

  it('draws seeded reset noise of the documented shape and size', async () => {
    const a = await createEnv('Walker2d-v4', { seed: 5 });
    const b = await createEnv('Walker2d-v4', { seed: 5 });
    const c = await createEnv('Walker2d-v4', { seed: 6 });
    const oa = a.reset();
    expect(b.reset()).toEqual(oa);
    expect(c.reset()).not.toEqual(oa);
    expect(a.reset()).not.toEqual(oa); // the stream moves on between episodes
    // qpos[1:] and qvel are perturbed by U(-5e-3, 5e-3) around (1.25, 0, ...).
    const init = [1.25, ...new Array(16).fill(0)];
    oa.forEach((x, i) => {
      expect(Math.abs(x - init[i])).toBeLessThanOrEqual(5e-3);
      expect(x).not.toBe(init[i]);
    });
    for (const e of [a, b, c]) e.close();
  });

  it('HalfCheetah draws qpos noise U(-0.1, 0.1) and qvel noise 0.1 N(0, 1)', async () => {
    const env = await createEnv('HalfCheetah-v4', { seed: 11 });
    const qvel: number[] = [];
    for (let k = 0; k < 300; k++) {
      const obs = env.reset();
      for (let i = 0; i < 8; i++) expect(Math.abs(obs[i])).toBeLessThanOrEqual(0.1);
      for (let i = 8; i < 17; i++) qvel.push(obs[i]);
    }
    const mean = qvel.reduce((s, x) => s + x, 0) / qvel.length;
    const std = Math.sqrt(qvel.reduce((s, x) => s + (x - mean) ** 2, 0) / qvel.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(std).toBeGreaterThan(0.095);
    expect(std).toBeLessThan(0.105);
    expect(Math.max(...qvel.map(Math.abs))).toBeGreaterThan(0.2); // Gaussian tails, not a uniform box
    env.close();
  });

  it('pays x velocity from qpos[0] before and after the frame skip, plus the healthy bonus, minus the control cost', async () => {
    const env = await createEnv('Hopper-v4', { seed: 2 });
    env.reset();
    for (let t = 0; t < 5; t++) {
      const action = [0.3, -0.7, 0.9];
      const xBefore = env.getState().qpos[0];
      const { reward } = env.step(action);
      const xAfter = env.getState().qpos[0];
      expect(reward).toBeCloseTo((xAfter - xBefore) / 0.008 + 1 - 1e-3 * (0.09 + 0.49 + 0.81), 12);
      expect(xAfter).not.toBe(xBefore);
    }
    env.close();
  });

  it('clips actions to the action range before stepping and before the control cost', async () => {
    const clipped = await createEnv('HalfCheetah-v4', { seed: 4 });
    const raw = await createEnv('HalfCheetah-v4', { seed: 4 });
    clipped.reset();
    raw.reset();
    const r1 = clipped.step([1, -1, 0.5, 1, -1, 0]);
    const r2 = raw.step([7, -3, 0.5, 1.5, -100, 0]);
    expect(r2.obs).toEqual(r1.obs);
    expect(r2.reward).toBe(r1.reward);
    clipped.close();
    raw.close();
  });

  it('terminates a falling Hopper; v4 pays the healthy bonus on that step, v5 does not', async () => {
    const v4 = await createEnv('Hopper-v4', { resetNoise: false });
    const v5 = await createEnv('Hopper-v5', { resetNoise: false });
    v4.reset();
    v5.reset();
    const push = [1, 1, 1];
    for (let t = 1; t <= 200; t++) {
      const a = v4.step(push);
      const b = v5.step(push);
      expect(b.obs).toEqual(a.obs);
      expect(b.terminated).toBe(a.terminated);
      if (a.terminated) {
        expect(a.reward - b.reward).toBeCloseTo(1, 12);
        expect(t).toBeGreaterThan(1);
        v4.close();
        v5.close();
        return;
      }
      expect(b.reward).toBe(a.reward);
    }
    throw new Error('Hopper did not fall within 200 steps of full torque');
  });

  it('truncates at maxEpisodeSteps (HalfCheetah never terminates)', async () => {
    const env = await createEnv('HalfCheetah-v5', { seed: 1 });
    env.reset();
    const a = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6];
    for (let t = 1; t < 1000; t++) {
      const r = env.step(a);
      expect(r.terminated || r.truncated).toBe(false);
    }
    const last = env.step(a);
    expect([last.terminated, last.truncated]).toEqual([false, true]);
    env.reset();
    expect(env.step(a).truncated).toBe(false);
    env.close();
    const short = await createEnv('HalfCheetah-v5', { maxEpisodeSteps: 3 });
    short.reset();
    expect([short.step(a).truncated, short.step(a).truncated, short.step(a).truncated]).toEqual([false, false, true]);
    short.close();
  });

  it('terminates InvertedPendulum when the pole passes 0.2 rad', async () => {
    const env = await createEnv('InvertedPendulum-v4', { seed: 3 });
    env.reset();
    let t = 0;
    let r;
    do {
      r = env.step([3]);
      t++;
      expect(r.reward).toBe(1);
    } while (!r.terminated && t < 1000);
    expect(r.terminated).toBe(true);
    expect(Math.abs(r.obs[1])).toBeGreaterThan(0.2);
    env.close();
  });

  it('rejects bad actions without changing the state', async () => {
    const env = await createEnv('Walker2d-v5', { seed: 9 });
    env.reset();
    env.step([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    const before = env.getState();
    const bad: unknown[] = [[0.1, 0.2], [0, 0, 0, Number.NaN, 0, 0], [0, 0, 0, 0, 0, Infinity], 'go', null];
    for (const action of bad) {
      const err = (() => {
        try {
          env.step(action as number[]);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).field).toMatch(/^action/);
    }
    expect(() => env.step([1, 2])).toThrow('action: expected an action of length 6 (actDim of Walker2d-v5), got length 2');
    expect(() => env.step([0, 0, 0, Number.NaN, 0, 0])).toThrow('action[3]: expected a finite number, got NaN');
    expect(env.getState()).toEqual(before);
    env.close();
  });

  it('rejects bad options', async () => {
    await expect(createEnv('Hopper-v4', { seed: 1.5 })).rejects.toThrow('seed: expected an integer, got 1.5');
    await expect(createEnv('Hopper-v4', { maxEpisodeSteps: 0 })).rejects.toThrow(InvalidArgumentError);
  });

  it('refuses to step before reset or after close', async () => {
    const env = await createEnv('Hopper-v4');
    expect(() => env.step([0, 0, 0])).toThrow(EnvStateError);
    env.reset();
    env.close();
    env.close();
    expect(() => env.step([0, 0, 0])).toThrow(EnvStateError);
    expect(() => env.reset()).toThrow(EnvStateError);
  });

  it('createEnv with seed s draws the same noise as a MujocoEnv seeded with deriveSeed(s, "env", 0)', async () => {
    const env = await createEnv('Hopper-v5', { seed: 42 });
    const twin = new MujocoEnv(await loadMujoco(), getTask('Hopper-v5'), deriveSeed(42, 'env', 0), {
      resetNoise: true,
      maxEpisodeSteps: 1000,
    });
    expect(twin.reset()).toEqual(env.reset());
    env.close();
    twin.close();
  });
});
