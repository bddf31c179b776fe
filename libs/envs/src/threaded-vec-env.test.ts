import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '@rlprune/errors';
import { EnvStateError } from './errors';
import { createThreadedVecEnv } from './threaded-vec-env';
import { createVecEnv, type VecStepResult } from './vec-env';
import { restoreVecEnvState, saveVecEnvState } from './vec-env-state';

// Hopper falls within tens of steps under these actions, so episodes end and auto-reset mid-run.
function actionsAt(t: number, rows: number, actDim: number): Float32Array {
  return Float32Array.from({ length: rows * actDim }, (_, k) => Math.sin(0.7 * t + 1.3 * k));
}

function plain(r: VecStepResult) {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)]));
}

describe('ThreadedVecEnv', () => {
  it('runs the same episodes as a VecEnv, bit for bit, with whole batches, env subsets and requests in flight', async () => {
    const options = { numEnvs: 5, seed: 11 };
    const reference = await createVecEnv('Hopper-v4', options);
    const threaded = await createThreadedVecEnv('Hopper-v4', { ...options, threads: 2 });
    try {
      expect(Array.from(await threaded.reset())).toEqual(Array.from(reference.reset()));
      let ended = 0;
      for (let t = 0; t < 120; t++) {
        const a = actionsAt(t, 5, 3);
        const want = reference.step(a);
        ended += want.terminated.reduce((s, x) => s + x, 0);
        expect(plain(await threaded.step(a))).toEqual(plain(want));
      }
      expect(ended).toBeGreaterThan(3); // the comparison covered auto-resets
      // groups crossing the threads' shares, three requests in flight before any answer is read
      const groups = [[4, 0], [2], [1, 3]];
      for (let t = 0; t < 30; t++) {
        const asks = groups.map((g, k) => threaded.stepEnvs(g, actionsAt(t + k, g.length, 3)));
        const wants = groups.map((g, k) => reference.stepEnvs(g, actionsAt(t + k, g.length, 3)));
        const got = await Promise.all(asks);
        got.forEach((r, k) => expect(plain(r)).toEqual(plain(wants[k]!)));
      }
    } finally {
      reference.close();
      threaded.close();
    }
  });

  it('saves and restores the state in VecEnv format, and rejects a foreign state without changing anything', async () => {
    const options = { numEnvs: 3, seed: 5 };
    const reference = await createVecEnv('Walker2d-v4', options);
    const threaded = await createThreadedVecEnv('Walker2d-v4', { ...options, threads: 3 });
    try {
      reference.reset();
      await threaded.reset();
      for (let t = 0; t < 10; t++) {
        reference.step(actionsAt(t, 3, 6));
        await threaded.step(actionsAt(t, 3, 6));
      }
      const saved = await threaded.saveState();
      expect(Array.from(saved)).toEqual(Array.from(saveVecEnvState(reference)));
      const ahead = plain(await threaded.step(actionsAt(10, 3, 6)));
      await threaded.restoreState(saved);
      expect(plain(await threaded.step(actionsAt(10, 3, 6)))).toEqual(ahead);
      // and into an unthreaded VecEnv
      const other = await createVecEnv('Walker2d-v4', options);
      restoreVecEnvState(other, saved);
      expect(plain(other.step(actionsAt(10, 3, 6)))).toEqual(ahead);
      other.close();

      expect(plain(reference.step(actionsAt(10, 3, 6)))).toEqual(ahead);
      const foreign = saveVecEnvState(reference).subarray(0, 64);
      await expect(threaded.restoreState(foreign)).rejects.toThrow(/the state of 3 envs of Walker2d-v4/);
      expect(plain(await threaded.step(actionsAt(11, 3, 6)))).toEqual(plain(reference.step(actionsAt(11, 3, 6))));
    } finally {
      reference.close();
      threaded.close();
    }
  });

  it('rejects bad input before any env moves', async () => {
    await expect(createThreadedVecEnv('hopper', { numEnvs: 2, threads: 1 })).rejects.toThrow(NotFoundError);
    await expect(createThreadedVecEnv('Hopper-v4', { numEnvs: 2, threads: 3 })).rejects.toThrow(/threads: expected an integer in \[1, numEnvs = 2\]/);
    const reference = await createVecEnv('Hopper-v4', { numEnvs: 4, seed: 2 });
    const threaded = await createThreadedVecEnv('Hopper-v4', { numEnvs: 4, seed: 2, threads: 2 });
    try {
      expect(() => threaded.step(actionsAt(0, 4, 3))).toThrow(EnvStateError);
      reference.reset();
      await threaded.reset();
      const bad = actionsAt(0, 4, 3);
      bad[10] = Number.NaN; // env 3, on the second thread
      expect(() => threaded.step(bad)).toThrow(/actions\[10\] \(env 3, coordinate 1\)/);
      expect(() => threaded.stepEnvs([1, 1], actionsAt(0, 2, 3))).toThrow(InvalidArgumentError);
      expect(() => threaded.stepEnvs([0], actionsAt(0, 2, 3))).toThrow(/length listed envs \* actDim|of length/);
      expect(plain(await threaded.step(actionsAt(0, 4, 3)))).toEqual(plain(reference.step(actionsAt(0, 4, 3))));
    } finally {
      reference.close();
      threaded.close();
    }
  });

  it('fails requests in flight when closed, and every later one', async () => {
    const threaded = await createThreadedVecEnv('HalfCheetah-v4', { numEnvs: 2, seed: 1, threads: 2 });
    await threaded.reset();
    const inFlight = threaded.step(actionsAt(0, 2, 6));
    threaded.close();
    await expect(inFlight).rejects.toThrow(EnvStateError);
    await expect(threaded.reset()).rejects.toThrow(/closed/);
    threaded.close();
  });
});
