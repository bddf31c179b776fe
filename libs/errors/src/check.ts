// Small input checks that throw InvalidArgumentError in the common form ("field: expected X, got Y")
// and return the value narrowed, so a validator reads as a list of `check.*` calls.
import { InvalidArgumentError } from './errors';
import { show } from './show';

export function positiveInt(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError(field, 'a positive integer', show(value));
  return value;
}

export function nonNegativeInt(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(field, 'an integer >= 0', show(value));
  return value;
}

export function finite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(field, 'a finite number', show(value));
  return value;
}

export interface RangeOptions {
  /** The lower bound itself is not allowed (default false: [min, ...). */
  minExclusive?: boolean;
  /** The upper bound itself is not allowed (default false: ..., max]). */
  maxExclusive?: boolean;
}

/** A finite number in [min, max] (bounds exclusive as `opts` says; Infinity leaves a side open). */
export function inRange(field: string, value: unknown, min: number, max: number, opts: RangeOptions = {}): number {
  const v = finite(field, value);
  const lowOk = opts.minExclusive ? v > min : v >= min;
  const highOk = opts.maxExclusive ? v < max : v <= max;
  if (!lowOk || !highOk) throw new InvalidArgumentError(field, describeRange(min, max, opts), show(v));
  return v;
}

function describeRange(min: number, max: number, opts: RangeOptions): string {
  if (max === Infinity) return `a number ${opts.minExclusive ? '>' : '>='} ${min}`;
  if (min === -Infinity) return `a number ${opts.maxExclusive ? '<' : '<='} ${max}`;
  return `a number in ${opts.minExclusive ? '(' : '['}${min}, ${max}${opts.maxExclusive ? ')' : ']'}`;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(field, `one of ${allowed.join(', ')}`, show(value));
  }
  return value as T;
}

/** The shape of a dense MLP as libs/nn stores it (weights [outDim, inDim] row-major, a mask per weight). */
export interface MlpShape {
  activation: unknown;
  layers: readonly { inDim: number; outDim: number; w: ArrayLike<number>; mask: ArrayLike<number>; b: ArrayLike<number> }[];
}

export interface MlpShapeOptions {
  /** Whether every array must be a Float32Array (the engines' layout; default true) or any array of numbers (certify's float64 copies). */
  float32?: boolean;
}

/** Every layer's arrays have the lengths its dims imply (Float32Arrays unless `opts` says otherwise), and consecutive layers chain. */
export function mlpShape(field: string, mlp: MlpShape, opts: MlpShapeOptions = {}): void {
  const float32 = opts.float32 ?? true;
  const kind = float32 ? 'a Float32Array' : 'an array';
  if (!mlp || !Array.isArray(mlp.layers) || mlp.layers.length === 0) throw new InvalidArgumentError(`${field}.layers`, 'at least one layer', show(mlp?.layers));
  oneOf(`${field}.activation`, mlp.activation, ['tanh', 'relu']);
  mlp.layers.forEach((layer, l) => {
    const at = `${field}.layers[${l}]`;
    positiveInt(`${at}.inDim`, layer.inDim);
    positiveInt(`${at}.outDim`, layer.outDim);
    if (l > 0 && layer.inDim !== mlp.layers[l - 1]!.outDim) {
      throw new InvalidArgumentError(`${at}.inDim`, `${mlp.layers[l - 1]!.outDim} (the previous layer's outDim)`, show(layer.inDim));
    }
    const shape = `[${layer.outDim}, ${layer.inDim}]`;
    arrayLength(`${at}.w`, layer.w, layer.outDim * layer.inDim, float32, `${kind} of shape ${shape}`);
    arrayLength(`${at}.mask`, layer.mask, layer.outDim * layer.inDim, float32, `${kind} of shape ${shape}`);
    arrayLength(`${at}.b`, layer.b, layer.outDim, float32, `${kind} of length ${layer.outDim}`);
  });
}

function arrayLength(field: string, a: unknown, length: number, float32: boolean, expected: string): void {
  const ok = float32 ? a instanceof Float32Array : ArrayBuffer.isView(a) || Array.isArray(a);
  if (!ok || (a as ArrayLike<number>).length !== length) throw new InvalidArgumentError(field, expected, show(a));
}
