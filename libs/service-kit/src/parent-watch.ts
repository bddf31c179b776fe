// A local service exits when the process that started it dies. `rlprune run` and `rlprune up`
// start every service as a child (services/orchestrator/src/local/launch.ts) and pass their own pid
// in RLPRUNE_PARENT_PID; a `kill -9` of the CLI runs no cleanup, so each child watches for itself:
// when its parent pid changes (the kernel re-parents an orphan to init or a subreaper) it stops.
// Polling process.ppid (a live getter over getppid(2)) needs no IPC channel and works for any parent.
import { envInt, envMs } from './config';

/** How often a service checks its parent (RLPRUNE_PARENT_POLL_MS). */
export const DEFAULT_PARENT_POLL_MS = 250;

/**
 * How long an orphaned service drains before it exits regardless (RLPRUNE_ORPHAN_GRACE_MS): short,
 * since nobody is left to answer; the bar is no rlprune process alive 5 s after the CLI died.
 */
export const DEFAULT_ORPHAN_GRACE_MS = 2_000;

/**
 * Calls `onOrphaned` once when this process's parent is no longer RLPRUNE_PARENT_PID (unset: no
 * watch, e.g. a service started by hand or by Kubernetes). Returns a function that stops watching.
 */
export function watchParent(onOrphaned: (graceMs: number) => void, env: NodeJS.ProcessEnv = process.env): () => void {
  if (!env.RLPRUNE_PARENT_PID) return () => undefined;
  const parent = envInt('RLPRUNE_PARENT_PID', 0, env);
  const pollMs = envMs('RLPRUNE_PARENT_POLL_MS', DEFAULT_PARENT_POLL_MS, env);
  const graceMs = envMs('RLPRUNE_ORPHAN_GRACE_MS', DEFAULT_ORPHAN_GRACE_MS, env);
  const check = () => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned(graceMs);
  };
  const timer = setInterval(check, pollMs);
  // the watch alone must not keep a finished service alive
  timer.unref();
  check();
  return () => clearInterval(timer);
}
