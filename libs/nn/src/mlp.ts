// Building, copying and masking the plain-data nets. The Float32Arrays in Mlp are the source of truth:
// engines and the native kernels read and update them in place.
import { Rng, deriveSeed } from '@rlprune/random';
import { check, InvalidArgumentError } from '@rlprune/errors';
import { orthogonalInit } from './orthogonal';
import type { Activation, ActorCritic, DenseLayer, Mlp } from './types';

export interface MlpSpec {
  /** Input width. */
  inDim: number;
  /** Hidden widths, e.g. [64, 64]. */
  hidden: number[];
  /** Output width. */
  outDim: number;
  /** Hidden nonlinearity. Default 'tanh'. */
  activation?: Activation;
  /** Orthogonal-init gain of the hidden layers. Default sqrt(2). */
  hiddenGain?: number;
  /** Orthogonal-init gain of the output layer. Default 1. */
  outputGain?: number;
}

/** A net with orthogonal weights, zero biases and all-ones masks; deterministic for a seed. */
export function createMlp(spec: MlpSpec, seed: number | Rng): Mlp {
  const rng = typeof seed === 'number' ? new Rng(seed) : seed;
  const widths = [spec.inDim, ...spec.hidden, spec.outDim];
  widths.forEach((w, i) => check.positiveInt(i === 0 ? 'inDim' : i === widths.length - 1 ? 'outDim' : `hidden[${i - 1}]`, w));
  const hiddenGain = spec.hiddenGain ?? Math.SQRT2;
  const outputGain = spec.outputGain ?? 1;
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const inDim = widths[l]!;
    const outDim = widths[l + 1]!;
    const w = new Float32Array(outDim * inDim);
    orthogonalInit(w, outDim, inDim, l + 2 === widths.length ? outputGain : hiddenGain, rng);
    layers.push({ inDim, outDim, w, b: new Float32Array(outDim), mask: new Float32Array(outDim * inDim).fill(1) });
  }
  return { activation: spec.activation ?? 'tanh', layers };
}

export interface ActorCriticSpec {
  /** Observation width. */
  obsDim: number;
  /** Action width. */
  actDim: number;
  /** Hidden widths of both nets. Default [64, 64] (the paper's and CleanRL's). */
  hidden?: number[];
  /** Hidden nonlinearity. Default 'tanh'. */
  activation?: Activation;
  /** Initial log-std of every action coordinate. Default 0. */
  logStdInit?: number;
  /** Gain of the hidden layers of both nets. Default sqrt(2). */
  hiddenGain?: number;
  /** Gain of the actor's output layer (small, so the initial policy is near-deterministic zero mean). Default 0.01. */
  actorOutputGain?: number;
  /** Gain of the critic's output layer. Default 1. */
  criticOutputGain?: number;
}

/** Separate actor and critic nets; each draws from its own stream derived from the seed. */
export function createActorCritic(spec: ActorCriticSpec, seed: number): ActorCritic {
  const hidden = spec.hidden ?? [64, 64];
  const activation = spec.activation ?? 'tanh';
  const hiddenGain = spec.hiddenGain ?? Math.SQRT2;
  const actor = createMlp(
    { inDim: spec.obsDim, hidden, outDim: spec.actDim, activation, hiddenGain, outputGain: spec.actorOutputGain ?? 0.01 },
    new Rng(deriveSeed(seed, 'actor')),
  );
  const critic = createMlp(
    { inDim: spec.obsDim, hidden, outDim: 1, activation, hiddenGain, outputGain: spec.criticOutputGain ?? 1 },
    new Rng(deriveSeed(seed, 'critic')),
  );
  return { actor, critic, logStd: new Float32Array(spec.actDim).fill(spec.logStdInit ?? 0) };
}

/** Widths [in, h1, ..., out] as the kernels want them. */
export function mlpDims(mlp: Mlp): Int32Array {
  return Int32Array.from([mlp.layers[0]!.inDim, ...mlp.layers.map((l) => l.outDim)]);
}

/** Deep copy (weights, biases and masks). */
export function cloneMlp(mlp: Mlp): Mlp {
  return {
    activation: mlp.activation,
    layers: mlp.layers.map((l) => ({ inDim: l.inDim, outDim: l.outDim, w: l.w.slice(), b: l.b.slice(), mask: l.mask.slice() })),
  };
}

export function cloneActorCritic(ac: ActorCritic): ActorCritic {
  return { actor: cloneMlp(ac.actor), critic: cloneMlp(ac.critic), logStd: ac.logStd.slice() };
}

/** Zeroes every weight whose mask is 0; call after editing masks or weights directly. */
export function applyMasks(mlp: Mlp): void {
  check.mlpShape('mlp', mlp);
  for (const layer of mlp.layers) {
    for (let i = 0; i < layer.w.length; i++) if (layer.mask[i] === 0) layer.w[i] = 0;
  }
}

/** Replaces one layer's mask (0/1 entries, shape [outDim, inDim]) and zeroes the pruned weights. */
export function setMask(mlp: Mlp, layerIndex: number, mask: Float32Array): void {
  const layer = mlp.layers[layerIndex];
  if (!layer) throw new InvalidArgumentError('layerIndex', `0..${mlp.layers.length - 1}`, String(layerIndex));
  const field = `layers[${layerIndex}].mask`;
  if (!(mask instanceof Float32Array) || mask.length !== layer.w.length) {
    const got = mask instanceof Float32Array ? `${mask.length} values` : String(mask);
    throw new InvalidArgumentError(field, `shape [${layer.outDim}, ${layer.inDim}] (${layer.w.length} values)`, got);
  }
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 0 && mask[i] !== 1) throw new InvalidArgumentError(`${field}[${i}]`, '0 or 1', String(mask[i]));
  }
  layer.mask = mask;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 0) layer.w[i] = 0;
}

/** Fraction of weights (not biases) whose mask is 0. */
export function sparsity(mlp: Mlp): number {
  let pruned = 0;
  let total = 0;
  for (const layer of mlp.layers) {
    total += layer.mask.length;
    for (let i = 0; i < layer.mask.length; i++) if (layer.mask[i] === 0) pruned++;
  }
  return total === 0 ? 0 : pruned / total;
}

/**
 * An ordered parameter list [w0, b0, w1, b1, ...] with the mask of each (null for biases): the form
 * Adam, gradient buffers and clipping share. Built fresh each call, so it follows replaced masks.
 */
export interface ParamSet {
  values: Float32Array[];
  masks: Array<Float32Array | null>;
}

export function mlpParams(mlp: Mlp): ParamSet {
  const values: Float32Array[] = [];
  const masks: Array<Float32Array | null> = [];
  for (const layer of mlp.layers) {
    values.push(layer.w, layer.b);
    masks.push(layer.mask, null);
  }
  return { values, masks };
}

/** Zeroed gradient buffers matching mlpParams(mlp): [gw0, gb0, gw1, gb1, ...]. */
export function createGrads(mlp: Mlp): Float32Array[] {
  return mlpParams(mlp).values.map((v) => new Float32Array(v.length));
}
