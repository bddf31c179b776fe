// The exported graph is run by onnxruntime-web (Microsoft's ONNX Runtime compiled to WebAssembly, its
// CPU execution provider; a devDependency that installs from the npm registry with its binaries inside),
// and must give libs/nn's action means.
import { Rng } from '@rlprune/random';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import type { PolicyArtifact } from './artifact';
import { createKernelEngine } from './engine';
import { createActorCritic, setMask } from './mlp';
import { createObsNormalizer, normalizeObs, updateObsNormalizer } from './obs-normalizer';
import { ONNX_OPSET, onnxModelType } from './onnx-schema';
import { policyToOnnx } from './onnx-export';
import type { Activation } from './types';

const OBS = 11;
const ACT = 3;

/** A policy with trained-looking parts: non-trivial normaliser statistics, log-std, biases and ~half its weights masked. */
function policy(hidden: number[], activation: Activation, seed: number): PolicyArtifact {
  const rng = new Rng(seed);
  const model = createActorCritic({ obsDim: OBS, actDim: ACT, hidden, activation, actorOutputGain: 1 }, seed);
  model.actor.layers.forEach((l, i) => {
    l.b.set(Float32Array.from(l.b, () => rng.normal() * 0.1));
    setMask(model.actor, i, Float32Array.from(l.w, () => (rng.uniform() < 0.5 ? 0 : 1)));
  });
  model.logStd.set([-0.5, 0.25, -1.75]);
  const normalizer = createObsNormalizer(OBS, { clip: 5 });
  updateObsNormalizer(normalizer, Float64Array.from({ length: 200 * OBS }, (_, k) => rng.normal() * (1 + (k % OBS)) + (k % OBS) - 3), 200);
  return { metadata: { env: 'Hopper-v4', seed, sparsity: 0.5, trainingStep: 1000, parentId: null, labels: { method: 'ppo' } }, normalizer, model };
}

/** 1,000 raw observations spread widely enough that some normalised coordinates hit the clip. */
function observations(seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: 1000 * OBS }, (_, k) => rng.normal() * 4 * (1 + (k % OBS)) + (k % OBS) - 3);
}

describe('ONNX export', () => {
  it.each([
    [[64, 64], 'tanh'],
    [[64, 64], 'relu'],
    [[256, 256], 'tanh'],
    [[256, 256], 'relu'],
  ] as Array<[number[], Activation]>)('onnxruntime gives libs/nn\'s action means to 1e-5 on 1,000 observations (%j %s, masked)', async (hidden, activation) => {
    const p = policy(hidden, activation, hidden[0]! + (activation === 'relu' ? 1 : 0));
    const obs = observations(7);
    const x = normalizeObs(p.normalizer, obs, 1000);
    expect(x.some((v) => Math.abs(v) === 5)).toBe(true);
    const expected = createKernelEngine().predict(p.model.actor, x, 1000);

    const session = await ort.InferenceSession.create(policyToOnnx(p));
    expect(session.inputNames).toEqual(['obs']);
    expect(session.outputNames).toEqual(['action_mean', 'log_std']);
    const out = await session.run({ obs: new ort.Tensor('float32', obs, [1000, OBS]) });
    const mean = out.action_mean!;
    expect(mean.dims).toEqual([1000, ACT]);
    let worst = 0;
    for (let k = 0; k < expected.length; k++) worst = Math.max(worst, Math.abs((mean.data as Float32Array)[k]! - expected[k]!));
    expect(worst).toBeLessThan(1e-5);
    // The check would catch a wrong graph: the means vary across observations by far more than the tolerance.
    expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(0.1);
    expect(Array.from(out.log_std!.data as Float32Array)).toEqual(Array.from(p.model.logStd));
    await session.release();
  });

  it('passes observations through unchanged when the policy has no normaliser (imported without one)', async () => {
    // ReLU, so the large inputs reach the output linearly and any clipping would show.
    const p = policy([8], 'relu', 2);
    // The identity normaliser policyFromJson gives: its clip is beyond float32, so the graph clips at +-Infinity.
    p.normalizer = { mean: new Float64Array(OBS), var: new Float64Array(OBS).fill(1), count: 1e-4, clip: Number.MAX_VALUE, eps: 0 };
    const obs = Float32Array.from({ length: 50 * OBS }, (_, k) => (k % 7) * 1e3 - 3e3);
    const session = await ort.InferenceSession.create(policyToOnnx(p));
    const out = await session.run({ obs: new ort.Tensor('float32', obs, [50, OBS]) });
    const expected = createKernelEngine().predict(p.model.actor, obs, 50);
    const got = out.action_mean!.data as Float32Array;
    expect(Array.from(got).every((v, k) => Math.abs(v - expected[k]!) <= 1e-5 * Math.max(1, Math.abs(expected[k]!)))).toBe(true);
    expect(Math.max(...expected.map(Math.abs))).toBeGreaterThan(100);
    await session.release();
  });

  it('is an opset-17 graph of Sub, Div, Sqrt, Clip, Gemm and the activation, with pruned weights stored as 0', () => {
    const p = policy([16, 8], 'relu', 3);
    // Leave a weight non-zero under a 0 mask: the export must apply the mask, not trust the weights.
    p.model.actor.layers[0]!.w[0] = 0.75;
    p.model.actor.layers[0]!.mask[0] = 0;
    const model = onnxModelType().toObject(onnxModelType().decode(policyToOnnx(p)), { longs: Number, bytes: Array }) as {
      ir_version: number; opset_import: Array<{ version: number }>;
      graph: { node: Array<{ op_type: string }>; initializer: Array<{ name: string; dims: number[]; raw_data: number[] }> };
      metadata_props: Array<{ key: string; value: string }>;
    };
    expect(model.opset_import.map((o) => o.version)).toEqual([ONNX_OPSET]);
    expect(model.graph.node.map((n) => n.op_type)).toEqual(['Sub', 'Add', 'Sqrt', 'Div', 'Clip', 'Gemm', 'Relu', 'Gemm', 'Relu', 'Gemm', 'Identity']);
    const w0 = model.graph.initializer.find((t) => t.name === 'actor.0.weight')!;
    expect(w0.dims).toEqual([16, OBS]);
    const values = new Float32Array(Uint8Array.from(w0.raw_data).buffer);
    const mask = p.model.actor.layers[0]!.mask;
    expect(values.every((v, k) => (mask[k] === 0 ? v === 0 : v === p.model.actor.layers[0]!.w[k]))).toBe(true);
    expect(model.metadata_props).toContainEqual({ key: 'env', value: 'Hopper-v4' });
  });
});
