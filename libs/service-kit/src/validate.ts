// Request validation helpers: each throws InvalidArgumentError naming the field and saying what
// was expected and what arrived, so a user can fix the request without reading the server's code.
import { InvalidArgumentError } from './errors';
import { clipQuoted } from './quote';

function describe(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  return clipQuoted(typeof v === 'string' ? JSON.stringify(v) : String(v));
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidArgumentError(`is required (a non-empty string), got ${describe(value)}`, field);
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}, got ${describe(value)}`, field);
  }
  return value as T;
}

export function requireFinite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`must be a finite number, got ${describe(value)}`, field);
  }
  return value;
}

export function requireRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  opts: { minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  const v = requireFinite(value, field);
  const lowOk = opts.minExclusive ? v > min : v >= min;
  const highOk = opts.maxExclusive ? v < max : v <= max;
  if (!lowOk || !highOk) {
    const lo = opts.minExclusive ? '(' : '[';
    const hi = opts.maxExclusive ? ')' : ']';
    throw new InvalidArgumentError(`must be in ${lo}${min}, ${max}${hi}, got ${v}`, field);
  }
  return v;
}

export function requireNonNegative(value: unknown, field: string): number {
  const v = requireFinite(value, field);
  if (v < 0) throw new InvalidArgumentError(`must be >= 0, got ${v}`, field);
  return v;
}

export function requirePositive(value: unknown, field: string): number {
  const v = requireFinite(value, field);
  if (v <= 0) throw new InvalidArgumentError(`must be > 0, got ${v}`, field);
  return v;
}

export function requirePositiveInt(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  const v = requireFinite(value, field);
  if (!Number.isInteger(v) || v < 1 || v > max) {
    throw new InvalidArgumentError(`must be an integer in [1, ${max}], got ${v}`, field);
  }
  return v;
}

/** A sha256 content id. */
export function requireArtifactId(ref: { id?: string } | null | undefined, field: string): string {
  const id = ref?.id;
  if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id)) {
    throw new InvalidArgumentError(`must be an artifact id (64 lower-case hex characters), got ${describe(id)}`, field);
  }
  return id;
}
