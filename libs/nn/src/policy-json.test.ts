import { Rng } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { decodePolicy, encodePolicy, type PolicyArtifact } from './artifact';
import { createKernelEngine } from './engine';
import { createActorCritic, setMask } from './mlp';
import { createObsNormalizer, normalizeObs, updateObsNormalizer } from './obs-normalizer';
import { policyFromJson, policyToJson } from './policy-json';

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
    extraTensors: { 'adam.m.0': Float32Array.from([1, 2, 3]), rngState: Float64Array.from([2 ** 40 + 1, Math.PI]) },
    extraJson: { rewardScaler: { count: 12, mean: 0.5 } },
  };
}

/** What a policy file's JSON reads back as, after a trip through text. */
const viaText = (a: PolicyArtifact) => JSON.parse(JSON.stringify(policyToJson(a))) as Record<string, unknown>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The smallest JSON a PyTorch script writes: no masks, no dims, no normaliser, env only. */
function minimal(): Json {
  const j = viaText(artifact()) as Json;
  for (const net of ['actor', 'critic']) {
    for (const l of j[net].layers) {
      delete l.mask;
      delete l.inDim;
      delete l.outDim;
    }
  }
  return { metadata: { env: 'Hopper-v4' }, actor: j.actor, critic: j.critic, logStd: j.logStd };
}

