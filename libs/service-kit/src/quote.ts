// How errors quote a caller's values: clipped, so a 60 MB id cannot become a 60 MB message (or a
// gRPC status whose trailers fail to send).

/** Longest excerpt of a caller's value quoted back in any error message. */
export const MAX_QUOTED_CHARS = 100;

/** Longest error message a service sends (a status travels in HTTP/2 trailers of limited size). */
export const MAX_STATUS_DETAILS_CHARS = 2_000;

/** `text` itself when short, else its first MAX_QUOTED_CHARS characters and its length. */
export function clipQuoted(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}

/** A caller's value as an error quotes it: JSON for strings, clipped. */
export function quoteValue(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  let text: string;
  try {
    text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    text = String(v);
  }
  return clipQuoted(text);
}
