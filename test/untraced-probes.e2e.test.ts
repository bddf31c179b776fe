// Probes are not traced: a traced service (spans to RLPRUNE_SPAN_FILE) answering health checks,
// Info and reflection exports spans for its real calls only, so Kubernetes' probes every few seconds
// do not bury an experiment's trace in Jaeger.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { checkHealth, closeClients, getClient, unary } from '@rlprune/service-kit';
import { readSpanFile } from '@rlprune/telemetry';
import { spawnServiceProcess, type Spawned } from './helpers/process';

let sim: Spawned | undefined;
afterAll(async () => {
  closeClients();
  sim?.child.kill('SIGTERM');
  await sim?.exited;
});

describe('tracing', () => {
  it('exports no span for Health, Info or reflection calls, and one for a real call', async () => {
    const spanFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-spans-')), 'spans.jsonl');
    sim = spawnServiceProcess('simulator', { PORT: '0', RLPRUNE_SPAN_FILE: spanFile });
    const address = await sim.listening;
    for (let i = 0; i < 3; i++) await checkHealth(address, 5_000);
    const info = getClient(protos().rlprune.common.v1.Info, address);
    await unary(info.getInfo.bind(info) as never, {});
    const simulator = getClient(protos().rlprune.simulator.v1.Simulator, address);
    await unary(simulator.listEnvs.bind(simulator) as never, {});
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    sim = undefined;

    const names = readSpanFile(spanFile).map((s) => s.name);
    expect(names).toContainEqual(expect.stringMatching(/rlprune\.simulator\.v1\.Simulator\/ListEnvs$/));
    expect(names.filter((n) => /grpc\.health|Health\/|Info\/GetInfo|Reflection/.test(n))).toEqual([]);
  });
});
