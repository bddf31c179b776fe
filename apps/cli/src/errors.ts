// Errors the CLI reports in one plain line (main.ts): a usage error exits 2, an unreachable service 1.

/** A bad command, flag or value: printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** gRPC's UNAVAILABLE: nothing answers at the address (refused, unresolvable, or gone). */
const UNAVAILABLE = 14;

/** A service that does not answer, said in plain words: which address, and how to start one. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
  constructor(
    readonly address: string,
    what = 'an orchestrator',
  ) {
    super(`no ${what.replace(/^an? /, '')} answers at ${address}; start one with \`rlprune up\` (it prints ORCHESTRATOR_ADDRESS), or pass the --address of a running one`);
  }
}

/** `err` as an UnreachableError when it is gRPC's UNAVAILABLE, else unchanged. */
export function plainUnreachable(err: unknown, address: string): unknown {
  return (err as { code?: number }).code === UNAVAILABLE ? new UnreachableError(address) : err;
}
