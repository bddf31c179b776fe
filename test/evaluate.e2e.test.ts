// Evaluate through real processes: the policy travels through the orchestrator's artifact store to
// the simulator, which runs its episodes; results match an in-process rollout of the same policy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVecEnv } from '@rlprune/envs';
import { createActorCritic, createKernelEngine, createObsNormalizer, encodePolicy, normalizeObs } from '@rlprune/nn';
import { protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient } from '@rlprune/service-kit';
import { spawnServiceProcess, type Spawned } from './helpers/process';

let orch: Spawned;
let sim: Spawned;
let simAddress: string;
let policyId: string;

type Event = { episode?: { index: number; episodeReturn: number; length: number }; summary?: { meanReturn: number; returns: number[]; stateSample: { shape: number[] } } };

function evaluate(req: object): Promise<Event[]> {
  const c = getClient(protos().rlprune.simulator.v1.Simulator, simAddress) as unknown as grpc.Client & { evaluate(r: object): grpc.ClientReadableStream<Event> };
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    const s = c.evaluate(req);
    s.on('data', (e: Event) => events.push(e));
    s.on('error', reject);
    s.on('end', () => resolve(events));
  });
}

beforeAll(async () => {
  orch = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-eval-')) });
  const orchAddress = await orch.listening;
  sim = spawnServiceProcess('simulator', { PORT: '0', ORCHESTRATOR_ADDRESS: orchAddress });
  simAddress = await sim.listening;
  const model = createActorCritic({ obsDim: 4, actDim: 1, hidden: [16, 16], activation: 'tanh' }, 3);
  const normalizer = createObsNormalizer(4);
  const bytes = encodePolicy({
    metadata: { env: 'InvertedPendulum-v4', seed: 3, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer,
    model,
  });
  policyId = await new ArtifactClient(orchAddress).put(bytes, { kind: 'policy' });
});

afterAll(async () => {
  closeClients();
  for (const p of [sim, orch]) p?.child.kill('SIGTERM');
  await Promise.all([sim?.exited, orch?.exited]);
});

describe('Evaluate', () => {
  it('streams every episode, then a summary and a state sample, equal to an in-process rollout', async () => {
    const events = await evaluate({ policy: { id: policyId }, envId: 'InvertedPendulum-v4', episodes: 4, numEnvs: 2, seed: 5, deterministic: true, stateSampleSize: 10 });
    const episodes = events.filter((e) => e.episode).map((e) => e.episode!);
    const summary = events.at(-1)!.summary!;
    expect(episodes).toHaveLength(4);
    expect(summary.returns).toHaveLength(4);
    expect(summary.stateSample.shape).toEqual([10, 4]);
    // the same policy, envs and seed in-process: env 0 plays episodes 0 and 2
    const env = await createVecEnv('InvertedPendulum-v4', { numEnvs: 2, seed: 5 });
    const model = createActorCritic({ obsDim: 4, actDim: 1, hidden: [16, 16], activation: 'tanh' }, 3);
    const engine = createKernelEngine();
    const norm = createObsNormalizer(4);
    let obs = env.reset();
    const firstOfEnv0: number[] = [];
    while (firstOfEnv0.length < 1) {
      const a = engine.predict(model.actor, normalizeObs(norm, obs, 2), 2);
      const r = env.step(a);
      if (r.terminated[0] || r.truncated[0]) firstOfEnv0.push(r.episodeReturns[0]!);
      obs = r.obs;
    }
    env.close();
    expect(summary.returns[0]).toBeCloseTo(firstOfEnv0[0]!, 4);
  });

  it('rejects bad requests with the field named, and an unreachable attacker with UNAVAILABLE naming it', async () => {
    const bad = await evaluate({ policy: { id: policyId }, envId: 'InvertedPendulum-v4', episodes: 0, seed: 1 }).catch((e: grpc.ServiceError) => e);
    expect((bad as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((bad as grpc.ServiceError).details).toMatch(/^episodes:/);
    const wrongEnv = await evaluate({ policy: { id: policyId }, envId: 'Hopper-v4', episodes: 1, seed: 1 }).catch((e: grpc.ServiceError) => e);
    expect((wrongEnv as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    const missing = await evaluate({ policy: { id: 'c'.repeat(64) }, envId: 'InvertedPendulum-v4', episodes: 1, seed: 1 }).catch((e: grpc.ServiceError) => e);
    expect((missing as grpc.ServiceError).code).toBe(grpc.status.NOT_FOUND);
    const attacked = await evaluate({
      policy: { id: policyId },
      envId: 'InvertedPendulum-v4',
      episodes: 1,
      seed: 1,
      attack: { address: '127.0.0.1:1', attack: 'mad', epsilon: 0.1 },
    }).catch((e: grpc.ServiceError) => e);
    expect((attacked as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
    expect((attacked as grpc.ServiceError).details).toContain('127.0.0.1:1');
  });
});
