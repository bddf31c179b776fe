// Issue 21 item 8: a request cannot make a service dial an address of its choosing. Each service
// runs with the development setting off (RLPRUNE_DIAL_ANY=0) and its configured addresses; a
// request naming another address gets PERMISSION_DENIED before anything is dialled, and one naming
// the configured address is dialled as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient } from '@rlprune/service-kit';
import { randomPolicyBytes } from './helpers/policy';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const FOREIGN = '169.254.169.254:80';
const procs: Spawned[] = [];
const addr: Record<string, string> = {};
let policy: string;

beforeAll(async () => {
  const orch = spawnServiceProcess('orchestrator', {
    PORT: '0',
    RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-dial-')),
  });
  procs.push(orch);
  addr.orchestrator = await orch.listening;
  const sim = spawnServiceProcess('simulator', {
    PORT: '0',
    ORCHESTRATOR_ADDRESS: addr.orchestrator,
    RLPRUNE_DIAL_ANY: '0',
    ATTACKER_ADDRESSES: 'random=127.0.0.1:1',
  });
  procs.push(sim);
  addr.simulator = await sim.listening;
  const strict = {
    PORT: '0',
    ORCHESTRATOR_ADDRESS: addr.orchestrator,
    SIMULATOR_ADDRESS: addr.simulator,
    RLPRUNE_DIAL_ANY: '0',
  };
  for (const [name, service, env] of [
    ['trainer', 'trainer', {}],
    ['attacker', 'attacker', { ATTACK: 'rs' }],
  ] as const) {
    const p = spawnServiceProcess(service, { ...strict, ...env });
    procs.push(p);
    addr[name] = await p.listening;
  }
  policy = await new ArtifactClient(addr.orchestrator).put(
    randomPolicyBytes('InvertedPendulum-v4', 4, 1, 1),
    { kind: 'policy' },
  );
});

afterAll(async () => {
  closeClients();
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
});

/** The status a server-streaming call ends with (null: it ended OK), reading at most until its first message. */
function firstStatus(stream: grpc.ClientReadableStream<unknown>): Promise<grpc.ServiceError | null> {
  return new Promise((resolve) => {
    stream.on('data', () => {
      stream.cancel();
      resolve(null);
    });
    stream.on('error', (e: grpc.ServiceError) => resolve(e.code === grpc.status.CANCELLED ? null : e));
    stream.on('end', () => resolve(null));
  });
}

type Streaming = grpc.Client & Record<string, (req: object) => grpc.ClientReadableStream<unknown>>;
const client = (ctor: Parameters<typeof getClient>[0], at: string) =>
  getClient(ctor, at) as unknown as Streaming;

describe('dial allow-list', () => {
  it('refuses a simulator address a Train or Prepare request names, and an attacker address an Evaluate names', async () => {
    const p = protos().rlprune;
    // each call starts only when its status is awaited, so no status arrives before its listener
    const cases: Array<[string, () => grpc.ClientReadableStream<unknown>, string]> = [
      [
        'Train',
        () =>
          client(p.trainer.v1.Trainer, addr.trainer!).train({
            envId: 'InvertedPendulum-v4',
            seed: 1,
            totalTimesteps: 256,
            simulatorAddress: FOREIGN,
          }),
        'simulator_address',
      ],
      [
        'Prepare',
        () =>
          client(p.attacker.v1.Attacker, addr.attacker!).prepare({
            policy: { id: policy },
            envId: 'InvertedPendulum-v4',
            epsilon: 0.05,
            seed: 1,
            simulatorAddress: FOREIGN,
          }),
        'simulator_address',
      ],
      [
        'Evaluate',
        () =>
          client(p.simulator.v1.Simulator, addr.simulator!).evaluate({
            policy: { id: policy },
            envId: 'InvertedPendulum-v4',
            episodes: 1,
            seed: 1,
            attack: { address: FOREIGN, attack: 'random', epsilon: 0.1 },
          }),
        'attack.address',
      ],
    ];
    for (const [rpc, stream, field] of cases) {
      const err = await firstStatus(stream());
      expect(err?.code, rpc).toBe(grpc.status.PERMISSION_DENIED);
      expect(err?.details, rpc).toContain(`${field}: this service does not dial "${FOREIGN}"`);
      expect(err?.details, rpc).toContain('RLPRUNE_DIAL_ALLOW');
    }
  });

  it('dials the configured addresses as before', async () => {
    const p = protos().rlprune;
    // the configured simulator: training starts (its first progress message arrives)
    const train = client(p.trainer.v1.Trainer, addr.trainer!).train({
      envId: 'InvertedPendulum-v4',
      seed: 1,
      totalTimesteps: 256,
      simulatorAddress: addr.simulator,
      ppo: { numEnvs: 1, numSteps: 128, numMinibatches: 2, updateEpochs: 1 },
    });
    expect(await firstStatus(train)).toBeNull();
    // the configured attacker address passes the check (nothing listens there: UNAVAILABLE, not PERMISSION_DENIED)
    const evaluate = client(p.simulator.v1.Simulator, addr.simulator!).evaluate({
      policy: { id: policy },
      envId: 'InvertedPendulum-v4',
      episodes: 1,
      seed: 1,
      attack: { address: '127.0.0.1:1', attack: 'random', epsilon: 0.1 },
    });
    expect((await firstStatus(evaluate))?.code).toBe(grpc.status.UNAVAILABLE);
  });
});
