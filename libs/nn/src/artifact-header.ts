// Checks of a policy file's decoded JSON header and tensor values. A file can carry a valid sha256
// and still be malformed (written by hand or by another tool: `null` header, no tensors, no actor,
// `dims: "abc"`, negative offsets, NaN weights), so every field is checked before it is used and a
// bad one is a PolicyFormatError naming it (INVALID_ARGUMENT to a service's caller), never a
// TypeError from deep inside decoding (which a service would answer INTERNAL).
import type { PolicyMetadata } from './artifact';
import { show } from '@rlprune/errors';
import { PolicyFormatError } from './policy-format-error';
import type { Activation, Mlp, ObsNormalizer } from './types';

/**
 * Most weights (actor plus critic) a policy file may declare: ~1 GiB of float32, far above any net
 * rlprune trains (a 256-256 Hopper actor-critic has ~140k) yet below what would exhaust a service.
 */
export const MAX_POLICY_PARAMETERS = 256 * 1024 * 1024;

export interface TensorEntry {
  name: string;
  dtype: 'f32' | 'f64';
  length: number;
  offset: number;
}

export interface NetHeader {
  activation: Activation;
  dims: number[];
}

export interface PolicyHeader {
  metadata: PolicyMetadata;
  normalizer: { count: number; clip: number; eps: number; dim: number };
  actor: NetHeader;
  critic: NetHeader;
  tensors: TensorEntry[];
  extraJson?: unknown;
}

/** A malformed header field (same error class and message shape as the other policy-file errors). */
export class PolicyHeaderError extends PolicyFormatError {
  constructor(field: string, expected: string, actual: unknown) {
    super(`policy header ${field}`, expected, show(actual));
  }
}

/** A tensor value that no policy can hold (NaN, infinite, a negative variance). */
export class PolicyValueError extends PolicyFormatError {
  constructor(field: string, expected: string, actual: number) {
    super(`policy tensor ${field}`, expected, show(actual));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(v: unknown, field: string): Record<string, unknown> {
  if (!isObject(v)) throw new PolicyHeaderError(field, 'an object', v);
  return v;
}

function finite(v: unknown, field: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new PolicyHeaderError(field, min === -Infinity ? 'a finite number' : `a finite number >= ${min}`, v);
  }
  return v;
}

function integer(v: unknown, field: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new PolicyHeaderError(field, `an integer >= ${min}`, v);
  return v;
}

function net(v: unknown, field: string): NetHeader {
  const o = object(v, field);
  if (o.activation !== 'tanh' && o.activation !== 'relu') throw new PolicyHeaderError(`${field}.activation`, '"tanh" or "relu"', o.activation);
  if (!Array.isArray(o.dims) || o.dims.length < 2) throw new PolicyHeaderError(`${field}.dims`, 'a list of at least 2 widths', o.dims);
  const dims = o.dims.map((d, i) => integer(d, `${field}.dims[${i}]`, 1));
  return { activation: o.activation, dims };
}

function parameters(dims: number[]): number {
  let n = 0;
  for (let i = 1; i < dims.length; i++) n += dims[i - 1]! * dims[i]! + dims[i]!;
  return n;
}

/** The header as decoded JSON, checked field by field; throws PolicyHeaderError naming the field. */
export function checkPolicyHeader(raw: unknown): PolicyHeader {
  const h = object(raw, '(the whole header)');
  const m = object(h.metadata, 'metadata');
  if (typeof m.env !== 'string') throw new PolicyHeaderError('metadata.env', 'a string', m.env);
  if (m.parentId !== null && typeof m.parentId !== 'string') throw new PolicyHeaderError('metadata.parentId', 'a string or null', m.parentId);
  const labels = object(m.labels, 'metadata.labels');
  for (const [k, v] of Object.entries(labels)) if (typeof v !== 'string') throw new PolicyHeaderError(`metadata.labels.${show(k)}`, 'a string', v);
  const metadata: PolicyHeader['metadata'] = {
    env: m.env,
    seed: finite(m.seed, 'metadata.seed'),
    sparsity: finite(m.sparsity, 'metadata.sparsity'),
    trainingStep: finite(m.trainingStep, 'metadata.trainingStep'),
    parentId: m.parentId,
    labels: labels as Record<string, string>,
  };
  const n = object(h.normalizer, 'normalizer');
  const normalizer = {
    count: finite(n.count, 'normalizer.count', 0),
    clip: finite(n.clip, 'normalizer.clip', 0),
    eps: finite(n.eps, 'normalizer.eps', 0),
    dim: integer(n.dim, 'normalizer.dim', 1),
  };
  const actor = net(h.actor, 'actor');
  const critic = net(h.critic, 'critic');
  const declared = parameters(actor.dims) + parameters(critic.dims);
  if (declared > MAX_POLICY_PARAMETERS) {
    throw new PolicyHeaderError('actor.dims and critic.dims', `at most ${MAX_POLICY_PARAMETERS} parameters in all`, `${declared} parameters`);
  }
  if (!Array.isArray(h.tensors)) throw new PolicyHeaderError('tensors', 'a list of tensor entries', h.tensors);
  const names = new Set<string>();
  const tensors = h.tensors.map((t, i): TensorEntry => {
    const at = `tensors[${i}]`;
    const e = object(t, at);
    if (typeof e.name !== 'string' || e.name.length === 0) throw new PolicyHeaderError(`${at}.name`, 'a non-empty string', e.name);
    if (names.has(e.name)) throw new PolicyHeaderError(`${at}.name`, 'a name no other tensor has', e.name);
    names.add(e.name);
    if (e.dtype !== 'f32' && e.dtype !== 'f64') throw new PolicyHeaderError(`${at}.dtype`, '"f32" or "f64"', e.dtype);
    return { name: e.name, dtype: e.dtype, length: integer(e.length, `${at}.length`, 0), offset: integer(e.offset, `${at}.offset`, 0) };
  });
  return { metadata, normalizer, actor, critic, tensors, ...('extraJson' in h ? { extraJson: h.extraJson } : {}) };
}

function checkFinite(values: ArrayLike<number>, field: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new PolicyValueError(`${field}[${i}]`, 'finite values', values[i]!);
  }
}

/** No NaN or infinite weight, bias, mask, log-std or normaliser statistic; variances >= 0. */
export function checkPolicyValues(model: { actor: Mlp; critic: Mlp; logStd: Float32Array }, normalizer: ObsNormalizer): void {
  for (const [name, mlp] of [['actor', model.actor], ['critic', model.critic]] as const) {
    mlp.layers.forEach((l, i) => {
      checkFinite(l.w, `${name}.${i}.w`);
      checkFinite(l.b, `${name}.${i}.b`);
      checkFinite(l.mask, `${name}.${i}.mask`);
    });
  }
  checkFinite(model.logStd, 'logStd');
  checkFinite(normalizer.mean, 'normalizer.mean');
  checkFinite(normalizer.var, 'normalizer.var');
  const negative = normalizer.var.findIndex((v) => v < 0);
  if (negative >= 0) throw new PolicyValueError(`normalizer.var[${negative}]`, 'a variance >= 0', normalizer.var[negative]!);
}
