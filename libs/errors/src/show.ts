// The one way an error quotes a value back to the user: short, and clipped, so a 60 MB id cannot
// become a 60 MB message (or a gRPC status whose trailers fail to send; issue 21).

/** Longest excerpt of a caller's value quoted back in any error message. */
export const MAX_QUOTED_CHARS = 100;

/** `text` itself when short, else its first `max` characters and its length. */
export function clip(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}

/**
 * A value as an error message shows it: strings quoted, arrays by their type and length (never
 * their contents), objects as clipped JSON, nothing as "nothing".
 */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as ArrayLike<unknown>).length;
    return length === undefined ? `${value.constructor.name} of ${value.byteLength} bytes` : `${value.constructor.name} of length ${length}`;
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  try {
    const json = JSON.stringify(value);
    return json === undefined ? 'an object' : clip(json);
  } catch {
    return 'an object'; // cyclic or holding a bigint
  }
}
