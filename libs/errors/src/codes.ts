// The codes an rlprune error carries. Each maps to one gRPC status (service-kit's toStatus does the
// mapping), so a library can say what kind of failure it is without depending on gRPC.

export const ERROR_CODES = [
  /** The caller sent a bad value; sending it again will fail again. */
  'invalid_argument',
  /** The thing named (an env id, an experiment, an artifact) does not exist. */
  'not_found',
  /** The call is valid only in another state (step before reset, Perturb before Prepare). */
  'failed_precondition',
  /** The call asks for more than a configured limit allows. */
  'resource_exhausted',
  /** A service this call needs cannot be reached; retrying later may work. */
  'unavailable',
  /** The call is not implemented in this version. */
  'unimplemented',
  /** The call is not allowed by the service's settings (e.g. its dial allow-list). */
  'permission_denied',
  /** The work was stopped on the caller's request. */
  'cancelled',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The code of anything thrown, when it is an rlprune error (matched by shape, not by class, so two copies of this lib still agree). */
export function errorCodeOf(err: unknown): ErrorCode | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined;
}
