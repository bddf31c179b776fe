// Process entry for a service: read the config, start, mark ready, and stop cleanly on SIGTERM or
// SIGINT (exit 0), or when the local launcher that started it dies (parent-watch.ts); a stop that
// has not ended the process by the drain grace plus a margin ends with SIGKILL (exit-deadline.ts).
// A start-up error prints one line and exits 2.
import { ConfigError, envMs, listenConfig } from './config';
import { DEFAULT_EXIT_MARGIN_MS, killAfter } from './exit-deadline';
import { stdioSink } from './log-sink';
import { watchParent } from './parent-watch';
import { startService, type ServiceHandle, type StartOptions } from './server';

export interface RunOptions extends Omit<StartOptions, 'listen' | 'graceMs'> {
  /** Port used when PORT is not set. */
  defaultPort: number;
  /** Runs after the server is bound and before it reports SERVING (load models, connect). */
  ready?: (handle: ServiceHandle) => Promise<void> | void;
}

/**
 * For a service's entry point (`main(...).catch(exitOnConfigError(name))`): a ConfigError, whether
 * from reading the service's own settings before runService or from runService itself, prints one
 * line and exits 2; anything else is rethrown (a crash with its stack).
 */
export function exitOnConfigError(name: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${name}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  };
}

export async function runService(opts: RunOptions): Promise<ServiceHandle> {
  let handle: ServiceHandle;
  let exitDeadlineMs: number;
  try {
    const listen = listenConfig(opts.defaultPort);
    const graceMs = envMs('SHUTDOWN_GRACE_MS', 10_000);
    exitDeadlineMs = graceMs + envMs('RLPRUNE_EXIT_MARGIN_MS', DEFAULT_EXIT_MARGIN_MS);
    handle = await startService({ ...opts, listen, graceMs });
  } catch (err) {
    return exitOnConfigError(opts.name)(err);
  }
  // services print nothing on stdout, but a dependency might: a reader that has closed it must not
  // turn that print into an uncaught EPIPE (the sink's error listener absorbs it)
  stdioSink(process.stdout);
  let stopping = false;
  const stop = (signal: string) => {
    if (!stopping) killAfter(exitDeadlineMs);
    stopping = true;
    void handle.shutdown(`received ${signal}`).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // the watcher kills the process if this graceful stop has not ended it within the grace period
  watchParent(() => stop('parent exit'));
  await opts.ready?.(handle);
  handle.setServing(true);
  handle.logger.info({ address: handle.address }, `${opts.name} ready`);
  return handle;
}
