import { describe, expect, it } from 'vitest';
import { encodeTensor, protos, TensorShapeError } from './index';
import { decodeStepRequest, decodeStepResponse, encodeStepRequest, encodeStepResponse, StepDecodeError } from './step-codec';

const SESSION = protos().rlprune.simulator.v1.Simulator.service.Session;

/** Deterministic values of every sign and magnitude (no RNG needed: the codec only copies them). */
class Values {
  private i = 0;
  next(): number {
    this.i++;
    return Math.sin(this.i * 12.9898) * 43758.5453 - Math.floor(Math.sin(this.i * 12.9898) * 43758.5453) - 0.5;
  }
}

function sampleStep(rng: Values, n: number, d: number, ended: boolean) {
  const floats = (k: number) => Array.from({ length: k }, () => Math.fround(rng.next() * 1000));
  const flags = () => Array.from({ length: n }, () => ended && rng.next() < -0.1);
  return {
    observations: encodeTensor(floats(n * d), [n, d]),
    rewards: floats(n),
    terminated: flags(),
    truncated: flags(),
    ...(ended
      ? {
          finalObservations: encodeTensor(floats(n * d), [n, d]),
          episodeReturns: floats(n),
          episodeLengths: Array.from({ length: n }, () => Math.floor((rng.next() + 0.5) * 1_000_000)),
        }
      : {}),
  };
}

const floatsOf = (t: { data: Buffer }) => Array.from(new Float32Array(new Uint8Array(t.data).buffer));

describe('encodeStepRequest', () => {
  it('writes the same bytes as the generated codec, which decodes them back to the actions', () => {
    const rng = new Values();
    for (const [n, a] of [[1, 1], [16, 6], [7, 300]] as const) {
      const actions = Float32Array.from({ length: n * a }, () => rng.next() * 2);
      const bytes = encodeStepRequest(actions, n, a);
      expect(bytes.equals(SESSION.requestSerialize({ step: { actions: encodeTensor(actions, [n, a]) } }))).toBe(true);
      const back = SESSION.requestDeserialize(bytes);
      expect(back.step!.actions!.shape).toEqual([n, a]);
      expect(floatsOf(back.step!.actions as { data: Buffer })).toEqual(Array.from(actions));
    }
  });

  it('writes env_indices as the generated codec does, and the server side reads them back', () => {
    const rng = new Values();
    for (const idx of [[3, 1], [0], [200, 5, 129, 16383, 16384]]) {
      const actions = Float32Array.from({ length: idx.length * 6 }, () => rng.next());
      const bytes = encodeStepRequest(actions, idx.length, 6, idx);
      expect(bytes.equals(SESSION.requestSerialize({ step: { actions: encodeTensor(actions, [idx.length, 6]), envIndices: idx } }))).toBe(true);
      expect(SESSION.requestDeserialize(bytes).step!.envIndices).toEqual(idx);
      expect(decodeStepRequest(bytes)!.step!.envIndices).toEqual(idx);
    }
    // an empty list is no list: the bytes of a plain step
    const a = new Float32Array([1, 2]);
    expect(encodeStepRequest(a, 1, 2, []).equals(encodeStepRequest(a, 1, 2))).toBe(true);
  });

  it('rejects actions whose count does not match the shape, naming both', () => {
    expect(() => encodeStepRequest(new Float32Array(5), 2, 3)).toThrow(TensorShapeError);
    expect(() => encodeStepRequest(new Float32Array(5), 2, 3)).toThrow('has 5 values but shape [2, 3] needs 6');
  });
});

