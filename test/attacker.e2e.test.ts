// Attacker deployments as real processes: Describe, Perturb within the ball, Evaluate through the
// simulator against two deployments (different ATTACK) on different ports with different results,
// and the errors a user can act on.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePrepared } from '@rlprune/attacks';
import { decodeTensor, encodeTensor, protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient, unary } from '@rlprune/service-kit';
import { randomPolicyBytes } from './helpers/policy';
import { spawnServiceProcess, startWithStore, type Spawned } from './helpers/process';

let sys: Awaited<ReturnType<typeof startWithStore>>;
const attackers: Record<string, { proc: Spawned; address: string }> = {};
let policyId: string;

type AttackerClient = grpc.Client & { perturb(): grpc.ClientDuplexStream<object, { observations: { data: Buffer; shape: number[] } }> };

beforeAll(async () => {
  sys = await startWithStore('simulator');
  for (const attack of ['random', 'mad', 'rs']) {
    const proc = spawnServiceProcess('attacker', { PORT: '0', ATTACK: attack, ORCHESTRATOR_ADDRESS: sys.storeAddress, SIMULATOR_ADDRESS: sys.address });
    attackers[attack] = { proc, address: await proc.listening };
  }
  policyId = await new ArtifactClient(sys.storeAddress).put(randomPolicyBytes('InvertedPendulum-v4', 4, 1, 2), { kind: 'policy' });
});

afterAll(async () => {
  closeClients();
  for (const a of Object.values(attackers)) a.proc.child.kill('SIGTERM');
  await Promise.all(Object.values(attackers).map((a) => a.proc.exited));
  await sys?.stop();
});

function perturbOnce(attack: string, header: object, batch: object): Promise<Float32Array> {
  const c = getClient(protos().rlprune.attacker.v1.Attacker, attackers[attack]!.address) as unknown as AttackerClient;
  return new Promise((resolve, reject) => {
    const call = c.perturb();
    call.on('data', (m) => {
      resolve(decodeTensor(m.observations, 'observations').values);
      call.end();
    });
    call.on('error', reject);
    call.write({ header });
    call.write({ batch });
  });
}

function evaluate(attack: string, epsilon: number): Promise<{ meanReturn: number }> {
  const c = getClient(protos().rlprune.simulator.v1.Simulator, sys.address) as unknown as grpc.Client & {
    evaluate(r: object): grpc.ClientReadableStream<{ summary?: { meanReturn: number } }>;
  };
  return new Promise((resolve, reject) => {
    let summary: { meanReturn: number } | undefined;
    const s = c.evaluate({
      policy: { id: policyId },
      envId: 'InvertedPendulum-v4',
      episodes: 4,
      seed: 3,
      deterministic: true,
      attack: { address: attackers[attack]!.address, attack, epsilon },
    });
    s.on('data', (m) => (summary = m.summary ?? summary));
    s.on('error', reject);
    s.on('end', () => resolve(summary!));
  });
}

describe('attacker service', () => {
  it('describes its one attack with parameters and defaults', async () => {
    const c = getClient(protos().rlprune.attacker.v1.Attacker, attackers.mad!.address);
    const d = await unary<object, { name: string; needsPrepare: boolean; parameters: { name: string; defaultValue: number }[] }>(c.describe.bind(c) as never, {});
    expect(d.name).toBe('mad');
    expect(d.needsPrepare).toBe(false);
    expect(d.parameters.find((p) => p.name === 'steps')?.defaultValue).toBe(10);
  });

  it('returns perturbations inside the epsilon ball', async () => {
    const obs = Float32Array.from({ length: 8 * 4 }, (_, i) => Math.sin(i));
    const out = await perturbOnce('mad', { policy: { id: policyId }, epsilon: 0.1, seed: 1 }, { observations: encodeTensor(obs, [8, 4]) });
    let moved = 0;
    for (let i = 0; i < obs.length; i++) {
      expect(Math.abs(out[i]! - obs[i]!)).toBeLessThanOrEqual(0.1 + 1e-6);
      moved = Math.max(moved, Math.abs(out[i]! - obs[i]!));
    }
    expect(moved).toBeGreaterThan(0.05);
  });

  it('swaps attacks by deployment: the same evaluation against two attackers gives different results', async () => {
    const [rnd, mad] = await Promise.all([evaluate('random', 0.3), evaluate('mad', 0.3)]);
    expect(rnd.meanReturn).not.toBe(mad.meanReturn);
  });

  it("passes Prepare's params through to the preparation (how the orchestrator runs a robust sarsa sweep setting)", async () => {
    const c = getClient(protos().rlprune.attacker.v1.Attacker, attackers.rs!.address) as unknown as grpc.Client & {
      prepare(r: object): grpc.ClientReadableStream<{ prepared?: { id: string } }>;
    };
    const id = await new Promise<string>((resolve, reject) => {
      let out: string | undefined;
      const s = c.prepare({
        policy: { id: policyId }, envId: 'InvertedPendulum-v4', epsilon: 0.1, seed: 1,
        params: { eps_q: 0.07, reg_coef: 2, iterations: 3, steps_per_iteration: 256, epochs: 1 },
      });
      s.on('data', (m) => m.prepared && (out = m.prepared.id));
      s.on('error', reject);
      s.on('end', () => (out ? resolve(out) : reject(new Error('Prepare ended without an artifact'))));
    });
    const { metrics } = decodePrepared(await new ArtifactClient(sys.storeAddress).get(id));
    // eps_q is ramped in over the middle third and held for the last (3 iterations: full in the third)
    expect(metrics.epsQ).toBeCloseTo(0.07, 12);
  });

  it('rejects bad input with a status a user can act on', async () => {
    const obs = encodeTensor(new Float32Array(4), [1, 4]);
    const codeOf = (p: Promise<unknown>) => p.then(() => 0, (e: grpc.ServiceError) => e.code);
    expect(await codeOf(perturbOnce('mad', { policy: { id: policyId }, epsilon: -0.1, seed: 1 }, { observations: obs }))).toBe(grpc.status.INVALID_ARGUMENT);
    expect(await codeOf(perturbOnce('mad', { policy: { id: policyId }, epsilon: 0.1, seed: 1 }, { observations: encodeTensor(new Float32Array(5), [1, 5]) }))).toBe(
      grpc.status.INVALID_ARGUMENT,
    );
    expect(await codeOf(perturbOnce('rs', { policy: { id: policyId }, epsilon: 0.1, seed: 1 }, { observations: obs }))).toBe(grpc.status.FAILED_PRECONDITION);
    const bad = spawnServiceProcess('attacker', { PORT: '0', ATTACK: 'strongest' });
    expect(await bad.exited).toBe(2);
    expect(bad.lines.join('\n')).toMatch(/ATTACK: .*random/);
  });
});
