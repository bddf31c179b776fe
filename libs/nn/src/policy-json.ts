// The policy JSON schema, both ways: what `rlprune policy inspect --json` / `policy export --format
// json` print, and what `rlprune policy import` reads, so a policy trained elsewhere (a PyTorch MLP)
// can be pruned, attacked and certified here.
//
// {
//   "formatVersion": 1,                          optional on import; at most POLICY_FORMAT_VERSION
//   "metadata": { "env": "Hopper-v4",            env required; the rest optional on import:
//                 "seed": 0, "trainingStep": 0, "parentId": null, "labels": {},
//                 "sparsity": <fraction of actor weights masked> },
//   "normalizer": { "mean": [obsDim], "var": [obsDim],        optional on import (identity: mean 0,
//                   "count": 1e-4, "clip": 10, "eps": 1e-8 },  var 1, eps 0, no clipping); in it
//                                                              count, clip, eps default as shown
//   "actor":  { "activation": "tanh" | "relu",
//               "layers": [ { "inDim": n, "outDim": m,     inDim/outDim optional on import (from w)
//                             "w": [m][n], "b": [m],        PyTorch nn.Linear's weight layout
//                             "mask": [m][n] } ] },         optional on import (all ones); 0 or 1
//   "critic": { same, 1 output },
//   "logStd": [actDim],
//   "extraTensors": { name: [numbers] }, "extraTensorDtypes": { name: "f32" | "f64" },  optional
//   "extraJson": any                                                                    optional
// }
// The actor maps normalised observations to the Gaussian action mean; hidden layers use the
// activation, the last layer is linear. Where a mask is 0 the weight is set to 0 (the mask wins, as in
// setMask). Unknown fields are refused, so a misspelt optional field is not silently replaced by its
// default. float32 values print as the shortest decimal of their double value and float64 values as
// themselves, so policyFromJson(policyToJson(a)) gives back every tensor bit for bit.
import { InvalidArgumentError, show } from '@rlprune/errors';
import { POLICY_FORMAT_VERSION, type ExtraTensor, type PolicyArtifact, type PolicyMetadata } from './artifact';
import { sparsity } from './mlp';
import type { Activation, Mlp, ObsNormalizer } from './types';

/** Normaliser of an imported policy without one: the identity (no centring, scaling or clipping). */
const IDENTITY_CLIP = Number.MAX_VALUE;
/** Import defaults of a given normaliser's scalars (those of createObsNormalizer: CleanRL/Gymnasium's). */
const DEFAULT_COUNT = 1e-4;
const DEFAULT_CLIP = 10;
const DEFAULT_EPS = 1e-8;

function mlpJson(mlp: Mlp) {
  const rows = (a: Float32Array, out: number, inn: number) => Array.from({ length: out }, (_, o) => Array.from(a.subarray(o * inn, (o + 1) * inn)));
  return {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => ({
      inDim: l.inDim,
      outDim: l.outDim,
      w: rows(l.w, l.outDim, l.inDim),
      b: Array.from(l.b),
      mask: rows(l.mask, l.outDim, l.inDim),
    })),
  };
}

/**
 * Plain JSON of an artifact (what `rlprune policy inspect FILE --json` prints): weights and masks as
 * [outDim][inDim] nested arrays.
 */
export function policyToJson(artifact: PolicyArtifact): Record<string, unknown> {
  const extras = Object.entries(artifact.extraTensors ?? {});
  return {
    formatVersion: POLICY_FORMAT_VERSION,
    metadata: artifact.metadata,
    normalizer: {
      mean: Array.from(artifact.normalizer.mean),
      var: Array.from(artifact.normalizer.var),
      count: artifact.normalizer.count,
      clip: artifact.normalizer.clip,
      eps: artifact.normalizer.eps,
    },
    actor: mlpJson(artifact.model.actor),
    critic: mlpJson(artifact.model.critic),
    logStd: Array.from(artifact.model.logStd),
    ...(artifact.extraTensors
      ? {
        extraTensors: Object.fromEntries(extras.map(([k, v]) => [k, Array.from(v)])),
        extraTensorDtypes: Object.fromEntries(extras.map(([k, v]) => [k, v instanceof Float64Array ? 'f64' : 'f32'])),
      }
      : {}),
    ...(artifact.extraJson === undefined ? {} : { extraJson: artifact.extraJson }),
  };
}

// --- reading -------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

/** An object; with known, one whose every key is in it. */
function object(v: unknown, at: string, known: string[] | null): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InvalidArgumentError(at, 'an object', show(v));
  for (const key of Object.keys(v)) {
    if (known && !known.includes(key)) throw new InvalidArgumentError(`${at}.${key}`, `one of the fields ${known.join(', ')}`, 'an unknown field');
  }
  return v as Obj;
}

function finite(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(at, 'a finite number', show(v));
  return v;
}

function integer(v: unknown, at: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new InvalidArgumentError(at, `an integer >= ${min}`, show(v));
  return v;
}

