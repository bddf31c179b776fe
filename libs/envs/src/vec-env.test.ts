import { deriveSeed } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { MujocoEnv } from './mujoco-env';
import { loadMujoco } from './mujoco-module';
import { getTask } from './registry';
import { createVecEnv } from './vec-env';

async function singleEnv(envId: string, seed: number, i: number, maxEpisodeSteps = 1000): Promise<MujocoEnv> {
  return new MujocoEnv(await loadMujoco(), getTask(envId), deriveSeed(seed, 'env', i), { resetNoise: true, maxEpisodeSteps });
}

function actionsAt(t: number, numEnvs: number, actDim: number): Float32Array {
  return Float32Array.from({ length: numEnvs * actDim }, (_, k) => Math.sin(0.3 * t + k));
}

describe('VecEnv', () => {
  it('steps each copy exactly as a single env seeded deriveSeed(seed, "env", i)', async () => {
    const vec = await createVecEnv('Walker2d-v4', { numEnvs: 3, seed: 7 });
    const singles = await Promise.all([0, 1, 2].map((i) => singleEnv('Walker2d-v4', 7, i)));
    const obs = vec.reset();
    singles.forEach((env, i) => expect(Array.from(obs.subarray(i * 17, (i + 1) * 17))).toEqual(Array.from(Float32Array.from(env.reset()))));
    for (let t = 0; t < 20; t++) {
      const actions = actionsAt(t, 3, 6);
      const r = vec.step(actions);
      singles.forEach((env, i) => {
        const s = env.step(actions.subarray(i * 6, (i + 1) * 6));
        expect(r.rewards[i]).toBe(Math.fround(s.reward));
        expect(Array.from(r.obs.subarray(i * 17, (i + 1) * 17))).toEqual(Array.from(Float32Array.from(s.obs)));
        expect(r.terminated[i]).toBe(s.terminated ? 1 : 0);
      });
    }
    vec.close();
    singles.forEach((env) => env.close());
  });

  it('auto-resets ended envs, keeping the final observation, return and length', async () => {
    // 5-step episodes of HalfCheetah (it never terminates, so every episode ends by truncation).
    const vec = await createVecEnv('HalfCheetah-v4', { numEnvs: 2, seed: 3, maxEpisodeSteps: 5 });
    const twin = await singleEnv('HalfCheetah-v4', 3, 1, 5);
    vec.reset();
    twin.reset();
    let twinReturn = 0;
    for (let t = 1; t <= 5; t++) {
      const actions = actionsAt(t, 2, 6);
      const r = vec.step(actions);
      const s = twin.step(actions.subarray(6, 12));
      twinReturn += s.reward;
      if (t < 5) {
        expect(Array.from(r.truncated)).toEqual([0, 0]);
        expect(r.finalObs.every((x) => x === 0)).toBe(true);
        expect(Array.from(r.episodeLengths)).toEqual([0, 0]);
        continue;
      }
      expect(Array.from(r.truncated)).toEqual([1, 1]);
      expect(Array.from(r.terminated)).toEqual([0, 0]);
      expect(Array.from(r.finalObs.subarray(17, 34))).toEqual(Array.from(Float32Array.from(s.obs)));
      expect(Array.from(r.episodeLengths)).toEqual([5, 5]);
      expect(r.episodeReturns[1]).toBeCloseTo(twinReturn, 4);
      // obs already holds the next episode's first observation (the twin's next reset draw).
      expect(Array.from(r.obs.subarray(17, 34))).toEqual(Array.from(Float32Array.from(twin.reset())));
    }
    const next = vec.step(actionsAt(6, 2, 6));
    expect(Array.from(next.truncated)).toEqual([0, 0]);
    vec.close();
    twin.close();
  });

  it('fills finalObs and episode stats only for the envs that ended', async () => {
    const vec = await createVecEnv('Hopper-v4', { numEnvs: 2, seed: 1 });
    vec.reset();
    // env 0 pushes at full torque and falls; env 1 stays still and stays up much longer.
    for (let t = 1; t <= 300; t++) {
      const r = vec.step(Float32Array.from([1, 1, 1, 0, 0, 0]));
      if (r.terminated[0] === 1) {
        expect(r.terminated[1]).toBe(0);
        expect(r.finalObs.subarray(0, 11).some((x) => x !== 0)).toBe(true);
        expect(r.finalObs.subarray(11, 22).every((x) => x === 0)).toBe(true);
        expect(r.episodeLengths[0]).toBe(t);
        expect(r.episodeLengths[1]).toBe(0);
        expect(r.episodeReturns[1]).toBe(0);
        // the new episode starts near the initial height again
        expect(Math.abs(r.obs[0] - 1.25)).toBeLessThanOrEqual(5e-3);
        vec.close();
        return;
      }
    }
    throw new Error('env 0 did not fall');
  });

  it('rejects a batch of the wrong shape or with NaN and leaves every env unchanged', async () => {
    const vec = await createVecEnv('Hopper-v5', { numEnvs: 3, seed: 21 });
    const twin = await createVecEnv('Hopper-v5', { numEnvs: 3, seed: 21 });
    vec.reset();
    twin.reset();
    vec.step(actionsAt(0, 3, 3));
    twin.step(actionsAt(0, 3, 3));
    const nan = actionsAt(1, 3, 3);
    nan[7] = Number.NaN; // env 2, coordinate 1: env 0 and 1 come first and must not move either
    const cases: [unknown, RegExp][] = [
      [new Float32Array(8), /^actions: expected an array of length numEnvs \* actDim = 3 \* 3 = 9, got length 8$/],
      [new Float32Array(10), /got length 10/],
      [nan, /^actions\[7\] \(env 2, coordinate 1\): expected a finite number, got NaN$/],
      [Float32Array.from({ length: 9 }, (_, k) => (k === 0 ? Infinity : 0)), /got Infinity/],
      [undefined, /^actions: expected an array of 9 numbers, got nothing$/],
    ];
    for (const [actions, message] of cases) {
      let err: unknown;
      try {
        vec.step(actions as Float32Array);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as InvalidArgumentError).field).toMatch(/^actions/);
      expect((err as Error).message).toMatch(message);
    }
    const a = vec.step(actionsAt(2, 3, 3));
    const b = twin.step(actionsAt(2, 3, 3));
    expect(a).toEqual(b);
    vec.close();
    twin.close();
  });

  it('validates its options and its state', async () => {
    await expect(createVecEnv('Hopper-v4', { numEnvs: 0, seed: 1 })).rejects.toThrow(
      'numEnvs: expected an integer in [1, 512], got 0',
    );
    await expect(createVecEnv('Hopper-v4', { numEnvs: 2.5, seed: 1 })).rejects.toThrow(InvalidArgumentError);
    await expect(createVecEnv('hopper', { numEnvs: 2, seed: 1 })).rejects.toThrow(NotFoundError);
    const vec = await createVecEnv('InvertedPendulum-v4', { numEnvs: 2, seed: 1 });
    expect(() => vec.step(new Float32Array(2))).toThrow(EnvStateError);
    vec.reset();
    vec.close();
    expect(() => vec.step(new Float32Array(2))).toThrow(EnvStateError);
  });

  it('frees its MuJoCo data on close: opening and closing many vec envs does not grow the heap', async () => {
    const heapBytes = async () => {
      const env = await singleEnv('Hopper-v4', 0, 0);
      const bytes = (env as unknown as { qpos: Float64Array }).qpos.buffer.byteLength;
      env.close();
      return bytes;
    };
    for (let k = 0; k < 20; k++) (await createVecEnv('Walker2d-v4', { numEnvs: 4, seed: k })).close();
    const warm = await heapBytes();
    for (let k = 0; k < 300; k++) {
      const vec = await createVecEnv('Walker2d-v4', { numEnvs: 4, seed: k });
      vec.reset();
      vec.step(new Float32Array(24));
      vec.close();
    }
    expect(await heapBytes()).toBe(warm);
  });
});

