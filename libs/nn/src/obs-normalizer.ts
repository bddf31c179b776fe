// Running observation normaliser (as Gymnasium's NormalizeObservation / SB3's RunningMeanStd): batch
// statistics merged with the parallel-variance formula, then (x - mean) / sqrt(var + eps) clipped.
// Statistics are float64 so millions of updates do not drift.
import { check, InvalidArgumentError } from '@rlprune/errors';
import type { ObsNormalizer } from './types';
import { checkBatch } from './validate';

export interface ObsNormalizerOptions {
  /** Normalised values are clipped to [-clip, clip]. Default 10 (CleanRL, SA-PPO). */
  clip?: number;
  /** Added to the variance before the square root. Default 1e-8. */
  eps?: number;
  /** Prior sample count, so the first update is not divided by zero. Default 1e-4. */
  initialCount?: number;
}

/** Mean 0, variance 1, count = the prior. */
export function createObsNormalizer(dim: number, options: ObsNormalizerOptions = {}): ObsNormalizer {
  check.positiveInt('dim', dim);
  const clip = options.clip ?? 10;
  if (!(clip > 0)) throw new InvalidArgumentError('clip', 'a number > 0', String(clip));
  return {
    mean: new Float64Array(dim),
    var: new Float64Array(dim).fill(1),
    count: options.initialCount ?? 1e-4,
    clip,
    eps: options.eps ?? 1e-8,
  };
}

/** Merges a batch [batch, dim] of raw observations into the running statistics. */
export function updateObsNormalizer(norm: ObsNormalizer, obs: ArrayLike<number>, batch: number): void {
  const d = norm.mean.length;
  checkBatch('obs', obs, batch, d);
  const total = norm.count + batch;
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let n = 0; n < batch; n++) s += obs[n * d + j]!;
    const bMean = s / batch;
    let ss = 0;
    for (let n = 0; n < batch; n++) ss += (obs[n * d + j]! - bMean) ** 2;
    const bVar = ss / batch;
    const delta = bMean - norm.mean[j]!;
    const m2 = norm.var[j]! * norm.count + bVar * batch + (delta * delta * norm.count * batch) / total;
    norm.mean[j] = norm.mean[j]! + (delta * batch) / total;
    norm.var[j] = m2 / total;
  }
  norm.count = total;
}

/** (obs - mean) / sqrt(var + eps), clipped; into out when given. */
export function normalizeObs(norm: ObsNormalizer, obs: ArrayLike<number>, batch: number, out?: Float32Array): Float32Array {
  const d = norm.mean.length;
  checkBatch('obs', obs, batch, d);
  const result = out ?? new Float32Array(batch * d);
  checkBatch('out', result, batch, d);
  for (let j = 0; j < d; j++) {
    const inv = 1 / Math.sqrt(norm.var[j]! + norm.eps);
    const mean = norm.mean[j]!;
    for (let n = 0; n < batch; n++) {
      const z = (obs[n * d + j]! - mean) * inv;
      result[n * d + j] = z > norm.clip ? norm.clip : z < -norm.clip ? -norm.clip : z;
    }
  }
  return result;
}

export function cloneObsNormalizer(norm: ObsNormalizer): ObsNormalizer {
  return { mean: norm.mean.slice(), var: norm.var.slice(), count: norm.count, clip: norm.clip, eps: norm.eps };
}