/** A list of finite numbers; float32 ones must also be finite once rounded to float32. */
function numbers(v: unknown, at: string, length: number | null, float32 = false): number[] {
  if (!Array.isArray(v)) throw new InvalidArgumentError(at, length === null ? 'a list of numbers' : `${length} numbers`, show(v));
  if (length !== null && v.length !== length) throw new InvalidArgumentError(at, `${length} numbers`, `${v.length}`);
  v.forEach((x, i) => {
    finite(x, `${at}[${i}]`);
    if (float32 && !Number.isFinite(Math.fround(x as number))) throw new InvalidArgumentError(`${at}[${i}]`, 'a number within float32 range (|x| < 3.4e38)', show(x));
  });
  return v as number[];
}

/** A [rows][cols] matrix, row-major into a Float32Array; rows/cols null = take them from the data. */
function matrix(v: unknown, at: string, rows: number | null, cols: number | null, what: string): { data: Float32Array; rows: number; cols: number } {
  const want = rows !== null && cols !== null ? `${rows}x${cols} numbers (${what})`
    : cols !== null ? `rows of ${cols} numbers (${what})` : `rows of numbers (${what})`;
  if (!Array.isArray(v) || v.length === 0) throw new InvalidArgumentError(at, want, show(v));
  const r = v.length;
  const c = Array.isArray(v[0]) ? (v[0] as unknown[]).length : -1;
  if (c <= 0) throw new InvalidArgumentError(`${at}[0]`, `a list of ${cols ?? 'inDim'} numbers`, show(v[0]));
  if ((rows !== null && r !== rows) || (cols !== null && c !== cols)) throw new InvalidArgumentError(at, want, `${r}x${c}`);
  const data = new Float32Array(r * c);
  v.forEach((row, i) => data.set(numbers(row, `${at}[${i}]`, c, true), i * c));
  return { data, rows: r, cols: c };
}

function mlpFromJson(v: unknown, at: string, inDim: number | null, outDim: number | null): Mlp {
  const o = object(v, at, ['activation', 'layers']);
  if (o.activation !== 'tanh' && o.activation !== 'relu') throw new InvalidArgumentError(`${at}.activation`, '"tanh" or "relu"', show(o.activation));
  if (!Array.isArray(o.layers) || o.layers.length === 0) throw new InvalidArgumentError(`${at}.layers`, 'a list of at least one layer', show(o.layers));
  let prevOut = inDim;
  const layers = o.layers.map((lv: unknown, i: number) => {
    const lat = `${at}.layers[${i}]`;
    const l = object(lv, lat, ['inDim', 'outDim', 'w', 'b', 'mask']);
    const lastOut = i === (o.layers as unknown[]).length - 1 ? outDim : null;
    const rows = l.outDim === undefined ? lastOut : integer(l.outDim, `${lat}.outDim`, 1);
    if (lastOut !== null && rows !== lastOut) throw new InvalidArgumentError(`${lat}.outDim`, `${lastOut} (the last layer's width)`, String(rows));
    const cols = l.inDim === undefined ? prevOut : integer(l.inDim, `${lat}.inDim`, 1);
    if (prevOut !== null && cols !== prevOut) {
      throw new InvalidArgumentError(`${lat}.inDim`, `${prevOut} (${i === 0 ? 'the observation width' : 'the previous layer\'s outDim'})`, String(cols));
    }
    const w = matrix(l.w, `${lat}.w`, rows, cols, '[outDim][inDim], as PyTorch nn.Linear.weight');
    const b = Float32Array.from(numbers(l.b, `${lat}.b`, w.rows, true));
    const mask = l.mask === undefined ? new Float32Array(w.data.length).fill(1) : matrix(l.mask, `${lat}.mask`, w.rows, w.cols, 'same shape as w').data;
    mask.forEach((m, k) => {
      if (m !== 0 && m !== 1) throw new InvalidArgumentError(`${lat}.mask[${Math.floor(k / w.cols)}][${k % w.cols}]`, '0 or 1', String(m));
      if (m === 0) w.data[k] = 0;
    });
    prevOut = w.rows;
    return { inDim: w.cols, outDim: w.rows, w: w.data, b, mask };
  });
  return { activation: o.activation as Activation, layers };
}

function normalizerFromJson(v: unknown, obsDim: number): ObsNormalizer {
  if (v === undefined) {
    return { mean: new Float64Array(obsDim), var: new Float64Array(obsDim).fill(1), count: DEFAULT_COUNT, clip: IDENTITY_CLIP, eps: 0 };
  }
  const o = object(v, 'normalizer', ['mean', 'var', 'count', 'clip', 'eps']);
  const variance = numbers(o.var, 'normalizer.var', obsDim);
  variance.forEach((x, i) => {
    if (x < 0) throw new InvalidArgumentError(`normalizer.var[${i}]`, 'a number >= 0', String(x));
  });
  const scalar = (x: unknown, at: string, dflt: number, allowZero: boolean) => {
    if (x === undefined) return dflt;
    const n = finite(x, at);
    if (allowZero ? n < 0 : n <= 0) throw new InvalidArgumentError(at, allowZero ? 'a number >= 0' : 'a number > 0', String(n));
    return n;
  };
  const eps = scalar(o.eps, 'normalizer.eps', DEFAULT_EPS, true);
  // (obs - mean) / sqrt(var + eps) must not divide by zero.
  variance.forEach((x, i) => {
    if (!(x + eps > 0)) throw new InvalidArgumentError(`normalizer.var[${i}]`, `var + eps > 0 (eps is ${eps})`, String(x));
  });
  return {
    mean: Float64Array.from(numbers(o.mean, 'normalizer.mean', obsDim)),
    var: Float64Array.from(variance),
    count: scalar(o.count, 'normalizer.count', DEFAULT_COUNT, false),
    clip: scalar(o.clip, 'normalizer.clip', DEFAULT_CLIP, false),
    eps,
  };
}

