// Traces that read well in Jaeger, from real processes writing one span file (as a local run does):
// a normal training's Session to the simulator is not an ERROR span; health probes export nothing;
// the Train span carries one event per PPO iteration (return, sparsity, surrogate bound); an attacker
// deployment is its own service (rlprune-attacker-mad) with rlprune.attack on its spans; and the file
// is OTLP JSON lines, the format Jaeger's "upload JSON" opens. A submitted experiment names its trace
// (Experiment.trace_ids, which `rlprune run` prints), the trace its experiment span is in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { checkHealth, closeClients, getClient } from '@rlprune/service-kit';
import { readSpanFile, type OtlpJsonTraces } from '@rlprune/telemetry';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const processes: Spawned[] = [];
afterAll(async () => {
  closeClients();
  for (const p of processes) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited));
});

type TrainEvent = { progress?: { iteration: number }; result?: { policy: { id: string } } };

function train(address: string, req: object): Promise<TrainEvent[]> {
  const c = getClient(protos().rlprune.trainer.v1.Trainer, address) as unknown as grpc.Client & { train(r: object): grpc.ClientReadableStream<TrainEvent> };
  return new Promise((resolve, reject) => {
    const events: TrainEvent[] = [];
    const call = c.train(req);
    call.on('data', (e: TrainEvent) => events.push(e));
    call.on('error', reject);
    call.on('end', () => resolve(events));
  });
}

describe('traces', () => {
  it('a normal training and an attacker call export spans that read well in Jaeger', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-traces-'));
    const spanFile = path.join(home, 'spans.jsonl');
    const traced = { PORT: '0', RLPRUNE_SPAN_FILE: spanFile };
    const simulator = spawnServiceProcess('simulator', traced);
    const attacker = spawnServiceProcess('attacker', { ...traced, ATTACK: 'mad' });
    processes.push(simulator, attacker);
    const sim = await simulator.ready;
    // no trainer behind TRAINER_ADDRESS: the experiment submitted below is cancelled at once
    const orchestrator = spawnServiceProcess('orchestrator', { ...traced, RLPRUNE_HOME: home, SIMULATOR_ADDRESS: sim, TRAINER_ADDRESS: '127.0.0.1:1' });
    processes.push(orchestrator);
    const [store, att] = await Promise.all([orchestrator.ready, attacker.ready]);
    const trainer = spawnServiceProcess('trainer', { ...traced, ORCHESTRATOR_ADDRESS: store, SIMULATOR_ADDRESS: sim });
    processes.push(trainer);
    const trn = await trainer.ready;

    for (const address of [store, sim, att, trn]) expect((await checkHealth(address, 5_000)).status).toBe('SERVING');
    const events = await train(trn, {
      envId: 'Hopper-v4',
      seed: 3,
      totalTimesteps: 3 * 2 * 32,
      ppo: { numEnvs: 2, numSteps: 32, updateEpochs: 1, numMinibatches: 2 },
      pruning: { criterion: 'magnitude', kind: 'cubic', finalSparsity: 0.5, startFraction: 0.2, endFraction: 0.8, interval: 1 },
    });
    const iterations = events.filter((e) => e.progress).length;
    expect(iterations).toBe(3);
    expect(events.at(-1)!.result).toBeDefined();
    const client = getClient(protos().rlprune.attacker.v1.Attacker, att) as unknown as grpc.Client & {
      describe(r: object, cb: (err: grpc.ServiceError | null, res: { name: string }) => void): void;
    };
    const described = await new Promise<{ name: string }>((resolve, reject) => client.describe({}, (err, res) => (err ? reject(err) : resolve(res))));
    expect(described.name).toBe('mad');
    const orch = getClient(protos().rlprune.orchestrator.v1.Orchestrator, store) as unknown as grpc.Client &
      Record<'submitExperiment' | 'cancelExperiment', (r: object, cb: (err: grpc.ServiceError | null, res: { id: string; traceIds: string[] }) => void) => void>;
    const call = (method: 'submitExperiment' | 'cancelExperiment', req: object) =>
      new Promise<{ id: string; traceIds: string[] }>((resolve, reject) => orch[method](req, (err, res) => (err ? reject(err) : resolve(res))));
    const submitted = await call('submitExperiment', {
      specYaml: 'name: traced\nenvs: [Hopper-v4]\nseeds: [1]\ntrain:\n  total_timesteps: 64\n  num_envs: 2\n  num_steps: 32\n',
    });
    expect(submitted.traceIds).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
    await call('cancelExperiment', { id: submitted.id });
    // graceful stops flush every process's spans
    for (const p of processes) p.child.kill('SIGTERM');
    for (const p of processes) expect(await p.exited).toBe(0);

    // the file: OTLP JSON lines (resourceSpans / scopeSpans / spans, hex ids, unix-nano strings)
    const lines = fs.readFileSync(spanFile, 'utf8').trim().split('\n');
    for (const line of lines) {
      const parsed = JSON.parse(line) as OtlpJsonTraces;
      for (const rs of parsed.resourceSpans) {
        for (const span of rs.scopeSpans.flatMap((ss) => ss.spans)) {
          expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
          expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
          expect(span.startTimeUnixNano).toMatch(/^[0-9]{19}$/);
        }
      }
    }
    const spans = readSpanFile(spanFile);
    expect(spans.filter((s) => /grpc\.health\.v1\.Health\//.test(s.name))).toEqual([]);

    // the trainer's Session client span of a training that ended normally is not an ERROR
    const sessions = spans.filter((s) => s.service === 'rlprune-trainer' && s.kind === 2 && s.name.endsWith('Simulator/Session'));
    expect(sessions.length).toBe(1);
    expect(sessions[0]!.status.code, sessions[0]!.status.message).not.toBe(2);

    // one event per PPO iteration on the Train server span, with return, sparsity and surrogate bound
    const trainSpan = spans.find((s) => s.service === 'rlprune-trainer' && s.kind === 1 && s.name.endsWith('Trainer/Train'))!;
    const ppo = trainSpan.events.filter((e) => e.name === 'ppo.iteration');
    expect(ppo.map((e) => e.attributes['rlprune.iteration'])).toEqual([1, 2, 3]);
    for (const e of ppo) {
      expect(e.attributes['rlprune.sparsity']).toEqual(expect.any(Number));
      expect(e.attributes['rlprune.surrogate_bound']).toBeGreaterThan(0);
    }
    expect(ppo.at(-1)!.attributes['rlprune.sparsity']).toBeGreaterThan(0);
    expect(ppo.some((e) => typeof e.attributes['rlprune.mean_return'] === 'number')).toBe(true);

    // the attacker deployment is its own service, and its spans name the attack
    const describeSpan = spans.find((s) => s.name.endsWith('Attacker/Describe') && s.kind === 1)!;
    expect(describeSpan.service).toBe('rlprune-attacker-mad');
    expect(describeSpan.attributes['rlprune.attack']).toBe('mad');

    // the trace the orchestrator named at submit is the experiment's
    const experiment = spans.find((s) => s.name === 'experiment' && s.attributes['rlprune.experiment'] === submitted.id)!;
    expect(experiment.traceId).toBe(submitted.traceIds[0]);
  }, 60_000);
});
