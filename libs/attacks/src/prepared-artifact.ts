// What Prepare produces: the nets an attack learned (robust sarsa's Q, the learned adversary's actor)
// with the victim shape they were learned for. A small versioned format of its own, because libs/nn's
// policy format requires an actor-critic pair of equal input widths and Q takes [s, a].
//
// Layout (little-endian):
//   0   8 bytes  magic "RLPATTCK"
//   8   u32      format version
//   12  u32      header length H
//   16  H bytes  UTF-8 JSON header (attack, env, epsilon, shapes, nets, tensors directory, metrics)
//   ... zero padding to a multiple of 4, then float32 tensors back to back, then raw byte blobs
//       (e.g. a whole libs/nn policy artifact), each padded to a multiple of 4
//   end 32 bytes sha256 of everything before it
import { createHash } from 'node:crypto';
import type { Activation, Mlp } from '@rlprune/nn';
import { show, InvalidArgumentError } from '@rlprune/errors';

export const PREPARED_MAGIC = 'RLPATTCK';
export const PREPARED_FORMAT_VERSION = 1;
const PREAMBLE = 16;
const DIGEST = 32;

export interface PreparedArtifact {
  /** Attack that produced it, e.g. "rs". */
  attack: string;
  /** Environment it was learned in. */
  envId: string;
  /** Budget it was learned for (the learned adversary's; informational for robust sarsa). */
  epsilon: number;
  /** Observation and action widths of the victim. */
  obsDim: number;
  actDim: number;
  /** Learned nets by name, e.g. { q: ... }. */
  nets: Record<string, Mlp>;
  /** Other learned tensors by name, e.g. { logStd: ... }. */
  tensors: Record<string, Float32Array>;
  /** Final diagnostics of the preparation, e.g. { tdError: 0.2 }. */
  metrics: Record<string, number>;
  /** Opaque byte payloads by name, e.g. { adversary: <libs/nn policy artifact> }. */
  blobs?: Record<string, Uint8Array>;
}

interface Header {
  attack: string;
  envId: string;
  epsilon: number;
  obsDim: number;
  actDim: number;
  nets: Record<string, { activation: Activation; dims: number[] }>;
  tensors: Array<{ name: string; length: number }>;
  metrics: Record<string, number>;
  blobs?: Array<{ name: string; length: number }>;
}

function namedTensors(a: PreparedArtifact): Array<[string, Float32Array]> {
  const out: Array<[string, Float32Array]> = [];
  for (const [net, mlp] of Object.entries(a.nets)) {
    mlp.layers.forEach((l, i) => out.push([`${net}.${i}.w`, l.w], [`${net}.${i}.b`, l.b], [`${net}.${i}.mask`, l.mask]));
  }
  for (const [name, t] of Object.entries(a.tensors)) out.push([`tensor.${name}`, t]);
  return out;
}

