// The losses PPO, SA-PPO and the benchmark need, each with its gradient w.r.t. its inputs (which the
// engine then backprops through the net). Batches are row-major [batch, dim] Float32Arrays; a
// Gaussian policy here has a state-independent log-std (one per action coordinate).
import { InvalidArgumentError } from '@rlprune/errors';
import { checkBatch } from './validate';

const LOG_2PI = Math.log(2 * Math.PI);

function batchOf(field: string, data: Float32Array, width: number): number {
  const batch = data.length / width;
  if (!Number.isInteger(batch) || batch <= 0) {
    throw new InvalidArgumentError(field, `a non-empty batch of rows of width ${width}`, `${data.length} values`);
  }
  return batch;
}

function sameLength(field: string, data: Float32Array, length: number): void {
  if (data.length !== length) throw new InvalidArgumentError(field, `${length} values`, `${data.length} values`);
}

/** log N(actions | mean, diag(exp(logStd))^2) per sample: [batch]. */
export function gaussianLogProb(mean: Float32Array, logStd: Float32Array, actions: Float32Array): Float32Array {
  const d = logStd.length;
  const batch = batchOf('mean', mean, d);
  checkBatch('actions', actions, batch, d);
  let logStdSum = 0;
  for (let j = 0; j < d; j++) logStdSum += logStd[j]!;
  const out = new Float32Array(batch);
  for (let n = 0; n < batch; n++) {
    let sq = 0;
    for (let j = 0; j < d; j++) {
      const z = (actions[n * d + j]! - mean[n * d + j]!) / Math.exp(logStd[j]!);
      sq += z * z;
    }
    out[n] = -0.5 * sq - logStdSum - 0.5 * d * LOG_2PI;
  }
  return out;
}

/**
 * Backprop an upstream gradient g (d loss / d logProb, [batch]) through gaussianLogProb:
 * d/dmean = g (a - mean) / sigma^2, d/dlogStd_j = sum_n g_n (z_nj^2 - 1).
 */
export function gaussianLogProbGrad(
  mean: Float32Array, logStd: Float32Array, actions: Float32Array, gradLogProb: Float32Array,
): { mean: Float32Array; logStd: Float32Array } {
  const d = logStd.length;
  const batch = batchOf('mean', mean, d);
  checkBatch('actions', actions, batch, d);
  sameLength('gradLogProb', gradLogProb, batch);
  const gMean = new Float32Array(batch * d);
  const gLogStd = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    const sigma = Math.exp(logStd[j]!);
    let acc = 0;
    for (let n = 0; n < batch; n++) {
      const diff = actions[n * d + j]! - mean[n * d + j]!;
      const z = diff / sigma;
      gMean[n * d + j] = (gradLogProb[n]! * diff) / (sigma * sigma);
      acc += gradLogProb[n]! * (z * z - 1);
    }
    gLogStd[j] = acc;
  }
  return { mean: gMean, logStd: gLogStd };
}

/** Entropy of the Gaussian (the same for every state): sum_j (0.5 + 0.5 log 2pi + logStd_j); d/dlogStd_j = 1. */
export function gaussianEntropy(logStd: Float32Array): { entropy: number; gradLogStd: Float32Array } {
  let entropy = 0;
  for (let j = 0; j < logStd.length; j++) entropy += 0.5 + 0.5 * LOG_2PI + logStd[j]!;
  return { entropy, gradLogStd: new Float32Array(logStd.length).fill(1) };
}

export interface PpoClipInput {
  /** log pi(a|s) under the current policy, [batch]. */
  logProb: Float32Array;
  /** log pi_old(a|s) recorded at rollout time, [batch]. */
  oldLogProb: Float32Array;
  /** Advantages (normalised by the caller if wanted), [batch]. */
  advantages: Float32Array;
  /** Clipping range of the probability ratio. PPO's default is 0.2. */
  clipCoef: number;
}

/**
 * PPO's clipped surrogate, as a loss to minimise: mean_n max(-A r, -A clip(r, 1-c, 1+c)),
 * r = exp(logProb - oldLogProb). Returns d loss / d logProb and the usual diagnostics.
 */
export function ppoClipLoss(input: PpoClipInput): { loss: number; gradLogProb: Float32Array; clipFraction: number; approxKl: number } {
  const { logProb, oldLogProb, advantages, clipCoef } = input;
  const batch = logProb.length;
  if (batch === 0) throw new InvalidArgumentError('logProb', 'a non-empty batch', '0 values');
  sameLength('oldLogProb', oldLogProb, batch);
  sameLength('advantages', advantages, batch);
  if (!(clipCoef >= 0)) throw new InvalidArgumentError('clipCoef', 'a number >= 0', String(clipCoef));
  const grad = new Float32Array(batch);
  let loss = 0;
  let clipped = 0;
  let kl = 0;
  for (let n = 0; n < batch; n++) {
    const logRatio = logProb[n]! - oldLogProb[n]!;
    const r = Math.exp(logRatio);
    const a = advantages[n]!;
    const rClip = Math.min(Math.max(r, 1 - clipCoef), 1 + clipCoef);
    const unclippedLoss = -a * r;
    const clippedLoss = -a * rClip;
    // max(): the unclipped branch wins ties; the clipped branch has zero gradient outside the range.
    if (unclippedLoss >= clippedLoss) {
      loss += unclippedLoss;
      grad[n] = (-a * r) / batch;
    } else {
      loss += clippedLoss;
      grad[n] = r >= 1 - clipCoef && r <= 1 + clipCoef ? (-a * r) / batch : 0;
    }
    if (Math.abs(r - 1) > clipCoef) clipped++;
    kl += r - 1 - logRatio;
  }
  return { loss: loss / batch, gradLogProb: grad, clipFraction: clipped / batch, approxKl: kl / batch };
}

