import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { decodePolicy, encodePolicy, PolicyFormatError, type PolicyArtifact } from './artifact';
import { createActorCritic, setMask } from './mlp';
import { createObsNormalizer, updateObsNormalizer } from './obs-normalizer';

function artifact(): PolicyArtifact {
  const model = createActorCritic({ obsDim: 11, actDim: 3, hidden: [16, 8] }, 5);
  const rng = new Rng(1);
  setMask(model.actor, 1, Float32Array.from(model.actor.layers[1]!.w, () => (rng.uniform() < 0.3 ? 0 : 1)));
  model.actor.layers[0]!.b.set([0.1, -3.5e-12, Math.fround(1 / 3)]);
  model.logStd.set([-0.5, 0.25, Math.fround(Math.PI)]);
  const normalizer = createObsNormalizer(11);
  updateObsNormalizer(normalizer, Float64Array.from({ length: 5 * 11 }, () => rng.normal() * 3 + 1), 5);
  return {
    metadata: { env: 'Hopper-v4', seed: 7, sparsity: 0.3, trainingStep: 123_456, parentId: 'ab'.repeat(32), labels: { method: 'sa-ppo' } },
    normalizer,
    model,
    extraTensors: { 'adam.m.0': Float32Array.from([1, 2, 3]), rngState: Float64Array.from([2 ** 40 + 1]) },
    extraJson: { rewardScaler: { count: 12, mean: 0.5 } },
  };
}

const sameBits = (a: Float32Array | Float64Array, b: Float32Array | Float64Array) =>
  expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true);

describe('policy artifact', () => {
  it('round-trips every tensor bit-for-bit, with metadata and extras', () => {
    const a = artifact();
    const b = decodePolicy(encodePolicy(a));
    expect(b.metadata).toEqual(a.metadata);
    sameBits(b.normalizer.mean, a.normalizer.mean);
    sameBits(b.normalizer.var, a.normalizer.var);
    expect(b.normalizer.count).toBe(a.normalizer.count);
    for (const net of ['actor', 'critic'] as const) {
      expect(b.model[net].activation).toBe(a.model[net].activation);
      a.model[net].layers.forEach((l, i) => {
        sameBits(b.model[net].layers[i]!.w, l.w);
        sameBits(b.model[net].layers[i]!.b, l.b);
        sameBits(b.model[net].layers[i]!.mask, l.mask);
      });
    }
    sameBits(b.model.logStd, a.model.logStd);
    sameBits(b.extraTensors!['adam.m.0']!, a.extraTensors!['adam.m.0']!);
    expect(b.extraTensors!.rngState).toBeInstanceOf(Float64Array);
    expect(b.extraJson).toEqual(a.extraJson);
    expect(encodePolicy(b).equals(encodePolicy(a))).toBe(true);
  });

  it('rejects a corrupt byte, a truncated file, a future version and a foreign file clearly', () => {
    const buf = encodePolicy(artifact());
    const flipped = Buffer.from(buf);
    flipped[buf.length - 100]! ^= 0x10;
    expect(() => decodePolicy(flipped)).toThrow(/checksum mismatch/);
    expect(() => decodePolicy(buf.subarray(0, buf.length - 7))).toThrow(/truncated/);
    expect(() => decodePolicy(buf.subarray(0, 20))).toThrow(/truncated/);
    const future = Buffer.from(buf);
    future.writeUInt32LE(99, 8);
    expect(() => decodePolicy(future)).toThrow(/version 99: written by a newer rlprune/);
    expect(() => decodePolicy(Buffer.from('{"not":"a policy"}'))).toThrow(PolicyFormatError);
    expect(() => decodePolicy(Buffer.from('{"not":"a policy"}'))).toThrow(/expected a policy file starting with "RLPPOLCY"/);
  });

  it('refuses to write an inconsistent artifact', () => {
    const a = artifact();
    a.model.logStd = new Float32Array(2);
    expect(() => encodePolicy(a)).toThrow('model.logStd: expected 3 values (actor outDim), got 2');
  });
});
