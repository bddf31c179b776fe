// Process entry for a service: read the config, start, mark ready, and stop cleanly on SIGTERM or
// SIGINT (exit 0), or when the local launcher that started it dies (parent-watch.ts). A start-up
// error prints one line and exits 2.
import { ConfigError, envMs, listenConfig } from './config';
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
  try {
    const listen = listenConfig(opts.defaultPort);
    const graceMs = envMs('SHUTDOWN_GRACE_MS', 10_000);
    handle = await startService({ ...opts, listen, graceMs });
  } catch (err) {
    return exitOnConfigError(opts.name)(err);
  }
  const stop = (signal: string) => {
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