export function encodePrepared(a: PreparedArtifact): Buffer {
  const tensors = namedTensors(a);
  const header: Header = {
    attack: a.attack, envId: a.envId, epsilon: a.epsilon, obsDim: a.obsDim, actDim: a.actDim,
    nets: Object.fromEntries(Object.entries(a.nets).map(([k, m]) => [k, { activation: m.activation, dims: [m.layers[0]!.inDim, ...m.layers.map((l) => l.outDim)] }])),
    tensors: tensors.map(([name, t]) => ({ name, length: t.length })),
    metrics: a.metrics,
    blobs: Object.entries(a.blobs ?? {}).map(([name, b]) => ({ name, length: b.length })),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = (PREAMBLE + headerBytes.length + 3) & ~3;
  const pad4 = (n: number) => (n + 3) & ~3;
  const blobs = Object.values(a.blobs ?? {});
  const dataLength = tensors.reduce((s, [, t]) => s + t.byteLength, 0) + blobs.reduce((s, b) => s + pad4(b.length), 0);
  const buf = Buffer.alloc(dataStart + dataLength + DIGEST);
  buf.write(PREPARED_MAGIC, 0, 'latin1');
  buf.writeUInt32LE(PREPARED_FORMAT_VERSION, 8);
  buf.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(buf, PREAMBLE);
  let offset = dataStart;
  for (const [, t] of tensors) {
    for (let i = 0; i < t.length; i++) buf.writeFloatLE(t[i]!, offset + 4 * i);
    offset += t.byteLength;
  }
  for (const blob of blobs) {
    buf.set(blob, offset);
    offset += pad4(blob.length);
  }
  createHash('sha256').update(buf.subarray(0, buf.length - DIGEST)).digest().copy(buf, buf.length - DIGEST);
  return buf;
}

function bad(expected: string, actual: string): InvalidArgumentError {
  return new InvalidArgumentError('prepared', expected, actual);
}

export function decodePrepared(bytes: Uint8Array): PreparedArtifact {
  if (!(bytes instanceof Uint8Array)) throw bad('the bytes of a prepared attack artifact', show(bytes));
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < PREAMBLE + DIGEST || b.subarray(0, 8).toString('latin1') !== PREPARED_MAGIC) {
    throw bad(`a prepared attack artifact starting with "${PREPARED_MAGIC}"`, b.length < 8 ? `${b.length} bytes` : JSON.stringify(b.subarray(0, 8).toString('latin1')));
  }
  const version = b.readUInt32LE(8);
  if (version !== PREPARED_FORMAT_VERSION) throw bad(`format version ${PREPARED_FORMAT_VERSION}`, `version ${version}`);
  const digest = createHash('sha256').update(b.subarray(0, b.length - DIGEST)).digest();
  if (!digest.equals(b.subarray(b.length - DIGEST))) throw bad('a matching sha256 checksum', 'a mismatch (the artifact is corrupt or truncated)');
  const headerLength = b.readUInt32LE(12);
  const header = JSON.parse(b.subarray(PREAMBLE, PREAMBLE + headerLength).toString('utf8')) as Header;
  let offset = (PREAMBLE + headerLength + 3) & ~3;
  const tensors = new Map<string, Float32Array>();
  for (const t of header.tensors) {
    const arr = new Float32Array(t.length);
    for (let i = 0; i < t.length; i++) arr[i] = b.readFloatLE(offset + 4 * i);
    offset += 4 * t.length;
    tensors.set(t.name, arr);
  }
  const blobs: Record<string, Uint8Array> = {};
  for (const blob of header.blobs ?? []) {
    if (offset + blob.length + DIGEST > b.length) throw bad(`a blob "${blob.name}" of ${blob.length} bytes`, 'a truncated artifact');
    blobs[blob.name] = new Uint8Array(b.subarray(offset, offset + blob.length));
    offset += (blob.length + 3) & ~3;
  }
  if (offset + DIGEST !== b.length) throw bad(`${offset + DIGEST} bytes`, `${b.length} bytes`);
  const take = (name: string): Float32Array => {
    const t = tensors.get(name);
    if (!t) throw bad(`a tensor "${name}"`, 'none');
    return t;
  };
  const nets: Record<string, Mlp> = {};
  for (const [name, { activation, dims }] of Object.entries(header.nets)) {
    nets[name] = {
      activation,
      layers: dims.slice(1).map((outDim, i) => {
        const inDim = dims[i]!;
        const layer = { inDim, outDim, w: take(`${name}.${i}.w`), b: take(`${name}.${i}.b`), mask: take(`${name}.${i}.mask`) };
        if (layer.w.length !== inDim * outDim || layer.b.length !== outDim) throw bad(`net ${name} layer ${i} of shape [${outDim}, ${inDim}]`, 'other lengths');
        return layer;
      }),
    };
  }
  const extra: Record<string, Float32Array> = {};
  for (const [name, t] of tensors) if (name.startsWith('tensor.')) extra[name.slice(7)] = t;
  return {
    attack: header.attack, envId: header.envId, epsilon: header.epsilon, obsDim: header.obsDim, actDim: header.actDim,
    nets, tensors: extra, metrics: header.metrics, blobs,
  };
}
