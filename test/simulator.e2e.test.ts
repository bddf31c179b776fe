// The simulator as a real process: sessions over gRPC match in-process envs step for step, bad
// input gets the right status, and 1,000 opened-and-dropped sessions do not grow its memory.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVecEnv } from '@rlprune/envs';
import { protos } from '@rlprune/proto';
import { RemoteVecEnv } from '@rlprune/sim-client';
import { closeClients, getClient, unary } from '@rlprune/service-kit';
import { spawnServiceProcess, type Spawned } from './helpers/process';

let sim: Spawned;
let address: string;

beforeAll(async () => {
  sim = spawnServiceProcess('simulator', { PORT: '0', SIM_MAX_ENVS_PER_SESSION: '64', SIM_MAX_ENVS: '96', SIM_MAX_THREADS: '2' });
  address = await sim.listening;
});

afterAll(async () => {
  closeClients();
  sim?.child.kill('SIGTERM');
  await sim?.exited;
});

async function rss(): Promise<number> {
  const info = getClient(protos().rlprune.common.v1.Info, address);
  const res = await unary<object, { details: Record<string, string> }>(info.getInfo.bind(info) as never, {});
  return Number(res.details.rss_bytes);
}

describe('simulator service', () => {
  it('lists its envs with dims, dt and default attack epsilon', async () => {
    const c = getClient(protos().rlprune.simulator.v1.Simulator, address);
    const res = await unary<object, { envs: { id: string; obsDim: number; actDim: number; dt: number; defaultAttackEpsilon: number }[] }>(
      c.listEnvs.bind(c) as never,
      {},
    );
    const hopper = res.envs.find((e) => e.id === 'Hopper-v4')!;
    expect(hopper).toMatchObject({ obsDim: 11, actDim: 3, defaultAttackEpsilon: 0.075 });
    expect(hopper.dt).toBeCloseTo(0.008, 12);
    expect(res.envs.map((e) => e.id)).toContain('InvertedPendulum-v4');
  });

  it('steps a remote session exactly like the in-process VecEnv for the same seed', async () => {
    const remote = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 3, seed: 11 });
    const local = await createVecEnv('Hopper-v4', { numEnvs: 3, seed: 11 });
    expect(Array.from(await remote.reset())).toEqual(Array.from(local.reset()));
    let ended = 0;
    for (let t = 0; t < 200; t++) {
      const a = Float32Array.from({ length: 9 }, (_, i) => Math.sin(t * 0.3 + i));
      const r = await remote.step(a);
      const l = local.step(a);
      expect(Array.from(r.obs)).toEqual(Array.from(l.obs));
      expect(Array.from(r.rewards)).toEqual(Array.from(l.rewards));
      expect(Array.from(r.terminated)).toEqual(Array.from(l.terminated));
      expect(Array.from(r.finalObs)).toEqual(Array.from(l.finalObs));
      ended += r.terminated.reduce((s, v) => s + v, 0);
    }
    expect(ended).toBeGreaterThan(0); // auto-reset was exercised
    remote.close();
    local.close();
  });

  it('steps groups of envs pipelined on one session exactly like stepping them all at once', async () => {
    const remote = await RemoteVecEnv.open({ address, envId: 'HalfCheetah-v4', numEnvs: 4, seed: 5 });
    const local = await createVecEnv('HalfCheetah-v4', { numEnvs: 4, seed: 5 });
    const actDim = local.spec.actDim;
    const obsDim = local.spec.obsDim;
    expect(Array.from(await remote.reset())).toEqual(Array.from(local.reset()));
    const groups = [[2, 0], [3, 1]];
    const rowsOf = (a: Float32Array, g: number[]) => Float32Array.from(g.flatMap((i) => Array.from(a.subarray(i * actDim, (i + 1) * actDim))));
    for (let t = 0; t < 100; t++) {
      const a = Float32Array.from({ length: 4 * actDim }, (_, i) => Math.sin(t * 0.3 + i));
      // both groups in flight before either answer is read
      const pending = groups.map((g) => remote.stepEnvs(g, rowsOf(a, g)));
      const l = local.step(a);
      const answers = await Promise.all(pending);
      groups.forEach((g, k) =>
        g.forEach((i, r) => {
          expect(Array.from(answers[k]!.obs.subarray(r * obsDim, (r + 1) * obsDim))).toEqual(Array.from(l.obs.subarray(i * obsDim, (i + 1) * obsDim)));
          expect(answers[k]!.rewards[r]).toBe(l.rewards[i]);
        }),
      );
    }
    // a bad index list is INVALID_ARGUMENT naming env_indices
    const bad = await remote.stepEnvs([4], new Float32Array(actDim)).catch((e: grpc.ServiceError) => e);
    expect((bad as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((bad as grpc.ServiceError).details).toContain('env_indices[0]');
    remote.close();
    local.close();
  });

  it('steps envs on physics threads exactly as on the main thread, pipelined, with save and restore', async () => {
    const numEnvs = 5;
    const threaded = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs, seed: 3, physicsThreads: 2 });
    const local = await createVecEnv('Hopper-v4', { numEnvs, seed: 3 });
    const actDim = local.spec.actDim;
    const rowsOf = (a: Float32Array, g: number[]) => Float32Array.from(g.flatMap((i) => Array.from(a.subarray(i * actDim, (i + 1) * actDim))));
    expect(Array.from(await threaded.reset())).toEqual(Array.from(local.reset()));
    const groups = [[4, 1], [0, 2, 3]]; // each group spans both threads' shares
    let ended = 0;
    let saved: Uint8Array | undefined;
    for (let t = 0; t < 80; t++) {
      if (t === 40) saved = await threaded.saveState();
      const a = Float32Array.from({ length: numEnvs * actDim }, (_, i) => Math.sin(t * 0.7 + 1.3 * i));
      const pending = groups.map((g) => threaded.stepEnvs(g, rowsOf(a, g)));
      const whole = local.step(a);
      const answers = await Promise.all(pending);
      groups.forEach((g, k) => g.forEach((i, r) => expect(answers[k]!.rewards[r]).toBe(whole.rewards[i])));
      groups.forEach((g, k) => g.forEach((i, r) => expect(answers[k]!.terminated[r]).toBe(whole.terminated[i])));
      ended += whole.terminated.reduce((n, x) => n + x, 0);
    }
    expect(ended).toBeGreaterThan(0);
    // the saved state, restored into a main-thread session, continues as the threaded one did
    const plain = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs, seed: 3 });
    await plain.restoreState(saved!);
    await threaded.restoreState(saved!);
    const a = Float32Array.from({ length: numEnvs * actDim }, (_, i) => Math.sin(40 * 0.7 + 1.3 * i));
    const [x, y] = await Promise.all([plain.step(a), threaded.step(a)]);
    expect(Array.from(y.obs)).toEqual(Array.from(x.obs));
    plain.close();
    threaded.close();
    local.close();
  });

  it('caps physics threads: more than num_envs is INVALID_ARGUMENT, more than SIM_MAX_THREADS is RESOURCE_EXHAUSTED', async () => {
    const many = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 2, seed: 0, physicsThreads: 3 }).catch((e: grpc.ServiceError) => e);
    expect((many as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((many as grpc.ServiceError).details).toContain('physics_threads');
    const cancel = new AbortController();
    const first = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 2, seed: 0, physicsThreads: 2, signal: cancel.signal });
    await first.reset();
    const over = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 2, seed: 0, physicsThreads: 1 }).catch((e: grpc.ServiceError) => e);
    expect((over as grpc.ServiceError).code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect((over as grpc.ServiceError).details).toContain('SIM_MAX_THREADS');
    // cancelled with a step in flight on the threads: the threads are freed (once the server sees
    // the stream end) and the server stays up
    const inFlight = first.step(new Float32Array(6)).catch((e: Error) => e);
    cancel.abort();
    expect(await inFlight).toBeInstanceOf(Error);
    let again: RemoteVecEnv | undefined;
    for (let tries = 0; tries < 50 && !again; tries++) {
      again = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 2, seed: 0, physicsThreads: 2 }).catch(async () => {
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    expect(again).toBeDefined();
    await again!.reset();
    again!.close();
  });

  it('answers NOT_FOUND for an unknown env, listing the known ids', async () => {
    const err = await RemoteVecEnv.open({ address, envId: 'Hopper-v9', numEnvs: 1, seed: 0 }).catch((e: grpc.ServiceError) => e);
    expect((err as grpc.ServiceError).code).toBe(grpc.status.NOT_FOUND);
    expect((err as grpc.ServiceError).details).toContain('Hopper-v4');
  });

  it('answers INVALID_ARGUMENT for a wrong action shape or NaN, and RESOURCE_EXHAUSTED above the cap', async () => {
    const env = await RemoteVecEnv.open({ address, envId: 'InvertedPendulum-v4', numEnvs: 2, seed: 0 });
    await env.reset();
    const err = await env.step(new Float32Array([0, Number.NaN])).catch((e: grpc.ServiceError) => e);
    expect((err as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    const env2 = await RemoteVecEnv.open({ address, envId: 'InvertedPendulum-v4', numEnvs: 2, seed: 0 });
    await env2.reset();
    const shapeErr = await (env2 as unknown as { request(m: object): Promise<unknown> })
      .request({ step: { actions: { data: Buffer.alloc(12), shape: [3, 1] } } })
      .catch((e: grpc.ServiceError) => e);
    expect((shapeErr as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((shapeErr as grpc.ServiceError).details).toContain('expected shape [2, 1], got [3, 1]');
    const big = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 65, seed: 0 }).catch((e: grpc.ServiceError) => e);
    expect((big as grpc.ServiceError).code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  });

  it('frees envs of 1,000 sessions opened and dropped (memory within 10%)', async () => {
    const churn = async (n: number) => {
      for (let i = 0; i < n; i += 25) {
        await Promise.all(
          Array.from({ length: 25 }, async (_, j) => {
            const env = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 2, seed: i + j });
            await env.reset();
            await env.step(new Float32Array(6));
            // most clients close; every tenth vanishes mid-session with a cancel
            if ((i + j) % 10 === 0) env.cancel();
            else env.close();
          }),
        );
      }
    };
    await churn(100); // warm-up: module caches, JIT, heap growth
    await new Promise((r) => setTimeout(r, 500));
    const before = await rss();
    await churn(1_000);
    await new Promise((r) => setTimeout(r, 500));
    const after = await rss();
    expect(after / before).toBeLessThan(1.1);
    // and the env budget was returned: a session needing the whole cap still opens
    const full = await RemoteVecEnv.open({ address, envId: 'Hopper-v4', numEnvs: 64, seed: 0 });
    full.close();
  }, 120_000);
});
