// Issue 21 item 5: policies with a valid checksum but a malformed header or impossible values, sent
// to every service that reads a policy (simulator Evaluate, pruner Prune, certifier Certify, attacker
// Perturb), come back as the caller's error naming the field, never INTERNAL, and every service
// still serves afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTensor, protos } from '@rlprune/proto';
import { ArtifactClient, checkHealth, closeClients, getClient, unary } from '@rlprune/service-kit';
import { goodPolicyBytes, malformedPolicies } from './helpers/malformed-policies';
import { spawnServiceProcess, type Spawned } from './helpers/process';

const procs: Record<string, Spawned> = {};
const addr: Record<string, string> = {};
const CALLER_ERRORS = [grpc.status.INVALID_ARGUMENT, grpc.status.FAILED_PRECONDITION];

beforeAll(async () => {
  procs.orchestrator = spawnServiceProcess('orchestrator', { PORT: '0', RLPRUNE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-malformed-')) });
  addr.orchestrator = await procs.orchestrator.listening;
  for (const s of ['simulator', 'pruner', 'certifier', 'attacker']) {
    procs[s] = spawnServiceProcess(s, { PORT: '0', ORCHESTRATOR_ADDRESS: addr.orchestrator, ATTACK: 'random' });
  }
  for (const s of ['simulator', 'pruner', 'certifier', 'attacker']) addr[s] = await procs[s]!.ready;
});

afterAll(async () => {
  closeClients();
  for (const p of Object.values(procs)) p.child.kill('SIGTERM');
  await Promise.all(Object.values(procs).map((p) => p.exited));
});

function evaluate(policy: string): Promise<grpc.ServiceError | null> {
  const c = getClient(protos().rlprune.simulator.v1.Simulator, addr.simulator!) as unknown as grpc.Client & { evaluate(r: object): grpc.ClientReadableStream<object> };
  return new Promise((resolve) => {
    const s = c.evaluate({ policy: { id: policy }, envId: 'InvertedPendulum-v4', episodes: 1, numEnvs: 1, seed: 1, deterministic: true });
    s.on('data', () => undefined);
    s.on('error', resolve);
    s.on('end', () => resolve(null));
  });
}

function perturb(policy: string): Promise<grpc.ServiceError | null> {
  const c = getClient(protos().rlprune.attacker.v1.Attacker, addr.attacker!) as unknown as grpc.Client & { perturb(): grpc.ClientDuplexStream<object, object> };
  return new Promise((resolve) => {
    const s = c.perturb();
    s.on('data', () => s.end());
    s.on('error', resolve);
    s.on('end', () => resolve(null));
    s.write({ header: { policy: { id: policy }, epsilon: 0.1, seed: 1 } });
    s.write({ batch: { observations: encodeTensor(new Float32Array(4), [1, 4]) } });
  });
}

const unaryError = (service: 'pruner' | 'certifier', method: string, req: object) => {
  const ctor: Parameters<typeof getClient>[0] = service === 'pruner' ? protos().rlprune.pruner.v1.Pruner : protos().rlprune.certifier.v1.Certifier;
  const c = getClient(ctor, addr[service]!);
  return unary((c as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!.bind(c) as never, req, 30_000).then(
    () => null,
    (e: grpc.ServiceError) => e,
  );
};

describe('malformed policy artifacts', () => {
  it('get INVALID_ARGUMENT or FAILED_PRECONDITION naming the field from every service, never INTERNAL', async () => {
    const store = new ArtifactClient(addr.orchestrator!);
    const cases = malformedPolicies();
    expect(cases).toHaveLength(18);
    const states = encodeTensor(new Float32Array(8), [2, 4]);
    const seen: string[] = [];
    for (const [name, bytes] of cases) {
      const id = await store.put(bytes, { kind: 'policy' });
      const errors = {
        evaluate: await evaluate(id),
        prune: await unaryError('pruner', 'prune', { policy: { id }, criterion: 'magnitude', sparsity: 0.5, seed: 1 }),
        certify: await unaryError('certifier', 'certify', { policy: { id }, epsilon: 0.05, methods: ['ibp'], states }),
        perturb: await perturb(id),
      };
      for (const [rpc, err] of Object.entries(errors)) {
        seen.push(`${name} / ${rpc}: ${err ? grpc.status[err.code] : 'OK'} ${err?.details ?? ''}`);
        expect(err, `${name} via ${rpc}`).not.toBeNull();
        expect(CALLER_ERRORS, `${name} via ${rpc}: ${err?.details}`).toContain(err!.code);
        expect(err!.details, `${name} via ${rpc}`).toMatch(/^policy( header| tensor)? ?[\w.[\]()" -]*: expected /);
      }
    }
    // the control: the well-formed file passes the same calls
    const good = await store.put(goodPolicyBytes(), { kind: 'policy' });
    expect(await unaryError('pruner', 'prune', { policy: { id: good }, criterion: 'magnitude', sparsity: 0.5, seed: 1 })).toBeNull();
    expect(await perturb(good)).toBeNull();
    for (const s of ['simulator', 'pruner', 'certifier', 'attacker']) expect((await checkHealth(addr[s]!, 2_000)).status, s).toBe('SERVING');
  });
});
