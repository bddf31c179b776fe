// A usage error: the CLI prints its message and exits 2, without a stack trace.
export class UsageError extends Error {
  override name = 'UsageError';
}
