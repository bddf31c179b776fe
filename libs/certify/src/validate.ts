// Input checks shared by every public entry point; each failure names the field and both the
// expected and the actual value.
import { InvalidArgumentError, show } from '@rlprune/errors';

export function checkEpsilon(epsilon: number, field = 'epsilon'): void {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0)
    throw new InvalidArgumentError(field, 'a finite number >= 0', show(epsilon));
}

export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new InvalidArgumentError(field, `one of ${allowed.join('|')}`, show(value));
  return value as T;
}

export function checkLogStd(logStd: ArrayLike<number>, actionDim: number, field = 'logStd'): void {
  if (!logStd || logStd.length !== actionDim)
    throw new InvalidArgumentError(`${field}.length`, `${actionDim} (the actor's output width)`, show(logStd?.length));
  for (let j = 0; j < logStd.length; j++)
    if (!Number.isFinite(logStd[j]!)) throw new InvalidArgumentError(`${field}[${j}]`, 'finite', show(logStd[j]));
}

export function checkStates(states: ArrayLike<ArrayLike<number>>, width: number, field = 'states'): void {
  if (!states || states.length === 0)
    throw new InvalidArgumentError(field, 'a non-empty array of states', show(states?.length === 0 ? 'an empty array' : states));
  for (let s = 0; s < states.length; s++) checkState(states[s]!, width, `${field}[${s}]`);
}

export function checkState(state: ArrayLike<number>, width: number, field = 'state'): void {
  if (!state || state.length !== width)
    throw new InvalidArgumentError(`${field}.length`, `${width} (the actor's input width)`, show(state?.length));
  for (let i = 0; i < width; i++)
    if (!Number.isFinite(state[i]!)) throw new InvalidArgumentError(`${field}[${i}]`, 'finite', show(state[i]));
}

export function checkProbability(value: number, field: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new InvalidArgumentError(field, 'a number in [0, 1]', show(value));
}
