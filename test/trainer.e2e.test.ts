// The trainer as a real process training against a real simulator process: PPO learns
// InvertedPendulum through the Session stream; a run killed after a checkpoint and resumed from it
// ends bit-identical to an uninterrupted run; cancel frees the session; bad input is named.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient } from '@rlprune/service-kit';
import { spawnServiceProcess, startWithStore, type Spawned } from './helpers/process';

let sys: Awaited<ReturnType<typeof startWithStore>>;
let store: ArtifactClient;
const trainers: Spawned[] = [];

type MaskUpdate = { envSteps: number; gradientStep: number; sparsity: number; before: number; after: number };
type Event = { progress?: { iteration: number; meanReturn: number; maskUpdates?: MaskUpdate[] }; checkpoint?: { id: string }; result?: { policy: { id: string }; finalMeanReturn: number } };

async function startTrainer(): Promise<string> {
  const t = spawnServiceProcess('trainer', { PORT: '0', ORCHESTRATOR_ADDRESS: sys.storeAddress, SIMULATOR_ADDRESS: sys.address });
  trainers.push(t);
  return t.listening;
}

function train(address: string, req: object, onEvent: (e: Event, call: grpc.ClientReadableStream<Event>) => void = () => {}): Promise<Event[]> {
  const c = getClient(protos().rlprune.trainer.v1.Trainer, address) as unknown as grpc.Client & { train(r: object): grpc.ClientReadableStream<Event> };
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    const call = c.train(req);
    call.on('data', (e: Event) => {
      events.push(e);
      onEvent(e, call);
    });
    call.on('error', reject);
    call.on('end', () => resolve(events));
  });
}

beforeAll(async () => {
  // the session cap equals what one training uses: a leaked session would block the next
  sys = await startWithStore('simulator', { SIM_MAX_ENVS: '8' });
  store = new ArtifactClient(sys.storeAddress);
});

afterAll(async () => {
  closeClients();
  for (const t of trainers) t.child.kill('SIGTERM');
  await Promise.all(trainers.map((t) => t.exited));
  await sys?.stop();
});

const SMALL = {
  envId: 'Hopper-v4',
  seed: 5,
  totalTimesteps: 6 * 2 * 64,
  ppo: { numEnvs: 2, numSteps: 64, updateEpochs: 2, numMinibatches: 4 },
  sa: { kappa: 0.3, method: 'sgld' },
  pruning: { criterion: 'magnitude', kind: 'cubic', finalSparsity: 0.5, startFraction: 0.2, endFraction: 0.8, interval: 2 },
  checkpointEvery: 1,
};

describe('trainer service', () => {
  it('learns InvertedPendulum-v4 to a mean return >= 950 within 150k steps through the simulator', async () => {
    const address = await startTrainer();
    const events = await train(address, { envId: 'InvertedPendulum-v4', seed: 1, totalTimesteps: 150_000 });
    const result = events.at(-1)!.result!;
    expect(events.filter((e) => e.progress).length).toBe(73);
    expect(result.finalMeanReturn).toBeGreaterThanOrEqual(950);
    expect((await store.get(result.policy.id)).length).toBeGreaterThan(1000);
  }, 300_000);

  it('resumes a killed run from its checkpoint to a bit-identical policy', async () => {
    const a = await startTrainer();
    const full = await train(a, SMALL);
    const reference = await store.get(full.at(-1)!.result!.policy.id);
    // Every mask update reaches the wire with the surrogate bound on either side: never raised.
    const updates = full.flatMap((e) => e.progress?.maskUpdates ?? []);
    expect(updates.length).toBeGreaterThan(5);
    for (const u of updates) expect(u.after).toBeLessThanOrEqual(u.before);
    expect(updates.at(-1)!.sparsity).toBeCloseTo(0.5, 1);
    expect(updates.map((u) => u.gradientStep)).toEqual([...updates.map((u) => u.gradientStep)].sort((x, y) => x - y));

    const b = await startTrainer();
    const victim = trainers.at(-1)!;
    let checkpoint: string | undefined;
    let lastIteration = 0;
    await train(b, SMALL, (e) => {
      if (e.progress) lastIteration = e.progress.iteration;
      if (e.checkpoint && lastIteration === 3 && !checkpoint) {
        checkpoint = e.checkpoint.id;
        victim.child.kill('SIGKILL'); // the trainer dies right after its third checkpoint
      }
    }).catch(() => undefined);
    expect(checkpoint).toBeDefined();
    const c = await startTrainer();
    const resumed = await train(c, { ...SMALL, resumeFrom: { id: checkpoint } });
    const bytes = await store.get(resumed.at(-1)!.result!.policy.id);
    expect(Buffer.compare(bytes, reference)).toBe(0);
  }, 300_000);

  it('stops within one iteration when cancelled and frees its simulator session', async () => {
    const address = await startTrainer();
    let iterations = 0;
    const err = await train(address, { ...SMALL, ppo: { ...SMALL.ppo, numEnvs: 8 }, totalTimesteps: 8 * 64 * 100, checkpointEvery: 0 }, (e, call) => {
      if (e.progress && ++iterations === 2) call.cancel();
    }).catch((e: grpc.ServiceError) => e);
    expect((err as grpc.ServiceError).code).toBe(grpc.status.CANCELLED);
    // all 8 envs of the cap are free again soon (the run stops at its next iteration boundary): a
    // new 8-env training can start
    const until = Date.now() + 5_000;
    let again: Event[] | grpc.ServiceError;
    do {
      again = await train(address, { ...SMALL, ppo: { ...SMALL.ppo, numEnvs: 8 }, totalTimesteps: 8 * 64, checkpointEvery: 0 }).catch((e: grpc.ServiceError) => e);
    } while (!Array.isArray(again) && again.code === grpc.status.RESOURCE_EXHAUSTED && Date.now() < until);
    expect(Array.isArray(again) && again.at(-1)!.result).toBeTruthy();
  }, 120_000);

  it('names the field of an invalid hyper-parameter and the address of an unreachable simulator', async () => {
    const address = await startTrainer();
    const cases: Array<[object, number, RegExp]> = [
      [{ ...SMALL, ppo: { ...SMALL.ppo, learningRate: -1 } }, grpc.status.INVALID_ARGUMENT, /learningRate/],
      [{ ...SMALL, ppo: { ...SMALL.ppo, numMinibatches: 5 } }, grpc.status.INVALID_ARGUMENT, /numMinibatches|minibatch/],
      [{ ...SMALL, sa: { kappa: -0.5 } }, grpc.status.INVALID_ARGUMENT, /kappa/],
      [{ ...SMALL, pruning: { ...SMALL.pruning, startFraction: 0.9, endFraction: 0.5 } }, grpc.status.INVALID_ARGUMENT, /Fraction/],
      [{ ...SMALL, simulatorAddress: '127.0.0.1:1' }, grpc.status.UNAVAILABLE, /127\.0\.0\.1:1/],
    ];
    for (const [req, code, text] of cases) {
      const err = await train(address, req).catch((e: grpc.ServiceError) => e);
      expect((err as grpc.ServiceError).code, JSON.stringify(req)).toBe(code);
      expect((err as grpc.ServiceError).details).toMatch(text);
    }
  }, 120_000);
});
