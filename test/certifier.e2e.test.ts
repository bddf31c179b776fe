// The certifier as a real process: bounds for a stored policy, per-state bounds that contain the
// policy's own action means, and INVALID_ARGUMENT naming the field for bad requests.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernelEngine, decodePolicy } from '@rlprune/nn';
import { decodeTensor, encodeTensor, protos } from '@rlprune/proto';
import { ArtifactClient, closeClients, getClient, unary } from '@rlprune/service-kit';
import { randomPolicyBytes } from './helpers/policy';
import { startWithStore } from './helpers/process';

let sys: Awaited<ReturnType<typeof startWithStore>>;
let policyId: string;
const bytes = randomPolicyBytes('Hopper-v4', 11, 3, 7, [32, 32]);
const statesArr = Float32Array.from({ length: 20 * 11 }, (_, i) => Math.cos(i * 0.7));

type Resp = {
  global: { lipschitzSurrogate: number; tv: number };
  perState: { method: string; meanTv: number; meanWidth: number; lower: { data: Buffer; shape: number[] }; upper: { data: Buffer; shape: number[] } }[];
  layers: { layer: string; frobenius: number }[];
  states: number;
};

function certify(req: object): Promise<Resp> {
  const c = getClient(protos().rlprune.certifier.v1.Certifier, sys.address);
  return unary(c.certify.bind(c) as never, req, 60_000);
}

beforeAll(async () => {
  sys = await startWithStore('certifier');
  policyId = await new ArtifactClient(sys.storeAddress).put(bytes, { kind: 'policy' });
});

afterAll(async () => {
  closeClients();
  await sys?.stop();
});

describe('certifier service', () => {
  it('returns global bounds and per-state IBP/CROWN bounds that contain the action means', async () => {
    const res = await certify({ policy: { id: policyId }, epsilon: 0.05, methods: ['lipschitz', 'ibp', 'crown'], states: encodeTensor(statesArr, [20, 11]), includePerState: true });
    expect(res.states).toBe(20);
    expect(res.layers.map((l) => l.layer)).toEqual(['actor.0', 'actor.1', 'actor.2']);
    expect(res.global.lipschitzSurrogate).toBeGreaterThan(0);
    const [ibp, crown] = res.perState;
    expect(ibp!.method).toBe('ibp');
    expect(crown!.method).toBe('crown');
    expect(crown!.meanWidth).toBeLessThanOrEqual(ibp!.meanWidth * (1 + 1e-9));
    const policy = decodePolicy(bytes);
    const mean = createKernelEngine().predict(policy.model.actor, statesArr, 20);
    for (const s of res.perState) {
      const lo = decodeTensor(s.lower, 'lower', [20, 3]).values;
      const hi = decodeTensor(s.upper, 'upper', [20, 3]).values;
      for (let k = 0; k < 60; k++) {
        expect(lo[k]!).toBeLessThanOrEqual(mean[k]! + 1e-5);
        expect(hi[k]!).toBeGreaterThanOrEqual(mean[k]! - 1e-5);
      }
    }
  });

  it('rejects negative epsilon, no or empty states, wrong width and unknown methods, naming the field', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ epsilon: -0.1, methods: ['lipschitz'] }, /^epsilon:/],
      [{ epsilon: 0.1, methods: ['ibp'] }, /^states:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(new Float32Array(0), [0, 11]) }, /^states:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(new Float32Array(10), [1, 10]) }, /^states:/],
      [{ epsilon: 0.1, methods: ['magic'] }, /^methods\[0\]:/],
    ];
    for (const [req, field] of cases) {
      const err = await certify({ policy: { id: policyId }, ...req }).catch((e: grpc.ServiceError) => e);
      expect((err as grpc.ServiceError).code, JSON.stringify(req)).toBe(grpc.status.INVALID_ARGUMENT);
      expect((err as grpc.ServiceError).details).toMatch(field);
    }
  });
});
