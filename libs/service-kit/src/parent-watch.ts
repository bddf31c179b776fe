// A local service exits when the process that started it dies. `rlprune run` and `rlprune up`
// start every service as a child (services/orchestrator/src/local/launch.ts) and pass their own pid
// in RLPRUNE_PARENT_PID; a `kill -9` of the CLI runs no cleanup, so each child watches for itself:
// when its parent pid changes (the kernel re-parents an orphan to init or a subreaper) it stops.
// The watch runs on its own thread: the main thread may be stuck where no timer of its own can run
// (before log-sink.ts, a log write to the dead parent's stderr pipe was retried forever in a futex
// wait), so the watcher asks the main thread to shut down and, if it has not exited within the
// grace period, ends the process with SIGKILL itself. The ledger and artifact store are crash-safe.
import { Worker } from 'node:worker_threads';
import { envInt, envMs } from './config';

/** How often a service checks its parent (RLPRUNE_PARENT_POLL_MS). */
export const DEFAULT_PARENT_POLL_MS = 250;

/**
 * How long an orphaned service drains before it is killed regardless (RLPRUNE_ORPHAN_GRACE_MS):
 * short, since nobody is left to answer; the bar is no rlprune process alive 5 s after the
 * CLI died.
 */
export const DEFAULT_ORPHAN_GRACE_MS = 2_000;

// process.ppid is a live getter over getppid(2), the same on every thread of the process
const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const timer = setInterval(() => {
  if (process.ppid === workerData.parent) return;
  clearInterval(timer);
  parentPort.postMessage('orphaned');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.graceMs);
}, workerData.pollMs);
`;

/**
 * Calls `onOrphaned` once when this process's parent is no longer RLPRUNE_PARENT_PID (unset: no
 * watch, e.g. a service started by hand or by Kubernetes), and kills the process `graceMs` later
 * if it is still running. Returns a function that stops watching.
 */
export function watchParent(onOrphaned: () => void, env: NodeJS.ProcessEnv = process.env): () => void {
  if (!env.RLPRUNE_PARENT_PID) return () => undefined;
  const parent = envInt('RLPRUNE_PARENT_PID', 0, env);
  const pollMs = envMs('RLPRUNE_PARENT_POLL_MS', DEFAULT_PARENT_POLL_MS, env);
  const graceMs = envMs('RLPRUNE_ORPHAN_GRACE_MS', DEFAULT_ORPHAN_GRACE_MS, env);
  if (process.ppid !== parent) {
    // already orphaned at start (the launcher died while we loaded)
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), graceMs).unref();
    onOrphaned();
    return () => undefined;
  }
  // execArgv [] : the watcher is plain CommonJS and needs no TypeScript loader
  const worker = new Worker(WATCHER, { eval: true, workerData: { parent, pollMs, graceMs }, execArgv: [], stdout: true, stderr: true });
  worker.on('message', () => onOrphaned());
  worker.on('error', () => undefined);
  // the watcher alone must not keep a finished service alive
  worker.unref();
  return () => void worker.terminate();
}
