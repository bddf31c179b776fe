// How long an error message a service may send: a status travels in HTTP/2 trailers of limited size.
// (Values inside a message are quoted by @rlprune/errors' show, clipped to ~100 characters.)

/** Longest error message a service sends (a status travels in HTTP/2 trailers of limited size). */
export const MAX_STATUS_DETAILS_CHARS = 2_000;