describe('VecEnv state', () => {
  it('saves and restores into fresh envs so both continue identically', async () => {
    const { saveVecEnvState, restoreVecEnvState } = await import('./vec-env-state');
    const a = await createVecEnv('Hopper-v4', { numEnvs: 3, seed: 9 });
    a.reset();
    const act = (t: number) => Float32Array.from({ length: 9 }, (_, i) => Math.sin(0.7 * t + i));
    for (let t = 0; t < 57; t++) a.step(act(t));
    const saved = saveVecEnvState(a);
    const b = await createVecEnv('Hopper-v4', { numEnvs: 3, seed: 9 });
    restoreVecEnvState(b, saved);
    for (let t = 57; t < 300; t++) {
      const ra = a.step(act(t));
      const rb = b.step(act(t));
      expect(Array.from(rb.obs)).toEqual(Array.from(ra.obs));
      expect(Array.from(rb.episodeReturns)).toEqual(Array.from(ra.episodeReturns));
    }
    const c = await createVecEnv('Hopper-v4', { numEnvs: 2, seed: 9 });
    expect(() => restoreVecEnvState(c, saved)).toThrow(/state/);
    for (const e of [a, b, c]) e.close();
  });
});

describe('VecEnv.stepEnvs', () => {
  it('stepping the envs in groups gives, env by env, what stepping them all at once gives', async () => {
    const whole = await createVecEnv('Hopper-v4', { numEnvs: 4, seed: 3 });
    const groups = await createVecEnv('Hopper-v4', { numEnvs: 4, seed: 3 });
    try {
      expect(Array.from(groups.reset())).toEqual(Array.from(whole.reset()));
      const actDim = whole.spec.actDim;
      const obsDim = whole.spec.obsDim;
      for (let t = 0; t < 150; t++) {
        const actions = Float32Array.from({ length: 4 * actDim }, (_, k) => Math.sin(t * 0.37 + k));
        const all = whole.step(actions);
        // envs 3 and 1 first, then 0 and 2: order within a call is the caller's
        for (const group of [[3, 1], [0, 2]]) {
          const rows = Float32Array.from(group.flatMap((i) => Array.from(actions.subarray(i * actDim, (i + 1) * actDim))));
          const part = groups.stepEnvs(group, rows);
          group.forEach((i, r) => {
            expect(Array.from(part.obs.subarray(r * obsDim, (r + 1) * obsDim))).toEqual(Array.from(all.obs.subarray(i * obsDim, (i + 1) * obsDim)));
            expect(part.rewards[r]).toBe(all.rewards[i]);
            expect(part.terminated[r]).toBe(all.terminated[i]);
            expect(part.episodeReturns[r]).toBe(all.episodeReturns[i]);
            expect(part.episodeLengths[r]).toBe(all.episodeLengths[i]);
          });
        }
      }
    } finally {
      whole.close();
      groups.close();
    }
  });

  it('names a bad index list and leaves the envs as they were', async () => {
    const env = await createVecEnv('Hopper-v4', { numEnvs: 2, seed: 1 });
    try {
      env.reset();
      const a = new Float32Array(env.spec.actDim);
      expect(() => env.stepEnvs([2], a)).toThrow(/env_indices\[0\].*\[0, 2\)/);
      expect(() => env.stepEnvs([1, 1], new Float32Array(2 * env.spec.actDim))).toThrow(/env_indices\[1\].*1 twice/);
      expect(() => env.stepEnvs([], a)).toThrow(/env_indices/);
      expect(() => env.stepEnvs([0], new Float32Array(2 * env.spec.actDim))).toThrow(/1 \* 3 = 3/);
      const r = env.stepEnvs([1], a);
      expect(r.episodeLengths[0]).toBe(0);
      expect(r.obs.length).toBe(env.spec.obsDim);
    } finally {
      env.close();
    }
  });
});