function metadataFromJson(v: unknown, actor: Mlp): PolicyMetadata {
  const o = object(v, 'metadata', ['env', 'seed', 'sparsity', 'trainingStep', 'parentId', 'labels']);
  if (typeof o.env !== 'string' || o.env === '') throw new InvalidArgumentError('metadata.env', 'an environment id such as "Hopper-v4"', show(o.env));
  const labels = o.labels === undefined ? {} : object(o.labels, 'metadata.labels', null);
  for (const [k, x] of Object.entries(labels)) if (typeof x !== 'string') throw new InvalidArgumentError(`metadata.labels.${k}`, 'a string', show(x));
  if (o.parentId !== undefined && o.parentId !== null && typeof o.parentId !== 'string') {
    throw new InvalidArgumentError('metadata.parentId', 'a policy id (string) or null', show(o.parentId));
  }
  const fraction = o.sparsity === undefined ? sparsity(actor) : finite(o.sparsity, 'metadata.sparsity');
  if (fraction < 0 || fraction > 1) throw new InvalidArgumentError('metadata.sparsity', 'a fraction in [0, 1]', String(fraction));
  return {
    env: o.env,
    seed: o.seed === undefined ? 0 : integer(o.seed, 'metadata.seed', 0),
    sparsity: fraction,
    trainingStep: o.trainingStep === undefined ? 0 : integer(o.trainingStep, 'metadata.trainingStep', 0),
    parentId: (o.parentId as string | null | undefined) ?? null,
    labels: labels as Record<string, string>,
  };
}

function extraTensorsFromJson(v: unknown, dtypes: unknown): Record<string, ExtraTensor> | undefined {
  if (v === undefined) {
    if (dtypes !== undefined) throw new InvalidArgumentError('extraTensorDtypes', 'no dtypes without extraTensors', show(dtypes));
    return undefined;
  }
  const o = object(v, 'extraTensors', null);
  const d = dtypes === undefined ? {} : object(dtypes, 'extraTensorDtypes', Object.keys(o));
  return Object.fromEntries(Object.entries(o).map(([name, values]) => {
    const dtype = d[name] ?? 'f64';
    if (dtype !== 'f32' && dtype !== 'f64') throw new InvalidArgumentError(`extraTensorDtypes.${name}`, '"f32" or "f64"', show(dtype));
    const xs = numbers(values, `extraTensors.${name}`, null);
    if (dtype === 'f32') numbers(values, `extraTensors.${name}`, null, true);
    return [name, dtype === 'f32' ? Float32Array.from(xs) : Float64Array.from(xs)];
  }));
}

/**
 * Reads the policy JSON schema (above) into an artifact; a value that does not fit throws
 * InvalidArgumentError naming its field, e.g. `actor.layers[1].w: expected 64x64 numbers ..., got 63x64`.
 */
export function policyFromJson(json: unknown): PolicyArtifact {
  const o = object(json, 'policy', [
    'formatVersion', 'metadata', 'normalizer', 'actor', 'critic', 'logStd', 'extraTensors', 'extraTensorDtypes', 'extraJson',
  ]);
  if (o.formatVersion !== undefined) {
    const v = integer(o.formatVersion, 'formatVersion', 1);
    if (v > POLICY_FORMAT_VERSION) throw new InvalidArgumentError('formatVersion', `1..${POLICY_FORMAT_VERSION} (this rlprune)`, String(v));
  }
  const actor = mlpFromJson(o.actor, 'actor', null, null);
  const obsDim = actor.layers[0]!.inDim;
  const actDim = actor.layers[actor.layers.length - 1]!.outDim;
  const critic = mlpFromJson(o.critic, 'critic', obsDim, 1);
  const logStd = Float32Array.from(numbers(o.logStd, 'logStd', actDim, true));
  const extraTensors = extraTensorsFromJson(o.extraTensors, o.extraTensorDtypes);
  return {
    metadata: metadataFromJson(o.metadata, actor),
    normalizer: normalizerFromJson(o.normalizer, obsDim),
    model: { actor, critic, logStd },
    ...(extraTensors ? { extraTensors } : {}),
    ...(o.extraJson === undefined ? {} : { extraJson: o.extraJson }),
  };
}
