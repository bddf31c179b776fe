// The L-inf ball around the clean observations: projection and random starting points.
import type { Rng } from '@rlprune/random';

/** Clamps x in place into [center - eps, center + eps] entrywise (both [n * d]). */
export function projectToBall(x: Float32Array, center: Float32Array, eps: number): Float32Array {
  for (let i = 0; i < x.length; i++) {
    const c = center[i]!;
    const lo = c - eps;
    const hi = c + eps;
    const v = x[i]!;
    x[i] = v < lo ? lo : v > hi ? hi : v;
  }
  return x;
}

/** center + U(-radius, radius) per entry. */
export function uniformStart(center: Float32Array, radius: number, rng: Rng): Float32Array {
  const x = new Float32Array(center.length);
  for (let i = 0; i < x.length; i++) x[i] = center[i]! + rng.range(-radius, radius);
  return x;
}

/** Adds sign(direction) * step in place (the L-inf steepest step); zero where the direction is 0. */
export function signedStep(x: Float32Array, direction: Float32Array, step: number): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! + step * Math.sign(direction[i]!);
}
