// A service told to stop is gone by a deadline even if its main thread never gets back to the event
// loop to finish the graceful stop: a write blocked in the kernel (a stderr pipe nobody reads, left
// blocking by another process sharing it; see log-sink.ts), a synchronous flush retried forever in an
// 'exit' handler, a shutdown hook that never settles. A worker thread's timers run while the main
// thread is stuck, so the deadline is kept by a worker that SIGKILLs the process, as parent-watch.ts
// does for an orphan. The ledger and the artifact store are crash-safe, so a kill at the deadline
// loses nothing that a clean stop would have kept.
import { Worker } from 'node:worker_threads';

/**
 * How long a stopping service has after its drain grace (SHUTDOWN_GRACE_MS) to run its shutdown
 * hooks and exit before it is killed (RLPRUNE_EXIT_MARGIN_MS): hooks close the ledger and flush
 * telemetry, which take well under a second when nothing is wrong.
 */
export const DEFAULT_EXIT_MARGIN_MS = 5_000;

const KILLER = `
const { workerData } = require('node:worker_threads');
setTimeout(() => process.kill(process.pid, 'SIGKILL'), workerData.ms);
`;

/** SIGKILLs this process `ms` from now unless it has exited; returns a function that cancels. */
export function killAfter(ms: number): () => void {
  // execArgv [] : the worker is plain CommonJS and needs no TypeScript loader
  const worker = new Worker(KILLER, { eval: true, workerData: { ms }, execArgv: [], stdout: true, stderr: true });
  worker.on('error', () => undefined);
  // the deadline alone must not keep a process alive that has finished its work
  worker.unref();
  return () => void worker.terminate();
}
