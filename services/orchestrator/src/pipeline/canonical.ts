// Canonical JSON (sorted keys) and short content hashes: equal parameters give equal stage ids,
// which is how grid points share work and how the stage cache finds finished results.
import crypto from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function shortHash(value: unknown, length = 16): string {
  return crypto.createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}