describe('policy JSON', () => {
  it('prints weights and masks as [outDim][inDim] rows that give back the same float32 bits', () => {
    const a = artifact();
    const json = viaText(a) as { actor: { layers: Array<{ w: number[][]; mask: number[][] }> } };
    const l1 = a.model.actor.layers[1]!;
    expect(json.actor.layers[1]!.w.length).toBe(l1.outDim);
    expect(json.actor.layers[1]!.w[0]!.length).toBe(l1.inDim);
    expect(Float32Array.from(json.actor.layers[1]!.w.flat())).toEqual(l1.w);
    expect(Float32Array.from(json.actor.layers[1]!.mask.flat())).toEqual(l1.mask);
  });

  it('round-trips to the same policy file, byte for byte (weights, masks, normaliser, extras and their dtypes)', () => {
    const a = artifact();
    const back = policyFromJson(viaText(a));
    expect(back.extraTensors!['adam.m.0']).toBeInstanceOf(Float32Array);
    expect(back.extraTensors!.rngState).toBeInstanceOf(Float64Array);
    expect(Buffer.from(encodePolicy(back)).equals(encodePolicy(a))).toBe(true);
  });

  it('imports a bare PyTorch-style MLP: all-ones masks, identity normaliser, sparsity from the masks', () => {
    const a = artifact();
    const p = policyFromJson(minimal());
    expect(p.metadata).toEqual({ env: 'Hopper-v4', seed: 0, sparsity: 0, trainingStep: 0, parentId: null, labels: {} });
    expect(p.model.actor.layers.map((l) => [l.inDim, l.outDim])).toEqual([[11, 16], [16, 8], [8, 3]]);
    expect(p.model.actor.layers.every((l) => l.mask.every((m) => m === 1))).toBe(true);
    // The identity normaliser leaves observations as they are, however large.
    const obs = Float64Array.from({ length: 2 * 11 }, (_, i) => (i - 11) * 1e6);
    expect(normalizeObs(p.normalizer, obs, 2)).toEqual(Float32Array.from(obs));
    // Same weights as the source (whose pruned weights are exact zeros), so the same actions on the same input.
    const engine = createKernelEngine('js');
    const x = Float32Array.from({ length: 4 * 11 }, (_, i) => Math.sin(i));
    expect(engine.predict(p.model.actor, x, 4)).toEqual(engine.predict(a.model.actor, x, 4));
    // And it is a valid policy file.
    expect(decodePolicy(encodePolicy(p)).model.actor.layers[2]!.outDim).toBe(3);
  });

  it('takes a given mask as authoritative: masked weights become 0 and count as pruned', () => {
    const j = minimal();
    j.actor.layers[0].mask = j.actor.layers[0].w.map((row: number[]) => row.map((_: number, c: number) => (c < 5 ? 0 : 1)));
    const p = policyFromJson(j);
    const l0 = p.model.actor.layers[0]!;
    expect(l0.w.filter((_, k) => k % 11 < 5).every((v) => v === 0)).toBe(true);
    expect(p.metadata.sparsity).toBeCloseTo((16 * 5) / (11 * 16 + 16 * 8 + 8 * 3), 12);
  });

  it('fills a partial normaliser with the defaults of createObsNormalizer', () => {
    const j = minimal();
    j.normalizer = { mean: Array(11).fill(1), var: Array(11).fill(4) };
    const n = policyFromJson(j).normalizer;
    expect([n.count, n.clip, n.eps]).toEqual([1e-4, 10, 1e-8]);
    expect(n.mean).toEqual(new Float64Array(11).fill(1));
  });

  const cases: Array<[string, (j: Json) => void, string]> = [
    ['a weight matrix short of a row', (j) => { j.actor.layers[1].outDim = 8; j.actor.layers[1].w.pop(); }, 'actor.layers[1].w: expected 8x16 numbers ([outDim][inDim], as PyTorch nn.Linear.weight), got 7x16'],
    ['a ragged weight row', (j) => j.actor.layers[1].w[5].pop(), 'actor.layers[1].w[5]: expected 16 numbers, got 15'],
    ['a weight that is not a number', (j) => (j.critic.layers[0].w[2][3] = 'abc'), 'critic.layers[0].w[2][3]: expected a finite number, got "abc"'],
    ['a NaN written as null', (j) => (j.actor.layers[0].b[1] = null), 'actor.layers[0].b[1]: expected a finite number, got null'],
    ['a bias of the wrong length', (j) => j.actor.layers[2].b.push(0), 'actor.layers[2].b: expected 3 numbers, got 4'],
    ['a declared inDim that does not chain', (j) => (j.actor.layers[1].inDim = 15), "actor.layers[1].inDim: expected 16 (the previous layer's outDim), got 15"],
    ['a critic with 2 outputs', (j) => j.critic.layers[2].w.push(j.critic.layers[2].w[0]), 'critic.layers[2].w: expected 1x8 numbers'],
    ['a critic on another observation width', (j) => j.critic.layers[0].w.forEach((r: number[]) => r.pop()), 'critic.layers[0].w: expected rows of 11 numbers ([outDim][inDim], as PyTorch nn.Linear.weight), got 16x10'],
    ['no critic', (j) => delete j.critic, 'critic: expected an object, got nothing'],
    ['an unknown activation', (j) => (j.actor.activation = 'gelu'), 'actor.activation: expected "tanh" or "relu", got "gelu"'],
    ['a log-std per action missing', (j) => j.logStd.pop(), 'logStd: expected 3 numbers, got 2'],
    ['a misspelt field', (j) => (j.normaliser = {}), 'policy.normaliser: expected one of the fields formatVersion, metadata, normalizer'],
    ['a misspelt layer field', (j) => (j.actor.layers[0].weight = j.actor.layers[0].w), 'actor.layers[0].weight: expected one of the fields inDim, outDim, w, b, mask, got an unknown field'],
    ['a mask entry that is not 0 or 1', (j) => (j.actor.layers[0].mask = j.actor.layers[0].w.map((r: number[]) => r.map(() => 0.5))), 'actor.layers[0].mask[0][0]: expected 0 or 1, got 0.5'],
    ['no env', (j) => delete j.metadata.env, 'metadata.env: expected an environment id such as "Hopper-v4", got nothing'],
    ['a normaliser of the wrong width', (j) => (j.normalizer = { mean: [0], var: [1] }), 'normalizer.var: expected 11 numbers, got 1'],
    ['a negative variance', (j) => (j.normalizer = { mean: Array(11).fill(0), var: Array(11).fill(-1) }), 'normalizer.var[0]: expected a number >= 0, got -1'],
    ['a weight beyond float32', (j) => (j.actor.layers[0].w[0][1] = 1e39), 'actor.layers[0].w[0][1]: expected a number within float32 range (|x| < 3.4e38), got 1e+39'],
    ['a zero variance with eps 0', (j) => (j.normalizer = { mean: Array(11).fill(0), var: [1, 0, ...Array(9).fill(1)], eps: 0 }), 'normalizer.var[1]: expected var + eps > 0 (eps is 0), got 0'],
    ['a newer format', (j) => (j.formatVersion = 2), 'formatVersion: expected 1..1 (this rlprune), got 2'],
    ['a label that is not a string', (j) => (j.metadata.labels = { kappa: 0.3 }), 'metadata.labels.kappa: expected a string, got 0.3'],
    ['a dtype that does not exist', (j) => Object.assign(j, { extraTensors: { a: [1] }, extraTensorDtypes: { a: 'f16' } }), 'extraTensorDtypes.a: expected "f32" or "f64", got "f16"'],
  ];
  it.each(cases)('refuses %s, naming the field', (_, spoil, message) => {
    const j = minimal();
    spoil(j);
    expect(() => policyFromJson(j)).toThrow(message);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(() => policyFromJson([1, 2])).toThrow('policy: expected an object, got an array of length 2');
  });
});
