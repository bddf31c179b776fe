// All six services as real processes on loopback: health, reflection, GetSystemStatus and one
// trace in the span file, without the health probes it makes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth, closeClients } from '@rlprune/service-kit';
import { readSpanFile } from '@rlprune/telemetry';
import { launchLocalServices, type LocalCluster } from '../apps/cli/src/local/launch';
import { fetchStatus } from '../apps/cli/src/commands/status';
import { listServices } from './helpers/reflection';

let cluster: LocalCluster;
let home: string;
let spanFile: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-e2e-'));
  spanFile = path.join(home, 'spans.jsonl');
  cluster = await launchLocalServices({ home, attacks: ['random', 'mad'], env: { RLPRUNE_SPAN_FILE: spanFile } });
}, 120_000);

afterAll(async () => {
  closeClients();
  await cluster?.stop();
});

describe('local system', () => {
  it('runs every service as its own SERVING process', async () => {
    expect(cluster.services.map((s) => s.name).sort()).toEqual(
      ['attacker-mad', 'attacker-random', 'certifier', 'orchestrator', 'pruner', 'simulator', 'trainer'].sort(),
    );
    expect(new Set(cluster.services.map((s) => s.pid)).size).toBe(cluster.services.length);
    for (const s of cluster.services) expect((await checkHealth(s.address)).status).toBe('SERVING');
  });

  it('lists each service through server reflection', async () => {
    const sim = cluster.services.find((s) => s.name === 'simulator')!;
    expect(await listServices(sim.address)).toEqual(['grpc.health.v1.Health', 'rlprune.common.v1.Info', 'rlprune.simulator.v1.Simulator']);
    expect(await listServices(cluster.orchestrator)).toEqual(
      expect.arrayContaining(['rlprune.orchestrator.v1.ArtifactStore', 'rlprune.orchestrator.v1.Orchestrator']),
    );
  });

  it('reports every service in GetSystemStatus, whose health probes are not traced', async () => {
    const status = await fetchStatus(cluster.orchestrator);
    expect(status.map((s) => s.name)).toEqual(['orchestrator', 'simulator', 'trainer', 'pruner', 'attacker-random', 'attacker-mad', 'certifier']);
    for (const s of status) {
      expect(s.status).toBe('SERVING');
      expect(s.version).toBe('0.1.0');
    }
    // Spans are exported as they end; give the services a moment to append them.
    let spans = readSpanFile(spanFile);
    for (let i = 0; i < 50 && !spans.some((s) => s.name.endsWith('GetSystemStatus')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      spans = readSpanFile(spanFile);
    }
    const root = spans.find((s) => s.name === 'grpc.rlprune.orchestrator.v1.Orchestrator/GetSystemStatus' && s.kind === 1);
    expect(root, 'orchestrator server span of GetSystemStatus').toBeDefined();
    await new Promise((r) => setTimeout(r, 500));
    // Health and Info calls are left out of traces (they would bury the experiments' traces in
    // probes); the cross-service trace of real work is checked in experiment.e2e.test.ts
    const all = readSpanFile(spanFile);
    expect(all.filter((s) => /grpc\.health\.v1\.Health\/|rlprune\.common\.v1\.Info\//.test(s.name))).toEqual([]);
    expect(all.filter((s) => s.traceId === root!.traceId).map((s) => s.spanId)).toEqual([root!.spanId]);
  });
});
