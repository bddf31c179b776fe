// Checks shared by every attack: the budget, the seed, parameter overrides, observation batches.
import { show, InvalidArgumentError } from '@rlprune/errors';
import type { AttackParameter } from './types';

/** epsilon must be a finite number >= 0. */
export function checkEpsilon(epsilon: unknown): number {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) {
    throw new InvalidArgumentError('epsilon', 'a finite number >= 0', show(epsilon));
  }
  return epsilon;
}

export function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError('seed', 'an integer >= 0', show(seed));
  }
  return seed;
}

/** Defaults overlaid with the caller's values, each checked against its declared range. */
export function resolveParams<K extends string>(
  attack: string, parameters: readonly AttackParameter[], given: Record<string, number> = {},
): Record<K, number> {
  const known = new Map(parameters.map((p) => [p.name, p]));
  const out: Record<string, number> = {};
  for (const p of parameters) out[p.name] = p.default;
  for (const [name, value] of Object.entries(given)) {
    const p = known.get(name);
    const field = `params.${name}`;
    if (!p) {
      const names = parameters.map((q) => q.name).join(', ') || '(none)';
      throw new InvalidArgumentError(field, `one of the parameters of ${attack}: ${names}`, 'an unknown parameter');
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(field, 'a finite number', show(value));
    if (p.integer && !Number.isInteger(value)) throw new InvalidArgumentError(field, 'an integer', String(value));
    if (p.min !== undefined && value < p.min) throw new InvalidArgumentError(field, `>= ${p.min}`, String(value));
    if (p.max !== undefined && value > p.max) throw new InvalidArgumentError(field, `<= ${p.max}`, String(value));
    out[name] = value;
  }
  return out as Record<K, number>;
}

/** obs is a Float32Array of n rows of width obsDim holding finite values; episodeStart has n entries. */
export function checkObsBatch(obs: unknown, n: unknown, obsDim: number, episodeStart?: readonly boolean[]): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('n', 'an integer >= 1', show(n));
  if (!(obs instanceof Float32Array)) throw new InvalidArgumentError('observations', 'a Float32Array', show(obs));
  if (obs.length !== n * obsDim) {
    const width = obs.length / n;
    const shown = Number.isInteger(width) ? `shape [${n}, ${width}]` : `${obs.length} values`;
    throw new InvalidArgumentError('observations', `shape [${n}, ${obsDim}] (observation width ${obsDim} of the policy)`, shown);
  }
  for (let i = 0; i < obs.length; i++) {
    if (!Number.isFinite(obs[i]!)) {
      throw new InvalidArgumentError(`observations[${Math.floor(i / obsDim)}][${i % obsDim}]`, 'a finite number', String(obs[i]));
    }
  }
  if (episodeStart !== undefined && episodeStart.length !== n) {
    throw new InvalidArgumentError('episodeStart', `${n} entries (one per row)`, `${episodeStart.length} entries`);
  }
}

/** Common parameters of the gradient attacks (10 steps of size epsilon/10, as SA-PPO's). */
export const STEPS_PARAM: AttackParameter = {
  name: 'steps', default: 10, description: 'gradient steps per observation', min: 0, max: 1000, integer: true,
};
export const STEP_RATIO_PARAM: AttackParameter = {
  name: 'step_ratio', default: 0.1, description: 'step size as a fraction of epsilon', min: 0, max: 1,
};
