// Issue 21 item 1 against real processes on loopback: every size a caller controls has a cap that is
// refused with INVALID_ARGUMENT naming the limit, quickly, without the service growing or falling over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protos } from '@rlprune/proto';
import { ArtifactClient, checkHealth, closeClients, getClient, unary } from '@rlprune/service-kit';
import { randomPolicyBytes } from './helpers/policy';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const ARTIFACT_CAP = 8 * 1024 * 1024;
let orch: Spawned;
let pruner: Spawned;
let attacker: Spawned;
let addr: { orch: string; pruner: string; attacker: string };
let home: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-caps-'));
  orch = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: home, RLPRUNE_MAX_ARTIFACT_BYTES: String(ARTIFACT_CAP) });
  const o = await orch.ready;
  pruner = spawnServiceProcess('pruner', { PORT: '0', ORCHESTRATOR_ADDRESS: o });
  attacker = spawnServiceProcess('attacker', { PORT: '0', ATTACK: 'random', ORCHESTRATOR_ADDRESS: o });
  addr = { orch: o, pruner: await pruner.ready, attacker: await attacker.ready };
});

afterAll(async () => {
  closeClients();
  for (const p of [attacker, pruner, orch]) p?.child.kill('SIGTERM');
  await Promise.all([attacker?.exited, pruner?.exited, orch?.exited]);
});

const orchestrator = () => getClient(protos().rlprune.orchestrator.v1.Orchestrator, addr.orch);
const call = <Req extends object>(client: grpc.Client, method: string, req: Req) =>
  unary<Req, Record<string, unknown>>((client as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!.bind(client) as never, req, 30_000);
const failure = (p: Promise<unknown>) => p.then(() => null, (e: grpc.ServiceError) => e);

function rssBytes(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) * 1024;
}

describe('size caps', () => {
  it('refuses a 1,000,000-point spec in under a second, naming the axes, and writes nothing', async () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => i).join(', ');
    const sparsities = Array.from({ length: 1000 }, (_, i) => (i / 1000).toFixed(4)).join(', ');
    const spec = `name: huge\nenvs: [Hopper-v4]\nseeds: [${seeds}]\ntrain: { total_timesteps: 2048 }\npruning: { sparsities: [${sparsities}] }\nattacks: [{ name: random }]\n`;
    const t0 = Date.now();
    const err = await failure(call(orchestrator(), 'submitExperiment', { specYaml: spec }));
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err?.details).toMatch(/more than 20000 stages.*RLPRUNE_MAX_GRID_STAGES.*1000 seed\(s\).*1000 sparsities = 1000000 grid points/);
    expect(await call(orchestrator(), 'listExperiments', {})).toEqual({ experiments: [] });
  });

  it('refuses PreviewSchedule{points: 1e7} and the pruner stays up', async () => {
    const pr = getClient(protos().rlprune.pruner.v1.Pruner, addr.pruner);
    const schedule = { criterion: 'magnitude', kind: 'cubic', finalSparsity: 0.9 };
    const err = await failure(call(pr, 'previewSchedule', { schedule, totalSteps: 1e9, points: 1e7 }));
    expect(err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err?.details).toBe('points: 10000000 points is over the limit of 10000 (set RLPRUNE_MAX_PREVIEW_POINTS to change it)');
    expect(((await call(pr, 'previewSchedule', { schedule, totalSteps: 1000, points: 11 })).points as unknown[]).length).toBe(11);
  });

  it('refuses an over-cap Put while it streams, and the orchestrator does not grow', async () => {
    const before = rssBytes(orch.child.pid!);
    const store = getClient(protos().rlprune.orchestrator.v1.ArtifactStore, addr.orch) as unknown as grpc.Client & {
      put(cb: (err: grpc.ServiceError | null) => void): grpc.ClientWritableStream<object>;
    };
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      const w = store.put((e) => resolve(e));
      w.on('error', () => undefined);
      let sent = 0;
      const more = () => {
        while (sent < 4 * ARTIFACT_CAP) {
          sent += chunk.length;
          if (!w.write({ meta: sent === chunk.length ? { kind: 'policy' } : undefined, data: chunk })) return void w.once('drain', more);
        }
        w.end();
      };
      more();
    });
    expect(err?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err?.details).toMatch(new RegExp(`over the limit of ${ARTIFACT_CAP} bytes \\(RLPRUNE_MAX_ARTIFACT_BYTES\\)`));
    expect(rssBytes(orch.child.pid!) - before).toBeLessThan(50 * 1024 * 1024);
    // nothing half-written is left in the store
    expect(fs.readdirSync(path.join(home, 'artifacts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a 1e6-row Perturb batch before decoding it', async () => {
    const policy = await new ArtifactClient(addr.orch).put(randomPolicyBytes('InvertedPendulum-v4', 4, 1, 2), { kind: 'policy' });
    const c = getClient(protos().rlprune.attacker.v1.Attacker, addr.attacker) as unknown as grpc.Client & { perturb(): grpc.ClientDuplexStream<object, object> };
    const t0 = Date.now();
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      const s = c.perturb();
      s.on('data', () => undefined);
      s.on('error', resolve);
      s.write({ header: { policy: { id: policy }, epsilon: 0.1, seed: 1 } });
      s.write({ batch: { observations: { data: Buffer.alloc(0), shape: [1_000_000, 4] } } });
    });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toMatch(/^batch\.observations: 1000000 rows per Perturb batch .*over the limit of 4096 \(set RLPRUNE_MAX_PERTURB_ROWS/);
    expect((await checkHealth(addr.attacker, 2_000)).status).toBe('SERVING');
  });

  it('refuses long ids without echoing them, and a 10 MB id quickly', async () => {
    const long = await failure(call(orchestrator(), 'getExperiment', { id: 'e'.repeat(100_000) }));
    expect(long?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(long?.details).toMatch(/^id: is 100000 characters long, over the limit of 256 \(RLPRUNE_MAX_ID_CHARS\)/);
    expect(long!.details.length).toBeLessThan(200);
    const t0 = Date.now();
    const huge = await failure(call(orchestrator(), 'getExperiment', { id: 'e'.repeat(10_000_000) }));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(huge?.code).toBe(grpc.status.INVALID_ARGUMENT);
    const stat = await failure(call(getClient(protos().rlprune.orchestrator.v1.ArtifactStore, addr.orch), 'stat', { id: 'z'.repeat(100_000) }));
    expect(stat?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(stat!.details.length).toBeLessThan(250);
    expect((await checkHealth(addr.orch, 2_000)).status).toBe('SERVING');
  });
});
