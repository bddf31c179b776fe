// The certifier as a real process: bounds for a stored policy, per-state bounds that contain the
// policy's own action means, the mean certified radius, the constant flag of a policy pruned to an
// empty layer, the parameter path against a reference (dense) policy, and INVALID_ARGUMENT naming the
// field for bad requests.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernelEngine, decodePolicy, encodePolicy, type PolicyArtifact } from '@rlprune/nn';
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
  perState: {
    method: string;
    meanTv: number;
    meanWidth: number;
    meanCertifiedRadius?: number;
    lower: { data: Buffer; shape: number[] };
    upper: { data: Buffer; shape: number[] };
  }[];
  layers: { layer: string; frobenius: number }[];
  states: number;
  constant: boolean;
  parameterPath: { deltaNorm: number; lPar: number; measuredActionShift: number; sigmaMin: number; steps: number } | null;
};

/** The policy with every actor weight of layer k whose |w| is below the layer's q-quantile pruned (q = 1: all). */
function prunedBytes(q: number, k: number): Buffer {
  const p: PolicyArtifact = decodePolicy(bytes);
  const layer = p.model.actor.layers[k]!;
  const sorted = Array.from(layer.w, Math.abs).sort((a, b) => a - b);
  const cut = q >= 1 ? Infinity : sorted[Math.floor(q * sorted.length)]!;
  layer.w.forEach((v, i) => {
    if (Math.abs(v) < cut) {
      layer.w[i] = 0;
      layer.mask[i] = 0;
    }
  });
  return encodePolicy(p);
}

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

  it('reports each per-state method\'s mean certified radius by default, and none when asked not to', async () => {
    const states = encodeTensor(statesArr, [20, 11]);
    const res = await certify({ policy: { id: policyId }, epsilon: 0.05, methods: ['ibp', 'crown'], states, tvThreshold: 0.05 });
    expect(res.constant).toBe(false);
    expect(res.parameterPath).toBeNull();
    const [ibp, crown] = res.perState;
    expect(ibp!.meanCertifiedRadius).toBeGreaterThan(0);
    // CROWN is at least as tight as IBP on these nets, so it certifies at least as large a radius on average
    expect(crown!.meanCertifiedRadius).toBeGreaterThanOrEqual(ibp!.meanCertifiedRadius! - 1e-4);
    const off = await certify({ policy: { id: policyId }, epsilon: 0.05, methods: ['crown'], states, certifiedRadius: false });
    expect(off.perState[0]!.meanCertifiedRadius).toBeUndefined();
  });

  it('flags a policy pruned to an empty output layer as constant', async () => {
    const id = await new ArtifactClient(sys.storeAddress).put(prunedBytes(1, 2), { kind: 'policy' });
    const res = await certify({ policy: { id }, epsilon: 0.05, methods: ['lipschitz', 'crown'], states: encodeTensor(statesArr, [20, 11]) });
    expect(res.constant).toBe(true);
    expect(res.global.lipschitzSurrogate).toBe(0);
  });

  it('measures the parameter path from a reference (dense) policy, whose bound holds', async () => {
    const store = new ArtifactClient(sys.storeAddress);
    const id = await store.put(prunedBytes(0.6, 1), { kind: 'policy' });
    const res = await certify({ policy: { id }, referencePolicy: { id: policyId }, epsilon: 0.05, methods: ['crown'], states: encodeTensor(statesArr, [20, 11]), pathSteps: 4 });
    const pp = res.parameterPath!;
    expect(pp.steps).toBe(4);
    expect(pp.deltaNorm).toBeGreaterThan(0);
    expect(pp.measuredActionShift).toBeGreaterThan(0);
    expect(pp.measuredActionShift).toBeLessThanOrEqual(pp.lPar * pp.deltaNorm);
    expect(pp.sigmaMin).toBeCloseTo(Math.min(...Array.from(decodePolicy(bytes).model.logStd, Math.exp)), 6);
    // the reference with itself: no distance, no shift
    const self = await certify({ policy: { id: policyId }, referencePolicy: { id: policyId }, epsilon: 0.05, methods: ['crown'], states: encodeTensor(statesArr, [20, 11]) });
    expect(self.parameterPath).toMatchObject({ deltaNorm: 0, measuredActionShift: 0, steps: 10 });
    // a reference of another architecture is named
    const other = await store.put(randomPolicyBytes('Hopper-v4', 11, 3, 7, [16, 16]), { kind: 'policy' });
    const err = await certify({ policy: { id }, referencePolicy: { id: other }, epsilon: 0.05, methods: ['crown'], states: encodeTensor(statesArr, [20, 11]) }).catch(
      (e: grpc.ServiceError) => e,
    );
    expect((err as grpc.ServiceError).code).toBe(grpc.status.INVALID_ARGUMENT);
    expect((err as grpc.ServiceError).details).toMatch(/^reference_policy: its actor is 11-16-16-3 tanh but the policy's is 11-32-32-3 tanh/);
  });

  it('rejects negative epsilon, no or empty states, wrong width and unknown methods, naming the field', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ epsilon: -0.1, methods: ['lipschitz'] }, /^epsilon:/],
      [{ epsilon: 0.1, methods: ['ibp'] }, /^states:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(new Float32Array(0), [0, 11]) }, /^states:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(new Float32Array(10), [1, 10]) }, /^states:/],
      [{ epsilon: 0.1, methods: ['magic'] }, /^methods\[0\]:/],
      [{ epsilon: 0.1, methods: ['lipschitz'], referencePolicy: { id: 'f'.repeat(64) } }, /^states:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(statesArr, [20, 11]), referencePolicy: { id: 'nope' } }, /^reference_policy:/],
      [{ epsilon: 0.1, methods: ['ibp'], states: encodeTensor(statesArr, [20, 11]), pathSteps: 0 }, /^path_steps:/],
    ];
    for (const [req, field] of cases) {
      const err = await certify({ policy: { id: policyId }, ...req }).catch((e: grpc.ServiceError) => e);
      expect((err as grpc.ServiceError).code, JSON.stringify(req)).toBe(grpc.status.INVALID_ARGUMENT);
      expect((err as grpc.ServiceError).details).toMatch(field);
    }
  });
});