export interface ValueLossInput {
  /** Critic outputs, [batch]. */
  values: Float32Array;
  /** Targets (GAE returns), [batch]. */
  returns: Float32Array;
  /** Values at rollout time; with clipCoef, the new values are clipped to oldValues +- clipCoef. */
  oldValues?: Float32Array;
  /** Value clipping range; omit (or give no oldValues) for the plain loss. */
  clipCoef?: number;
}

/** 0.5 mean (v - R)^2, or with clipping 0.5 mean max((v - R)^2, (v_clip - R)^2) (CleanRL's). */
export function valueLoss(input: ValueLossInput): { loss: number; gradValues: Float32Array } {
  const { values, returns, oldValues, clipCoef } = input;
  const batch = values.length;
  if (batch === 0) throw new InvalidArgumentError('values', 'a non-empty batch', '0 values');
  sameLength('returns', returns, batch);
  const clip = oldValues !== undefined && clipCoef !== undefined;
  if (clip) {
    sameLength('oldValues', oldValues, batch);
    if (!(clipCoef >= 0)) throw new InvalidArgumentError('clipCoef', 'a number >= 0', String(clipCoef));
  }
  const grad = new Float32Array(batch);
  let loss = 0;
  for (let n = 0; n < batch; n++) {
    const v = values[n]!;
    const diff = v - returns[n]!;
    if (!clip) {
      loss += 0.5 * diff * diff;
      grad[n] = diff / batch;
      continue;
    }
    const delta = v - oldValues[n]!;
    const vClip = oldValues[n]! + Math.min(Math.max(delta, -clipCoef), clipCoef);
    const diffClip = vClip - returns[n]!;
    if (diff * diff >= diffClip * diffClip) {
      loss += 0.5 * diff * diff;
      grad[n] = diff / batch;
    } else {
      loss += 0.5 * diffClip * diffClip;
      grad[n] = delta >= -clipCoef && delta <= clipCoef ? diffClip / batch : 0;
    }
  }
  return { loss: loss / batch, gradValues: grad };
}

export interface SaKlInput {
  /** mu(s'), the actor mean at the perturbed observations, [batch, actDim]. */
  meanPerturbed: Float32Array;
  /** mu(s), the actor mean at the clean observations (a constant), [batch, actDim]. */
  meanClean: Float32Array;
  /** Log-std per action coordinate, [actDim]. */
  logStd: Float32Array;
}

/**
 * SA-PPO's regulariser for a fixed-covariance Gaussian: mean_n sum_j ((mu_j(s') - mu_j(s)) / sigma_j)^2,
 * gradient through mu(s') and sigma (mu(s) is held constant).
 */
export function saKlTerm(input: SaKlInput): { loss: number; gradMeanPerturbed: Float32Array; gradLogStd: Float32Array } {
  const { meanPerturbed, meanClean, logStd } = input;
  const d = logStd.length;
  const batch = batchOf('meanPerturbed', meanPerturbed, d);
  checkBatch('meanClean', meanClean, batch, d);
  const gMean = new Float32Array(batch * d);
  const gLogStd = new Float32Array(d);
  let loss = 0;
  for (let j = 0; j < d; j++) {
    const invVar = Math.exp(-2 * logStd[j]!);
    let sq = 0;
    for (let n = 0; n < batch; n++) {
      const diff = meanPerturbed[n * d + j]! - meanClean[n * d + j]!;
      sq += diff * diff * invVar;
      gMean[n * d + j] = (2 * diff * invVar) / batch;
    }
    loss += sq;
    gLogStd[j] = (-2 * sq) / batch;
  }
  return { loss: loss / batch, gradMeanPerturbed: gMean, gradLogStd: gLogStd };
}

/** Mean squared error over all entries (torch's MSELoss), gradient w.r.t. pred. */
export function mseLoss(pred: Float32Array, target: Float32Array, grad?: Float32Array): { loss: number; grad: Float32Array } {
  sameLength('target', target, pred.length);
  if (pred.length === 0) throw new InvalidArgumentError('pred', 'a non-empty array', '0 values');
  const g = grad ?? new Float32Array(pred.length);
  sameLength('grad', g, pred.length);
  let loss = 0;
  const scale = 2 / pred.length;
  for (let i = 0; i < pred.length; i++) {
    const diff = pred[i]! - target[i]!;
    loss += diff * diff;
    g[i] = scale * diff;
  }
  return { loss: loss / pred.length, grad: g };
}