describe('decodeStepResponse', () => {
  it('reads what the generated codec writes, with and without ended episodes', () => {
    const rng = new Values();
    for (const [n, d, ended] of [[1, 4, false], [16, 17, false], [16, 17, true], [3, 376, true]] as const) {
      const step = sampleStep(rng, n, d, ended);
      const got = decodeStepResponse(SESSION.responseSerialize({ step }), n, d)!;
      expect(Array.from(got.obs)).toEqual(floatsOf(step.observations));
      expect(Array.from(got.rewards)).toEqual(step.rewards);
      expect(Array.from(got.terminated)).toEqual(step.terminated.map(Number));
      expect(Array.from(got.truncated)).toEqual(step.truncated.map(Number));
      if (step.finalObservations) {
        expect(Array.from(got.finalObs)).toEqual(floatsOf(step.finalObservations));
        expect(Array.from(got.episodeReturns)).toEqual(step.episodeReturns);
        expect(Array.from(got.episodeLengths)).toEqual(step.episodeLengths);
      } else {
        // left out on the wire when no episode ended: zeros of the full size
        expect(got.finalObs).toEqual(new Float32Array(n * d));
        expect(got.episodeReturns).toEqual(new Float32Array(n));
        expect(got.episodeLengths).toEqual(new Uint32Array(n));
      }
    }
  });

  it('reads unpacked repeated fields and skips unknown ones, as any protobuf decoder must', () => {
    // StepResult written field by field: rewards (2) and terminated (3) unpacked, an unknown
    // field 9 (varint) in between, observations last.
    const obs = new Float32Array([1.5, -2]);
    const obsBytes = Buffer.from(obs.buffer);
    const tensor = Buffer.concat([Buffer.from([0x0a, obsBytes.length]), obsBytes, Buffer.from([0x12, 2, 1, 2])]);
    const reward = Buffer.alloc(4);
    reward.writeFloatLE(0.25);
    const step = Buffer.concat([
      Buffer.from([(2 << 3) | 5]),
      reward,
      Buffer.from([(9 << 3) | 0, 0x96, 0x01]),
      Buffer.from([(3 << 3) | 0, 1, (4 << 3) | 0, 0]),
      Buffer.from([(1 << 3) | 2, tensor.length]),
      tensor,
    ]);
    const bytes = Buffer.concat([Buffer.from([(3 << 3) | 2, step.length]), step]);
    const got = decodeStepResponse(bytes, 1, 2)!;
    expect(Array.from(got.obs)).toEqual([1.5, -2]);
    expect(Array.from(got.rewards)).toEqual([0.25]);
    expect(Array.from(got.terminated)).toEqual([1]);
    expect(Array.from(got.truncated)).toEqual([0]);
    // the generated codec agrees
    const generic = SESSION.responseDeserialize(bytes).step!;
    expect(generic.rewards).toEqual([0.25]);
    expect(generic.terminated).toEqual([true]);
  });

  it('leaves other answers to the generic decoder', () => {
    expect(decodeStepResponse(SESSION.responseSerialize({ observations: encodeTensor([1, 2], [1, 2]) }), 1, 2)).toBeUndefined();
    expect(decodeStepResponse(SESSION.responseSerialize({ restored: {} }), 1, 2)).toBeUndefined();
    expect(decodeStepResponse(Buffer.alloc(0), 1, 2)).toBeUndefined();
  });

  it('checks shapes like decodeTensor and reports truncated bytes', () => {
    const rng = new Values();
    const bytes = SESSION.responseSerialize({ step: sampleStep(rng, 2, 3, false) });
    expect(() => decodeStepResponse(bytes, 2, 4)).toThrow('observations: expected shape [2, 4], got [2, 3]');
    expect(() => decodeStepResponse(bytes.subarray(0, bytes.length - 3), 2, 3)).toThrow(StepDecodeError);
    const noObs = SESSION.responseSerialize({ step: { rewards: [1], terminated: [false], truncated: [false] } });
    expect(() => decodeStepResponse(noObs, 1, 3)).toThrow('observations: is required');
  });
});

describe('encodeStepResponse', () => {
  it('writes the bytes the generated codec writes for the same StepResult, and decodeStepResponse reads them back', () => {
    const rng = new Values();
    for (const [n, d, ended] of [[1, 4, false], [16, 17, false], [16, 11, true], [5, 3, true]] as const) {
      const msg = sampleStep(rng, n, d, ended);
      // a step where an episode ended must have an ended flag, else the encoder leaves the extras out
      if (ended) msg.terminated[0] = true;
      const step = {
        obs: new Float32Array(floatsOf(msg.observations)),
        rewards: Float32Array.from(msg.rewards),
        terminated: Uint8Array.from(msg.terminated, Number),
        truncated: Uint8Array.from(msg.truncated, Number),
        finalObs: ended ? new Float32Array(floatsOf(msg.finalObservations!)) : new Float32Array(n * d),
        episodeReturns: ended ? Float32Array.from(msg.episodeReturns!) : new Float32Array(n),
        episodeLengths: ended ? Uint32Array.from(msg.episodeLengths!) : new Uint32Array(n),
      };
      const bytes = encodeStepResponse(step);
      expect(Buffer.compare(bytes, SESSION.responseSerialize({ step: msg }))).toBe(0);
      expect(decodeStepResponse(bytes, n, d)).toEqual(step);
    }
  });
});

describe('decodeStepRequest', () => {
  it('reads what the generated codec writes for a step, as the generated decoder would', () => {
    const rng = new Values();
    for (const [n, a] of [[1, 1], [16, 6], [7, 300]] as const) {
      const actions = Float32Array.from({ length: n * a }, () => rng.next() * 2);
      const bytes = SESSION.requestSerialize({ step: { actions: encodeTensor(actions, [n, a]) } });
      const fast = decodeStepRequest(bytes)!;
      const generic = SESSION.requestDeserialize(bytes);
      // the same message, down to the oneof's name and the defaults of absent fields
      expect(fast).toEqual(generic);
      expect(Buffer.isBuffer(fast.step!.actions!.data)).toBe(true);
      expect(Array.from(new Float32Array(new Uint8Array(fast.step!.actions!.data).buffer))).toEqual(Array.from(actions));
      expect(fast.step!.envIndices).toEqual([]);
    }
  });

  it('leaves every other request, and bytes that do not parse, to the generic decoder', () => {
    const step = encodeStepRequest(new Float32Array([1, 2, 3, 4]), 2, 2);
    expect(decodeStepRequest(step)).toBeDefined();
    expect(decodeStepRequest(SESSION.requestSerialize({ reset: {} }))).toBeUndefined();
    expect(decodeStepRequest(SESSION.requestSerialize({ create: { envId: 'Hopper-v4', numEnvs: 2, seed: 1 } }))).toBeUndefined();
    expect(decodeStepRequest(Buffer.alloc(0))).toBeUndefined();
    // truncated anywhere: the generic path reports where
    for (let cut = 1; cut < step.length; cut++) expect(decodeStepRequest(step.subarray(0, cut))).toBeUndefined();
    // a step followed by another top-level field is not a plain step
    expect(decodeStepRequest(Buffer.concat([step, SESSION.requestSerialize({ reset: {} })]))).toBeUndefined();
  });
});
