import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodePolicy, encodePolicy, PolicyFormatError, type PolicyArtifact } from './artifact';
import { MAX_POLICY_PARAMETERS } from './artifact-header';
import { createActorCritic } from './mlp';
import { createObsNormalizer } from './obs-normalizer';

function artifact(): PolicyArtifact {
  return {
    metadata: { env: 'Hopper-v4', seed: 1, sparsity: 0, trainingStep: 0, parentId: null, labels: {} },
    normalizer: createObsNormalizer(3),
    model: createActorCritic({ obsDim: 3, actDim: 2, hidden: [4] }, 1),
  };
}

/** Re-frames a file with `edit` applied to its JSON header and a valid checksum over the result. */
function withHeader(file: Buffer, edit: (h: Record<string, unknown>) => unknown): Buffer {
  const headerLength = file.readUInt32LE(12);
  const dataStart = (16 + headerLength + 7) & ~7;
  const header = JSON.parse(file.subarray(16, 16 + headerLength).toString('utf8')) as Record<string, unknown>;
  const edited = edit(header);
  const text = Buffer.from(JSON.stringify(edited === undefined ? header : edited), 'utf8');
  const newStart = (16 + text.length + 7) & ~7;
  const data = file.subarray(dataStart, file.length - 32);
  const out = Buffer.alloc(newStart + data.length + 32);
  file.copy(out, 0, 0, 12);
  out.writeUInt32LE(text.length, 12);
  text.copy(out, 16);
  data.copy(out, newStart);
  createHash('sha256').update(out.subarray(0, out.length - 32)).digest().copy(out, out.length - 32);
  return out;
}

const tensors = (h: Record<string, unknown>) => h.tensors as Array<Record<string, unknown>>;

describe('policy header checks', () => {
  const good = encodePolicy(artifact());
  const cases: Array<[string, (h: Record<string, unknown>) => unknown, RegExp]> = [
    ['null header', () => null, /policy header \(the whole header\): expected an object, got null/],
    ['no tensors', (h) => void delete h.tensors, /tensors: expected a list/],
    ['no actor', (h) => void delete h.actor, /actor: expected an object, got nothing/],
    ['normalizer null', (h) => void (h.normalizer = null), /normalizer: expected an object, got null/],
    ['dims "abc"', (h) => void ((h.actor as Record<string, unknown>).dims = 'abc'), /actor\.dims: expected a list of at least 2 widths, got "abc"/],
    ['negative offset', (h) => void (tensors(h)[2]!.offset = -8), /tensors\[2\]\.offset: expected an integer >= 0, got -8/],
    ['fractional length', (h) => void (tensors(h)[0]!.length = 1.5), /tensors\[0\]\.length: expected an integer >= 0/],
    ['unknown dtype', (h) => void (tensors(h)[0]!.dtype = 'f16'), /tensors\[0\]\.dtype/],
    ['metadata missing', (h) => void delete h.metadata, /metadata: expected an object/],
    ['labels not strings', (h) => void ((h.metadata as Record<string, unknown>).labels = { a: 1 }), /metadata\.labels\."a": expected a string/],
    ['huge dims', (h) => void ((h.actor as Record<string, unknown>).dims = [3, 65536, 65536, 2]), /at most \d+ parameters in all/],
    ['activation', (h) => void ((h.critic as Record<string, unknown>).activation = 'gelu'), /critic\.activation/],
  ];
  for (const [name, edit, message] of cases) {
    it(`refuses ${name} with a PolicyFormatError naming the field`, () => {
      const bad = withHeader(good, edit);
      expect(() => decodePolicy(bad)).toThrow(PolicyFormatError);
      expect(() => decodePolicy(bad)).toThrow(message);
    });
  }

  it('an unchanged header round-trips through the re-framing', () => {
    expect(decodePolicy(withHeader(good, () => undefined)).metadata.env).toBe('Hopper-v4');
  });

  it('refuses NaN weights and negative variances, naming the tensor and index', () => {
    const a = artifact();
    a.model.actor.layers[0]!.w[5] = NaN;
    expect(() => decodePolicy(encodePolicy(a))).toThrow(/tensor actor\.0\.w\[5\]: expected finite values, got NaN/);
    const b = artifact();
    b.normalizer.var[1] = -1;
    expect(() => decodePolicy(encodePolicy(b))).toThrow(/normalizer\.var\[1\]: expected a variance >= 0/);
  });

  it('quotes at most ~100 characters of a bad value', () => {
    const bad = withHeader(good, (h) => void ((h.metadata as Record<string, unknown>).env = 'x'.repeat(100_000)));
    // env must be a string: a long string is fine; a long non-string is quoted short
    expect(decodePolicy(bad).metadata.env).toHaveLength(100_000);
    const worse = withHeader(good, (h) => void ((h.actor as Record<string, unknown>).dims = 'y'.repeat(100_000)));
    const message = (() => {
      try {
        decodePolicy(worse);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/\(100002 characters\)$/);
    expect(message.length).toBeLessThan(300);
    expect(MAX_POLICY_PARAMETERS).toBeGreaterThan(1e6);
  });
});
