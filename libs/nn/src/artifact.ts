// The policy artifact: one binary file holding everything needed to run, inspect, attack or certify a
// policy, and (with extras) to resume training from it.
//
// Layout (all integers little-endian):
//   0   8 bytes  magic "RLPPOLCY"
//   8   u32      format version
//   12  u32      header length H in bytes
//   16  H bytes  header, UTF-8 JSON (metadata, net shapes, tensor directory, extra JSON)
//   ... zero padding to a multiple of 8
//   ... tensor data, each tensor at an 8-aligned offset (little-endian float32 or float64)
//   end 32 bytes sha256 of every byte before it
// Tensors are copied bit-for-bit, so decode(encode(a)) reproduces every weight exactly.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import type { ActorCritic, Mlp, ObsNormalizer } from './types';
import { PolicyFormatError } from './policy-format-error';
import { checkPolicyHeader, checkPolicyValues, type PolicyHeader, type TensorEntry } from './artifact-header';

export const POLICY_MAGIC = 'RLPPOLCY';
/** The newest format this code writes and reads. */
export const POLICY_FORMAT_VERSION = 1;
const PREAMBLE = 16;
const DIGEST = 32;

export interface PolicyMetadata {
  /** Environment id, e.g. "Hopper-v4". */
  env: string;
  /** Run seed the policy was trained from. */
  seed: number;
  /** Fraction of pruned weights (0 for a dense net). */
  sparsity: number;
  /** Environment steps of training behind this policy. */
  trainingStep: number;
  /** Content id of the policy this one was derived from (pruned from, fine-tuned from), or null. */
  parentId: string | null;
  /** Free-form labels, e.g. { method: "sa-ppo", kappa: "0.3" }. */
  labels: Record<string, string>;
}

export type ExtraTensor = Float32Array | Float64Array;

export interface PolicyArtifact {
  metadata: PolicyMetadata;
  normalizer: ObsNormalizer;
  model: ActorCritic;
  /** Named extra tensors (optimiser moments, RNG or reward-scaler state in checkpoints). */
  extraTensors?: Record<string, ExtraTensor>;
  /** Any JSON-serialisable extra state. */
  extraJson?: unknown;
}

/** A policy file that is not one, is damaged, is malformed, or is from a newer version of rlprune. */
export { PolicyFormatError };

type Header = PolicyHeader;

function dimsOf(mlp: Mlp): number[] {
  return [mlp.layers[0]!.inDim, ...mlp.layers.map((l) => l.outDim)];
}

function namedTensors(a: PolicyArtifact): Array<[string, ExtraTensor]> {
  const out: Array<[string, ExtraTensor]> = [
    ['normalizer.mean', a.normalizer.mean],
    ['normalizer.var', a.normalizer.var],
  ];
  for (const [net, mlp] of [['actor', a.model.actor], ['critic', a.model.critic]] as const) {
    mlp.layers.forEach((l, i) => out.push([`${net}.${i}.w`, l.w], [`${net}.${i}.b`, l.b], [`${net}.${i}.mask`, l.mask]));
  }
  out.push(['logStd', a.model.logStd]);
  for (const [name, t] of Object.entries(a.extraTensors ?? {})) {
    if (!(t instanceof Float32Array || t instanceof Float64Array)) {
      throw new InvalidArgumentError(`extraTensors.${name}`, 'Float32Array or Float64Array', String(t));
    }
    out.push([`extra.${name}`, t]);
  }
  return out;
}

