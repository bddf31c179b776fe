// Request validation helpers: each throws InvalidArgumentError naming the field and saying what
// was expected and what arrived ("field: expected X, got Y"), so a user can fix the request without
// reading the server's code. Thin request-shaped wrappers over @rlprune/errors' check.*.
import { check, InvalidArgumentError, show } from '@rlprune/errors';

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidArgumentError(field, 'a non-empty string', show(value));
  return value;
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  return check.oneOf(field, value, allowed);
}

export function requireFinite(value: unknown, field: string): number {
  return check.finite(field, value);
}

export function requireRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
  opts: { minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  return check.inRange(field, value, min, max, opts);
}

export function requireNonNegative(value: unknown, field: string): number {
  return check.inRange(field, value, 0, Infinity);
}

export function requirePositive(value: unknown, field: string): number {
  return check.inRange(field, value, 0, Infinity, { minExclusive: true });
}

export function requirePositiveInt(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  const v = check.finite(field, value);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new InvalidArgumentError(field, `an integer in [1, ${max}]`, show(v));
  return v;
}

/** A sha256 content id. */
export function requireArtifactId(ref: { id?: string } | null | undefined, field: string): string {
  const id = ref?.id;
  if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id)) {
    throw new InvalidArgumentError(field, 'an artifact id (64 lower-case hex characters)', show(id));
  }
  return id;
}
