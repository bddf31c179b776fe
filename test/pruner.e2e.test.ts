// The pruner as a real process: prunes a stored policy, stores the result, and the result read back
// from the store has the reported sparsity and a surrogate bound no larger than before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surrogateLipschitz } from '@rlprune/certify';
import { decodePolicy } from '@rlprune/nn';
import { encodeTensor, protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient, unary } from '@rlprune/service-kit';
import { randomPolicyBytes } from './helpers/policy';
import { spawnServiceProcess, type Spawned } from './helpers/process';

let orch: Spawned;
let pruner: Spawned;
let artifacts: ArtifactClient;
let address: string;
let policyId: string;

type PruneResponse = { policy: { id: string }; layers: { layer: string; total: number; pruned: number; sparsity: number }[]; lipschitzBefore: number; lipschitzAfter: number; sparsity: number };

function prune(req: object): Promise<PruneResponse> {
  const c = getClient(protos().rlprune.pruner.v1.Pruner, address);
  return unary(c.prune.bind(c) as never, req, 30_000);
}

beforeAll(async () => {
  orch = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-prune-')) });
  const orchAddress = await orch.listening;
  pruner = spawnServiceProcess('pruner', { PORT: '0', ORCHESTRATOR_ADDRESS: orchAddress });
  address = await pruner.listening;
  artifacts = new ArtifactClient(orchAddress);
  policyId = await artifacts.put(randomPolicyBytes('Hopper-v4', 11, 3, 1, [64, 64]), { kind: 'policy' });
});

afterAll(async () => {
  closeClients();
  for (const p of [pruner, orch]) p?.child.kill('SIGTERM');
  await Promise.all([pruner?.exited, orch?.exited]);
});

describe('pruner service', () => {
  it('prunes a stored policy to the target and stores the result with its parent', async () => {
    const res = await prune({ policy: { id: policyId }, criterion: 'magnitude', scope: 'layer', sparsity: 0.5, seed: 1 });
    expect(res.sparsity).toBeCloseTo(0.5, 2);
    expect(res.layers.map((l) => l.layer)).toEqual(['actor.0', 'actor.1', 'actor.2']);
    expect(res.lipschitzAfter).toBeLessThanOrEqual(res.lipschitzBefore);
    const pruned = decodePolicy(await artifacts.get(res.policy.id));
    expect(pruned.metadata.parentId).toBe(policyId);
    expect(surrogateLipschitz(pruned.model.actor)).toBeCloseTo(res.lipschitzAfter, 10);
    const zeros = pruned.model.actor.layers.reduce((n, l) => n + l.w.filter((w) => w === 0).length, 0);
    expect(zeros).toBe(res.layers.reduce((n, l) => n + l.pruned, 0));
  });

  it('computes saliency from states, and rejects saliency without them', async () => {
    const states = encodeTensor(Float32Array.from({ length: 32 * 11 }, (_, i) => Math.sin(i)), [32, 11]);
    const res = await prune({ policy: { id: policyId }, criterion: 'saliency', sparsity: 0.3, seed: 2, states });
    expect(res.sparsity).toBeCloseTo(0.3, 2);
    const err = await prune({ policy: { id: policyId }, criterion: 'saliency', sparsity: 0.3 }).catch((e: grpc.ServiceError) => e);
    expect((err as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((err as grpc.ServiceError).details).toMatch(/^states:/);
  });

  it('rejects a bad sparsity, an unknown criterion and structured pruning below one unit, naming the field', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ criterion: 'magnitude', sparsity: 1.2 }, /^sparsity:/],
      [{ criterion: 'biggest', sparsity: 0.5 }, /^criterion:/],
      [{ criterion: 'magnitude', sparsity: 0.999, structured: true }, /sparsity/],
    ];
    for (const [req, field] of cases) {
      const err = await prune({ policy: { id: policyId }, ...req }).catch((e: grpc.ServiceError) => e);
      expect((err as grpc.ServiceError).code, JSON.stringify(req)).toBe(grpc.status.INVALID_ARGUMENT);
      expect((err as grpc.ServiceError).details).toMatch(field);
    }
  });

  it('previews a cubic schedule', async () => {
    const c = getClient(protos().rlprune.pruner.v1.Pruner, address);
    const res = await unary<object, { points: { step: number; sparsity: number }[] }>(c.previewSchedule.bind(c) as never, {
      schedule: { criterion: 'magnitude', kind: 'cubic', finalSparsity: 0.9 },
      totalSteps: 1000,
      points: 11,
    });
    expect(res.points).toHaveLength(11);
    expect(res.points[0]!.sparsity).toBe(0);
    expect(res.points.at(-1)!.sparsity).toBeCloseTo(0.9, 12);
    for (let i = 1; i < res.points.length; i++) expect(res.points[i]!.sparsity).toBeGreaterThanOrEqual(res.points[i - 1]!.sparsity);
  });
});