function checkArtifact(a: PolicyArtifact): void {
  check.mlpShape('model.actor', a.model.actor);
  check.mlpShape('model.critic', a.model.critic);
  const obsDim = a.model.actor.layers[0]!.inDim;
  const actDim = a.model.actor.layers[a.model.actor.layers.length - 1]!.outDim;
  if (a.model.logStd.length !== actDim) throw new InvalidArgumentError('model.logStd', `${actDim} values (actor outDim)`, `${a.model.logStd.length}`);
  if (a.model.critic.layers[0]!.inDim !== obsDim) throw new InvalidArgumentError('model.critic.layers[0].inDim', `${obsDim} (actor inDim)`, `${a.model.critic.layers[0]!.inDim}`);
  if (a.normalizer.mean.length !== obsDim || a.normalizer.var.length !== obsDim) {
    throw new InvalidArgumentError('normalizer.mean', `${obsDim} values (actor inDim)`, `${a.normalizer.mean.length} mean / ${a.normalizer.var.length} var`);
  }
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodePolicy(artifact: PolicyArtifact): Buffer {
  if (endianness() !== 'LE') throw new Error('policy artifacts are little-endian; big-endian hosts are not supported');
  checkArtifact(artifact);
  const tensors = namedTensors(artifact);
  const entries: TensorEntry[] = [];
  let dataLength = 0;
  for (const [name, t] of tensors) {
    entries.push({ name, dtype: t instanceof Float64Array ? 'f64' : 'f32', length: t.length, offset: dataLength });
    dataLength = align8(dataLength + t.byteLength);
  }
  const n = artifact.normalizer;
  const header: Header = {
    metadata: artifact.metadata,
    normalizer: { count: n.count, clip: n.clip, eps: n.eps, dim: n.mean.length },
    actor: { activation: artifact.model.actor.activation, dims: dimsOf(artifact.model.actor) },
    critic: { activation: artifact.model.critic.activation, dims: dimsOf(artifact.model.critic) },
    tensors: entries,
    ...(artifact.extraJson === undefined ? {} : { extraJson: artifact.extraJson }),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align8(PREAMBLE + headerBytes.length);
  const buf = Buffer.alloc(dataStart + dataLength + DIGEST);
  buf.write(POLICY_MAGIC, 0, 'latin1');
  buf.writeUInt32LE(POLICY_FORMAT_VERSION, 8);
  buf.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(buf, PREAMBLE);
  tensors.forEach(([, t], i) => {
    Buffer.from(t.buffer, t.byteOffset, t.byteLength).copy(buf, dataStart + entries[i]!.offset);
  });
  createHash('sha256').update(buf.subarray(0, buf.length - DIGEST)).digest().copy(buf, buf.length - DIGEST);
  return buf;
}

export function decodePolicy(buf: Uint8Array): PolicyArtifact {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 8 || b.subarray(0, 8).toString('latin1') !== POLICY_MAGIC) {
    throw new PolicyFormatError('policy', `a policy file starting with "${POLICY_MAGIC}"`, b.length < 8 ? `${b.length} bytes` : JSON.stringify(b.subarray(0, 8).toString('latin1')));
  }
  if (b.length < PREAMBLE + DIGEST) throw new PolicyFormatError('policy', `at least ${PREAMBLE + DIGEST} bytes`, `${b.length} bytes (truncated)`);
  const version = b.readUInt32LE(8);
  if (version > POLICY_FORMAT_VERSION) {
    throw new PolicyFormatError('policy', `format version <= ${POLICY_FORMAT_VERSION} (this rlprune)`, `version ${version}: written by a newer rlprune, upgrade to read it`);
  }
  if (version === 0) throw new PolicyFormatError('policy', 'format version >= 1', 'version 0');
  const headerLength = b.readUInt32LE(12);
  if (PREAMBLE + headerLength + DIGEST > b.length) {
    throw new PolicyFormatError('policy', `at least ${PREAMBLE + headerLength + DIGEST} bytes (header says ${headerLength} header bytes)`, `${b.length} bytes (truncated)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(b.subarray(PREAMBLE, PREAMBLE + headerLength).toString('utf8'));
  } catch (e) {
    throw new PolicyFormatError('policy', 'a JSON header', `unparseable header (${show((e as Error).message)}); the file is corrupt`);
  }
  const header: Header = checkPolicyHeader(parsed);
  const dataStart = align8(PREAMBLE + headerLength);
  let dataLength = 0;
  for (const t of header.tensors) dataLength = Math.max(dataLength, align8(t.offset + t.length * (t.dtype === 'f64' ? 8 : 4)));
  const expected = dataStart + dataLength + DIGEST;
  if (b.length < expected) throw new PolicyFormatError('policy', `${expected} bytes`, `${b.length} bytes (truncated)`);
  if (b.length > expected) throw new PolicyFormatError('policy', `${expected} bytes`, `${b.length} bytes (trailing data)`);
  const digest = createHash('sha256').update(b.subarray(0, b.length - DIGEST)).digest();
  if (!digest.equals(b.subarray(b.length - DIGEST))) {
    throw new PolicyFormatError('policy', `sha256 ${digest.toString('hex')}`, `${b.subarray(b.length - DIGEST).toString('hex')} (checksum mismatch: the file is corrupt)`);
  }

  const tensors = new Map<string, ExtraTensor>();
  for (const t of header.tensors) {
    const bytes = b.subarray(dataStart + t.offset, dataStart + t.offset + t.length * (t.dtype === 'f64' ? 8 : 4));
    // Copy into fresh, aligned arrays: the source buffer may be unaligned or reused by the caller.
    const copy = new Uint8Array(bytes);
    tensors.set(t.name, t.dtype === 'f64' ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer));
  }
  const take = <T extends ExtraTensor>(name: string, kind: 'f32' | 'f64'): T => {
    const t = tensors.get(name);
    if (!t || (kind === 'f64') !== t instanceof Float64Array) throw new PolicyFormatError('policy', `a ${kind} tensor "${name}"`, t ? 'another dtype' : 'none');
    return t as T;
  };
  const mlpOf = (net: 'actor' | 'critic'): Mlp => {
    const { activation, dims } = header[net];
    const mlp: Mlp = {
      activation,
      layers: dims.slice(1).map((outDim, i) => ({
        inDim: dims[i]!, outDim,
        w: take<Float32Array>(`${net}.${i}.w`, 'f32'),
        b: take<Float32Array>(`${net}.${i}.b`, 'f32'),
        mask: take<Float32Array>(`${net}.${i}.mask`, 'f32'),
      })),
    };
    check.mlpShape(net, mlp);
    return mlp;
  };
  const extraTensors: Record<string, ExtraTensor> = {};
  for (const [name, t] of tensors) if (name.startsWith('extra.')) extraTensors[name.slice(6)] = t;
  const artifact: PolicyArtifact = {
    metadata: header.metadata,
    normalizer: {
      mean: take<Float64Array>('normalizer.mean', 'f64'),
      var: take<Float64Array>('normalizer.var', 'f64'),
      count: header.normalizer.count,
      clip: header.normalizer.clip,
      eps: header.normalizer.eps,
    },
    model: { actor: mlpOf('actor'), critic: mlpOf('critic'), logStd: take<Float32Array>('logStd', 'f32') },
    ...(Object.keys(extraTensors).length > 0 ? { extraTensors } : {}),
    ...('extraJson' in header ? { extraJson: header.extraJson } : {}),
  };
  checkArtifact(artifact);
  checkPolicyValues(artifact.model, artifact.normalizer);
  return artifact;
}
