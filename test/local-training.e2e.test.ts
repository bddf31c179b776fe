// Grid throughput on one machine: a trainer may step its envs in its own process (TRAINER_ENVS=local)
// and return the very policy it returns through the simulator; a local system with two trainers runs
// two train stages at once, one on each trainer process; a bad TRAINER_ENVS is one line and exit 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient } from '@rlprune/service-kit';
import { OrchestratorClient } from '@rlprune/clients';
import { launchLocalServices } from '../apps/cli/src/local/launch';
import { spawnServiceProcess, startWithStore, type Spawned } from './helpers/process';

type Event = { result?: { policy: { id: string } } };

let sys: Awaited<ReturnType<typeof startWithStore>>;
const spawned: Spawned[] = [];

function trainPolicyId(address: string, req: object): Promise<string> {
  const c = getClient(protos().rlprune.trainer.v1.Trainer, address) as unknown as grpc.Client & { train(r: object): grpc.ClientReadableStream<Event> };
  return new Promise((resolve, reject) => {
    let id = '';
    const call = c.train(req);
    call.on('data', (e: Event) => {
      if (e.result) id = e.result.policy.id;
    });
    call.on('error', reject);
    call.on('end', () => (id ? resolve(id) : reject(new Error('no result'))));
  });
}

beforeAll(async () => {
  sys = await startWithStore('simulator');
});

afterAll(async () => {
  closeClients();
  for (const s of spawned) s.child.kill('SIGTERM');
  await Promise.all(spawned.map((s) => s.exited));
  await sys?.stop();
});

describe('trainings on one machine', () => {
  it('a trainer with in-process envs returns the same policy, byte for byte, as through the simulator', async () => {
    const start = (envs: string) => {
      const t = spawnServiceProcess('trainer', { PORT: '0', ORCHESTRATOR_ADDRESS: sys.storeAddress, SIMULATOR_ADDRESS: sys.address, TRAINER_ENVS: envs });
      spawned.push(t);
      return t.listening;
    };
    const [remote, local] = await Promise.all([start('simulator'), start('local')]);
    const req = {
      envId: 'Hopper-v4',
      seed: 3,
      totalTimesteps: 4 * 2 * 64,
      ppo: { numEnvs: 2, numSteps: 64, updateEpochs: 2, numMinibatches: 4 },
      pruning: { criterion: 'magnitude', kind: 'cubic', finalSparsity: 0.5, startFraction: 0.25, endFraction: 0.75, interval: 2 },
    };
    const [a, b] = await Promise.all([trainPolicyId(remote, req), trainPolicyId(local, req)]);
    const store = new ArtifactClient(sys.storeAddress);
    expect(Buffer.compare(await store.get(a), await store.get(b))).toBe(0);
  }, 120_000);

  it('a bad TRAINER_ENVS exits 2 with one line naming it', async () => {
    const t = spawnServiceProcess('trainer', { PORT: '0', TRAINER_ENVS: 'gpu' });
    expect(await t.exited).toBe(2);
    expect(t.lines.join('\n')).toMatch(/TRAINER_ENVS: expected one of simulator, local, got "gpu"/);
  });

  it('two trainer processes take one train stage each when an experiment has two', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-concurrency-'));
    const cluster = await launchLocalServices({ home, attacks: ['random'], trainers: 2, trainerEnvs: 'local' });
    try {
      const client = new OrchestratorClient(cluster.orchestrator);
      const exp = await client.submit(`
name: two-trainings
envs: [InvertedPendulum-v4]
seeds: [1]
train: { total_timesteps: 4096, num_envs: 2, num_steps: 256 }
pruning: { sparsities: [0, 0.5] }
certify: { methods: [lipschitz], states: 16 }
evaluation: { episodes: 2 }
`);
      const end = await client.watch(exp.id, () => {});
      expect(end.state).toBe('succeeded');
      const started = (name: string) =>
        fs.readFileSync(path.join(home, 'logs', `${name}.log`), 'utf8').split('\n').filter((l) => l.includes('training started')).length;
      expect([started('trainer'), started('trainer-2')]).toEqual([1, 1]);
    } finally {
      await cluster.stop();
    }
  }, 180_000);
});
